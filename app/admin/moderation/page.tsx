import type { Metadata } from "next";
import { DataTable } from "@/components/ui/table";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { KIND_LABELS } from "@/lib/listings/kinds";
import { approvalQueue } from "@/lib/moderation/approvals";

export const metadata: Metadata = { title: "Approval queue · Admin" };

export default async function ApprovalQueuePage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireAdminPage();
  const { done } = await searchParams;
  const queue = await approvalQueue(await getDb(), user);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Approval queue</h1>
        <Link href="/admin" className="text-sm text-brand-700 hover:underline">
          ← Admin
        </Link>
      </div>
      {done === "approved" || done === "rejected" ? (
        <Alert tone="success">
          {done === "approved" ? "Approved. The creator has been notified." : "Rejected. The creator sees your reason on their listing."}
        </Alert>
      ) : null}
      {queue.length === 0 ? (
        <EmptyState title="Nothing waiting for approval">New listings and new versions appear here when creators submit them.</EmptyState>
      ) : (
        <DataTable caption="Versions waiting for approval, oldest first" roomy minWidth="min-w-[40rem]" columns={["Listing", "Creator", "What", "Submitted"]}>
          {queue.map((item) => (
            <tr key={item.versionId}>
              <td className="px-4 py-3">
                <Link href={`/admin/moderation/${item.versionId}`} className="font-medium text-brand-700 hover:underline">
                  {item.title}
                </Link>
                <p className="text-xs text-slate-500">{KIND_LABELS[item.kind]}</p>
              </td>
              <td className="px-4 py-3">
                {item.creatorName} <span className="text-xs text-slate-500">@{item.creatorHandle}</span>
              </td>
              <td className="px-4 py-3">{item.isUpdate ? <Badge tone="info">Update to v{item.number}</Badge> : <Badge tone="brand">New listing</Badge>}</td>
              <td className="px-4 py-3 text-slate-600">{formatDateTime(item.submittedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
