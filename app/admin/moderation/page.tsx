import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Pager } from "@/components/payouts/pager";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PastTheEnd } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { DataTable, rightAligned } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { KIND_LABELS, LISTING_KINDS } from "@/lib/listings/kinds";
import { approvalQueuePage, queueCreators, queueFilterSchema, waitingTime, type QueueFilter } from "@/lib/moderation/queue";

export const metadata: Metadata = { title: "Approval queue · Admin" };

const DONE: Record<string, string> = {
  approved: "Approved. The creator has been notified.",
  rejected: "Rejected. The creator sees your reason on their listing.",
};

/** The queue's address with its filters and page (the first page has none). */
function queueHref(filter: QueueFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.kind) params.set("kind", filter.kind);
  if (filter.creator) params.set("creator", filter.creator);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/moderation?${query}` : "/admin/moderation";
}

export default async function ApprovalQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireAdminPage();
  const params = await searchParams;
  const filter = queueFilterSchema.parse({ kind: params.kind, creator: params.creator, page: params.page });
  const db = await getDb();
  const [queue, creators] = await Promise.all([approvalQueuePage(db, user, filter, filter.page ?? 1), queueCreators(db, user)]);
  const now = new Date();
  const filtered = Boolean(filter.kind || filter.creator);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Approval queue</h1>
        <Link href="/admin" className="text-sm text-brand-700 hover:underline">
          ← Admin
        </Link>
      </div>
      {params.done && DONE[params.done] ? <Alert tone="success">{DONE[params.done]}</Alert> : null}
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the queue">
        <SelectField
          label="Kind"
          name="kind"
          defaultValue={filter.kind ?? ""}
          options={[["", "All kinds"], ...LISTING_KINDS.map((k) => [k, KIND_LABELS[k]] as const)]}
        />
        <SelectField
          label="Creator"
          name="creator"
          defaultValue={filter.creator ?? ""}
          options={[["", "All creators"], ...creators.map((c) => [c.handle.toLowerCase(), `${c.name} (@${c.handle}) · ${c.waiting}`] as const)]}
        />
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        {filtered ? (
          <Link href="/admin/moderation" className="py-2 text-sm text-brand-700 hover:underline">
            Clear filters
          </Link>
        ) : null}
      </form>
      {queue.total > 0 ? (
        <p className="text-sm text-slate-600" aria-live="polite">
          {queue.total.toLocaleString("en-US")} waiting{filtered ? " that match these filters" : ""}
        </p>
      ) : null}
      {queue.total === 0 ? (
        <EmptyState title={filtered ? "Nothing waiting that matches these filters" : "Nothing waiting for approval"}>
          New listings, new versions and changes to live listings appear here when creators submit them.
        </EmptyState>
      ) : queue.rows.length === 0 ? (
        <PastTheEnd firstPage={queueHref(filter, 1)}>The queue is shorter than this now: items were decided since the link was made.</PastTheEnd>
      ) : (
        <>
          <DataTable
            caption="Waiting for approval, oldest first"
            roomy
            minWidth="min-w-[44rem]"
            columns={["Listing", "Creator", "What", "Submitted", ...rightAligned("Waiting")]}
          >
            {queue.rows.map((item) => (
              <tr key={`${item.type}-${item.id}`}>
                <td className="px-4 py-3">
                  <Link
                    href={item.type === "version" ? `/admin/moderation/${item.id}` : `/admin/moderation/changes/${item.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {item.title}
                  </Link>
                  <p className="text-xs text-slate-500">{KIND_LABELS[item.kind]}</p>
                </td>
                <td className="px-4 py-3">
                  {item.creatorName} <span className="text-xs text-slate-500">@{item.creatorHandle}</span>
                </td>
                <td className="px-4 py-3">
                  {item.type === "revision" ? (
                    <Badge tone="warning">Changes to the live details</Badge>
                  ) : item.isUpdate ? (
                    <Badge tone="info">Update to v{item.number}</Badge>
                  ) : (
                    <Badge tone="brand">New listing</Badge>
                  )}
                </td>
                <td className="px-4 py-3 text-slate-600">{formatDateTime(item.submittedAt)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{waitingTime(item.submittedAt, now)}</td>
              </tr>
            ))}
          </DataTable>
          <Pager label="Queue pages" page={queue.page} pageCount={queue.pageCount} href={(p) => queueHref(filter, p)} />
        </>
      )}
    </div>
  );
}
