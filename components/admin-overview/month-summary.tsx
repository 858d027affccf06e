// The current month's money at a glance: one card per figure, each read from the ledger.
import type { MonthFigures } from "@/lib/admin/overview";
import { formatMoney } from "@/lib/format";

export function MonthSummary({ month }: { month: MonthFigures }) {
  const cards = [
    { label: "Gross sales", value: formatMoney(month.grossCents), note: `${month.orders.toLocaleString("en-US")} orders` },
    { label: "Platform fees", value: formatMoney(month.feesCents), note: "on this month's sales" },
    {
      label: "Refunds",
      value: formatMoney(month.refundsCents),
      note: `${formatMoney(month.feesReturnedCents)} of it from fees`,
    },
    { label: "Open disputes", value: month.disputes.toLocaleString("en-US"), note: `${formatMoney(month.disputedCents)} at stake` },
    { label: "Payouts", value: formatMoney(month.payoutsCents), note: "sent to creators, less reversals" },
    { label: "Net", value: formatMoney(month.netCents), note: "fees kept after refunds" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      {cards.map((c) => (
        <div key={c.label} className="rounded-xl border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-500">{c.label}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums">{c.value}</dd>
          <dd className="mt-0.5 text-xs text-slate-500">{c.note}</dd>
        </div>
      ))}
    </dl>
  );
}
