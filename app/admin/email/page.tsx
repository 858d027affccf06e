// GET /admin/email — outgoing mail at a glance: what waits, what is being retried, what failed (with the last
// error) and a way to send a failed mail again once its cause is fixed.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { RetryMailButton } from "@/components/email/retry-mail-button";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/session";
import { failedMails, outboxSummary } from "@/lib/email/admin-outbox";
import { formatTimestamp } from "@/lib/format";
import { retryMailAction } from "./actions";

export const metadata: Metadata = { title: "Email · Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function AdminEmailPage() {
  const user = await requireAdminPage();
  const db = await getDb();
  const [summary, failed] = await Promise.all([outboxSummary(db, user), failedMails(db, user)]);
  const figures = [
    ["Waiting to send", summary.due],
    ["Being retried", summary.retrying],
    ["Sending now", summary.sending],
    ["Failed", summary.failed],
    ["Sent in the last 24 h", summary.sentLastDay],
  ] as const;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Email</h1>
        <Link href="/admin" className="text-sm text-brand-700 hover:underline">
          ← Admin
        </Link>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className={`mt-1 text-2xl font-semibold ${label === "Failed" && value > 0 ? "text-red-700" : "text-slate-900"}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {summary.oldestDueAt ? (
        <p className="text-sm text-slate-600">Oldest unsent mail queued {formatTimestamp(summary.oldestDueAt)}. The sweep runs every five minutes.</p>
      ) : null}
      <section aria-labelledby="failed-title" className="space-y-3">
        <h2 id="failed-title" className="text-lg font-semibold">
          Failed mail
        </h2>
        <p className="text-sm text-slate-600">
          Each was tried 10 times over about 14 hours. Fix the cause (SMTP credentials, the address), then send it again.
        </p>
        {failed.length === 0 ? (
          <EmptyState title="No failed mail">Every mail so far was accepted by the mail server, or is still being tried.</EmptyState>
        ) : (
          <DataTable caption="Failed mail" columns={["Queued", "To", "Template", "Last error", { label: "Action", srOnly: true }]} minWidth="min-w-[48rem]">
            {failed.map((mail) => (
              <tr key={mail.id}>
                <td className="whitespace-nowrap px-3 py-2 text-slate-500">{formatTimestamp(mail.createdAt)}</td>
                <td className="break-all px-3 py-2">{mail.toAddress}</td>
                <td className="px-3 py-2 font-mono text-xs">{mail.template}</td>
                <td className="px-3 py-2 text-xs text-red-700">
                  {mail.lastError ?? "—"} <span className="text-slate-500">({mail.attempts} attempts)</span>
                </td>
                <td className="px-3 py-2 text-right">
                  <RetryMailButton mailId={mail.id} action={retryMailAction} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
