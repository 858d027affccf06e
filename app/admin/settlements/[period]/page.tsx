import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ReconciliationPanel } from "@/components/admin-settlements/reconciliation-panel";
import { RunPayoutsTable } from "@/components/admin-settlements/run-payouts-table";
import { RunSettlementForm } from "@/components/admin-settlements/run-settlement-form";
import { RunStatusBadge } from "@/components/admin-settlements/run-status-badge";
import { formatMoney, formatTimestamp } from "@/lib/format";
import { Pager } from "@/components/payouts/pager";
import { PAYOUT_STATUS_LABELS } from "@/components/payouts/payout-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { PAYOUT_HOLD_REASONS, PAYOUT_STATUSES } from "@/db/schema";
import { requireAdminPage } from "@/lib/auth/session";
import { listRunPayouts, periodReconciliation, runPayoutsFilter, settlementRunForPeriod } from "@/lib/settlement/admin-runs";
import { HOLD_REASON_TITLES } from "@/lib/settlement/hold-reasons";
import { isClosedPeriod, lastClosedPeriod, PERIOD_PATTERN, periodLabel } from "@/lib/settlement/periods";
import { retryPayoutAction, runSettlementAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ period: string }> }): Promise<Metadata> {
  const { period } = await params;
  return { title: `${PERIOD_PATTERN.test(period) ? periodLabel(period) : "Settlement"} · Settlements`, robots: { index: false } };
}

export default async function SettlementPeriodPage({
  params,
  searchParams,
}: {
  params: Promise<{ period: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireAdminPage();
  const { period } = await params;
  if (!PERIOD_PATTERN.test(period)) notFound();
  const filter = runPayoutsFilter.parse(await searchParams);
  const db = await getDb();
  const [{ run, counts }, payoutsPage, reconciliation] = await Promise.all([
    settlementRunForPeriod(db, user, { period }),
    listRunPayouts(db, user, { period, ...filter }),
    periodReconciliation(db, user, { period }),
  ]);
  const now = new Date();
  const query = (page: number) => {
    const q = new URLSearchParams();
    if (filter.status) q.set("status", filter.status);
    if (filter.holdReason) q.set("holdReason", filter.holdReason);
    if (filter.q) q.set("q", filter.q);
    if (page > 1) q.set("page", String(page));
    const s = q.toString();
    return `/admin/settlements/${period}${s ? `?${s}` : ""}`;
  };
  const filtered = Boolean(filter.status || filter.holdReason || filter.q);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Settlement · {periodLabel(period)}</h1>
        <Link href="/admin/settlements" className="text-sm text-brand-700 hover:underline">
          ← Settlements
        </Link>
      </div>

      {run ? (
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-5">
          <div className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">Status</dt>
            <dd className="mt-2">
              <RunStatusBadge status={run.status} />
            </dd>
          </div>
          <div className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">Creators done</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">
              {run.progress} / {run.considered}
            </dd>
            <dd className="text-xs text-slate-500">{run.remaining} remaining</dd>
          </div>
          <div className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">Paid</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatMoney(run.totalPaidCents)}</dd>
            <dd className="text-xs text-slate-500">to {run.paid} creator(s)</dd>
          </div>
          <div className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">Held · failed</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">
              {counts.byStatus.held ?? 0} · {counts.byStatus.failed ?? 0}
            </dd>
          </div>
          <div className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">Calls</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{run.invocations}</dd>
            <dd className="text-xs text-slate-500">last {formatTimestamp(run.lastInvocationAt)}</dd>
          </div>
        </dl>
      ) : (
        <EmptyState title={`${periodLabel(period)} has not been settled yet`}>
          {isClosedPeriod(period, now)
            ? "Run it below, or wait for the daily cron."
            : "This month has not closed yet; it can be settled from the 1st of next month."}
        </EmptyState>
      )}

      {isClosedPeriod(period, now) && run?.status !== "completed" ? (
        <RunSettlementForm title="Continue this period" defaultPeriod={period} latestPeriod={lastClosedPeriod(now)} action={runSettlementAction} />
      ) : null}

      {run ? <ReconciliationPanel r={reconciliation} /> : null}

      <section aria-labelledby="payouts-title" className="space-y-3">
        <h2 id="payouts-title" className="text-lg font-semibold">
          Payouts
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="Filter payouts">
          <div>
            <label htmlFor="payout-q" className="block text-xs font-medium text-slate-600">
              Creator email or handle
            </label>
            <input id="payout-q" name="q" defaultValue={filter.q} className="mt-1 w-60 rounded-lg border border-slate-300 px-3 py-2 text-sm" />
          </div>
          <div>
            <label htmlFor="payout-status" className="block text-xs font-medium text-slate-600">
              Status
            </label>
            <select id="payout-status" name="status" defaultValue={filter.status ?? ""} className="mt-1 rounded-lg border border-slate-300 px-3 py-2 text-sm">
              <option value="">Any status</option>
              {PAYOUT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {PAYOUT_STATUS_LABELS[s]} ({counts.byStatus[s] ?? 0})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="payout-hold" className="block text-xs font-medium text-slate-600">
              Hold reason
            </label>
            <select
              id="payout-hold"
              name="holdReason"
              defaultValue={filter.holdReason ?? ""}
              className="mt-1 rounded-lg border border-slate-300 px-3 py-2 text-sm"
            >
              <option value="">Any reason</option>
              {PAYOUT_HOLD_REASONS.map((r) => (
                <option key={r} value={r}>
                  {HOLD_REASON_TITLES[r]} ({counts.byHoldReason[r] ?? 0})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100">
            Filter
          </button>
          {filtered ? (
            <Link href={`/admin/settlements/${period}`} className="px-2 py-2 text-sm text-brand-700 hover:underline">
              Clear
            </Link>
          ) : null}
        </form>
        {payoutsPage.total === 0 ? (
          <EmptyState title={filtered ? "No payouts match" : "No payouts for this month"}>
            {filtered ? "Try another status, reason or creator." : "Creators get a payout row when the month is planned, on its first run."}
          </EmptyState>
        ) : (
          <>
            <p className="text-sm text-slate-500">{payoutsPage.total.toLocaleString("en-US")} payout(s), largest first.</p>
            <RunPayoutsTable rows={payoutsPage.rows} retry={retryPayoutAction} />
            <Pager label="Payout pages" page={payoutsPage.page} pageCount={payoutsPage.pageCount} href={query} />
          </>
        )}
      </section>
    </div>
  );
}
