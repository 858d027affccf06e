import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Pager } from "@/components/payouts/pager";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PastTheEnd } from "@/components/ui/empty-state";
import { SearchForm } from "@/components/ui/search-form";
import { DataTable, rightAligned } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/session";
import { formatCount, formatDateTime } from "@/lib/format";
import { waitingTime } from "@/lib/moderation/queue";
import { reportQueue, reportQueueFilterSchema } from "@/lib/reports/queue";
import { REPORT_REASON_LABELS, REPORT_TARGET_LABELS, REPORT_TARGET_TYPES } from "@/lib/reports/reasons";

export const metadata: Metadata = { title: "Reports · Admin" };

const TABS = [
  ["open", "Open"],
  ["resolved", "Resolved"],
  ["dismissed", "Dismissed"],
] as const;

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireAdminPage();
  const params = await searchParams;
  const filter = reportQueueFilterSchema.parse({ status: params.status, target: params.target, q: params.q, page: params.page });
  const queue = await reportQueue(await getDb(), user, filter, filter.page ?? 1);
  const rows = queue.rows;
  const now = new Date();
  const href = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    const merged: Record<string, string | undefined> = { status: filter.status, target: filter.target, q: filter.q, ...changes };
    for (const [k, v] of Object.entries(merged)) if (v) next.set(k, v);
    return `/admin/reports?${next}`;
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Reports</h1>
      {params.done ? <Alert tone="success">Decided. The reporter and the person concerned have been told.</Alert> : null}
      <nav aria-label="Report status" className="flex flex-wrap gap-2 text-sm">
        {TABS.map(([status, label]) => (
          <Link
            key={status}
            href={href({ status })}
            aria-current={filter.status === status ? "page" : undefined}
            className={`rounded-full px-3 py-1 ${filter.status === status ? "bg-slate-900 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
          >
            {label}
          </Link>
        ))}
        <span aria-hidden className="mx-1 text-slate-300">
          |
        </span>
        {[undefined, ...REPORT_TARGET_TYPES].map((target) => (
          <Link
            key={target ?? "all"}
            href={href({ target })}
            aria-current={filter.target === target ? "page" : undefined}
            className={`rounded-full px-3 py-1 ${filter.target === target ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
          >
            {target ? `${REPORT_TARGET_LABELS[target][0].toUpperCase()}${REPORT_TARGET_LABELS[target].slice(1)}s` : "Everything"}
          </Link>
        ))}
      </nav>
      <SearchForm
        label="Find reports"
        inputLabel="Listing, creator or reporter"
        inputId="report-q"
        value={filter.q}
        placeholder="Listing, creator, reporter or report id"
        button="Find"
        clearHref={href({ q: undefined })}
        keep={{ status: filter.status, target: filter.target }}
        width="sm:w-80"
      />
      {queue.total > 0 ? (
        <p className="text-sm text-slate-600" aria-live="polite">
          {formatCount(queue.total, `${filter.status} report`)}
          {filter.q ? ` ${queue.total === 1 ? "matches" : "match"} “${filter.q}”` : ""}
        </p>
      ) : null}
      {queue.total === 0 && filter.q ? (
        <EmptyState
          title={`No ${filter.status} reports match`}
          action={
            <Link href={href({ q: undefined })} className={buttonClass("secondary")}>
              Clear search
            </Link>
          }
        >
          Nothing {filter.status} is about a listing or creator, or was sent by someone, matching “{filter.q}”.
        </EmptyState>
      ) : queue.total === 0 ? (
        <EmptyState title={filter.status === "open" ? "No open reports" : `No ${filter.status} reports`}>
          Reports people send from listings, reviews and storefronts appear here, oldest first.
        </EmptyState>
      ) : rows.length === 0 ? (
        <PastTheEnd firstPage={href({})}>There are fewer reports here now: some were decided since the link was made.</PastTheEnd>
      ) : (
        <>
          <DataTable
            caption={`${filter.status} reports`}
            roomy
            minWidth="min-w-[44rem]"
            columns={["Reported", "Reason", "By", "Sent", ...rightAligned(filter.status === "open" ? "Waiting" : "Outcome")]}
          >
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="px-4 py-3">
                  <Link href={`/admin/reports/${r.id}`} className="font-medium text-brand-700 hover:underline">
                    {r.targetLabel}
                  </Link>
                  <p className="mt-0.5 flex flex-wrap gap-1 text-xs text-slate-500">
                    <Badge tone="neutral">{REPORT_TARGET_LABELS[r.targetType]}</Badge>
                    {r.counterNotice ? <Badge tone="warning">Counter-notice</Badge> : null}
                  </p>
                </td>
                <td className="px-4 py-3">
                  {REPORT_REASON_LABELS[r.reason] ?? r.reason}
                  {r.details ? <p className="line-clamp-2 text-xs text-slate-500">{r.details}</p> : null}
                </td>
                <td className="px-4 py-3">{r.reporterName}</td>
                <td className="px-4 py-3 text-slate-600">{formatDateTime(new Date(r.createdAt))}</td>
                <td className="px-4 py-3 text-right">
                  {filter.status === "open" ? waitingTime(new Date(r.createdAt), now) : (r.resolution ?? "—").replace(/_/g, " ")}
                </td>
              </tr>
            ))}
          </DataTable>
          <Pager label="Report pages" page={queue.page} pageCount={queue.pageCount} href={(p) => href({ page: p > 1 ? String(p) : undefined })} />
        </>
      )}
    </div>
  );
}
