import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import Link from "@/components/ui/link";
import { formatLongDate, formatMoney } from "@/lib/format";
import { HoldNotice } from "@/components/payouts/hold-notice";
import { OnboardingCard } from "@/components/payouts/onboarding-card";
import { startPayoutOnboardingAction } from "./onboarding/actions";
import { Pager } from "@/components/payouts/pager";
import { PayoutHistoryTable } from "@/components/payouts/payout-history-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { requireCreatorPage } from "@/lib/auth/session";
import { payoutAccountStatus } from "@/lib/creators/connect";
import { messageForCode } from "@/lib/errors";
import { creatorPayoutsOverview } from "@/lib/settlement/creator-payouts";
import { periodLabel } from "@/lib/settlement/periods";
import { creatorStatementPeriods } from "@/lib/settlement/statements";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Payouts", robots: { index: false } };

/** The onboarding routes come back with `?onboarding=error&reason=<error code>`: say what went wrong in words. */
function onboardingErrorText(params: { onboarding?: string; reason?: string }): string | null {
  if (params.onboarding !== "error") return null;
  return messageForCode(params.reason);
}

export default async function PayoutsPage({ searchParams }: { searchParams: Promise<{ page?: string; onboarding?: string; reason?: string }> }) {
  const user = await requireCreatorPage("/dashboard/payouts");
  const params = await searchParams;
  const onboardingError = onboardingErrorText(params);
  const db = await getDb();
  const [view, periods, account] = await Promise.all([
    creatorPayoutsOverview(db, user, { page: Number(params.page) || 1 }),
    creatorStatementPeriods(db, user),
    payoutAccountStatus(db, user),
  ]);
  const nextPayout = formatLongDate(view.nextSettlementAt);
  const cards = [
    {
      label: "Available balance",
      value: formatMoney(view.payableCents),
      hint:
        view.balanceCents < 0
          ? `Refunds put your balance at ${formatMoney(view.balanceCents)}; new sales net it off first.`
          : `Paid when it reaches ${formatMoney(view.minPayoutCents)}.`,
    },
    { label: "Next payout", value: nextPayout, hint: "We pay last month's earnings on the 1st, 06:00 UTC." },
    ...(view.inFlightCents > 0 ? [{ label: "On the way", value: formatMoney(view.inFlightCents), hint: "Sent to Stripe, waiting for confirmation." }] : []),
  ];

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Payouts</h1>
        {view.history.total > 0 ? (
          // A file download, not a page: a plain link so the browser saves it.
          <a href="/dashboard/payouts/export" download className={buttonClass("secondary")}>
            Download CSV
          </a>
        ) : null}
      </div>

      {onboardingError ? (
        <Alert tone="error">We couldn&apos;t open payout setup: {onboardingError} Your earnings are safe; try again in a moment.</Alert>
      ) : null}

      <OnboardingCard status={account} start={startPayoutOnboardingAction} />

      {view.hold ? <HoldNotice hold={view.hold} /> : null}

      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        {cards.map((c) => (
          <div key={c.label} className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">{c.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{c.value}</dd>
            <dd className="mt-1 text-xs text-slate-500">{c.hint}</dd>
          </div>
        ))}
      </dl>

      <Section id="history-title" title="Payout history" className="space-y-3">
        {view.history.total === 0 ? (
          <EmptyState title={`No payouts yet — your first payout is on ${nextPayout}`}>
            On the 1st of each month we send what you earned the month before, once it is at least {formatMoney(view.minPayoutCents)}.
          </EmptyState>
        ) : (
          <>
            <PayoutHistoryTable rows={view.history.rows} statementPeriods={new Set(periods)} />
            <Pager
              label="Payout history pages"
              page={view.history.page}
              pageCount={view.history.pageCount}
              href={(p) => `/dashboard/payouts?page=${p}`}
              previous="← Newer"
              next="Older →"
            />
          </>
        )}
      </Section>

      <Section id="statements-title" title="Monthly statements" className="space-y-3">
        {periods.length === 0 ? (
          <p className="text-sm text-slate-500">Your first statement appears once you make a sale.</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {periods.map((p) => (
              <li key={p}>
                <Link
                  href={`/dashboard/payouts/statements/${p}`}
                  className="inline-block rounded-lg border border-slate-200 bg-white px-3 py-1.5 text-sm hover:border-brand-500 hover:text-brand-700"
                >
                  {periodLabel(p)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
