// Does the `payouts` ledger account agree with what the month's payouts say they sent? And is anything stuck?
import { formatMoney, formatTimestamp } from "@/lib/format";
import { DataTable, rightAligned } from "@/components/ui/table";
import type { PeriodReconciliation } from "@/lib/settlement/admin-runs";
import { Alert } from "@/components/ui/alert";

export function ReconciliationPanel({ r }: { r: PeriodReconciliation }) {
  const figures = [
    { label: "Ledger: payouts account", value: formatMoney(r.ledgerCents), hint: "Payout journals minus reversals for this month's payouts" },
    { label: "Paid, net of reversals", value: formatMoney(r.paidNetCents), hint: "What the payouts marked paid say was sent" },
    { label: "In flight", value: formatMoney(r.inFlight.cents), hint: `${r.inFlight.count} payout(s) sent, not yet confirmed` },
    {
      label: "Stripe transfers",
      value: formatMoney(r.transfers.cents),
      hint: `${r.transfers.count} transfer(s)${r.transfers.reversedCents ? `, ${formatMoney(r.transfers.reversedCents)} reversed` : ""}`,
    },
  ];
  return (
    <section aria-labelledby="reconciliation-title" className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="reconciliation-title" className="text-lg font-semibold">
          Reconciliation
        </h2>
        <p
          role="status"
          data-testid="reconciliation-state"
          className={`rounded-full px-3 py-1 text-sm font-medium ${r.balanced ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}
        >
          {r.balanced ? "Balanced: the ledger matches the payouts" : `Out by ${formatMoney(r.differenceCents)}: look at the payouts below`}
        </p>
      </div>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {figures.map((f) => (
          <div key={f.label} className="rounded-xl bg-slate-50 p-3">
            <dt className="text-xs text-slate-500">{f.label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums">{f.value}</dd>
            <dd className="text-xs text-slate-500">{f.hint}</dd>
          </div>
        ))}
      </dl>
      {r.paidWithoutTransfer > 0 ? <Alert tone="error">{r.paidWithoutTransfer} payout(s) are marked paid without a Stripe transfer id.</Alert> : null}
      {r.mismatches.length > 0 ? (
        <div className="overflow-x-auto">
          <h3 className="mb-1 text-sm font-semibold text-red-700">Payouts whose ledger disagrees with their status</h3>
          <DataTable frame="plain" minWidth="min-w-[32rem]" columns={["Creator", "Status", ...rightAligned("Ledger"), ...rightAligned("Expected")]}>
            {r.mismatches.map((m) => (
              <tr key={m.payoutId}>
                <td className="py-1 pr-3">{m.email}</td>
                <td className="py-1 pr-3">{m.status}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{formatMoney(m.ledgerCents)}</td>
                <td className="py-1 text-right tabular-nums">{formatMoney(m.expectedCents)}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      ) : null}
      {r.stuck.length > 0 ? (
        <div className="rounded-xl border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
          <h3 className="font-semibold">Sending for more than 24 hours</h3>
          <p className="mb-2 text-xs">
            The next run looks these transfers up at Stripe before it ever sends another. Check them in the Stripe dashboard if they stay.
          </p>
          <ul className="space-y-1">
            {r.stuck.map((s) => (
              <li key={s.id} data-testid="stuck-payout">
                {s.handle ? `@${s.handle}` : s.email} · {formatMoney(s.amountCents)} · claimed {formatTimestamp(s.claimedAt)} · {s.attempts} attempt(s)
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-slate-500">No payout has been in flight for more than 24 hours.</p>
      )}
    </section>
  );
}
