// The creator's payouts, newest first: month, amount, status, Stripe transfer, paid date and what happened.
import Link from "@/components/ui/link";
import { DataTable, rightAligned } from "@/components/ui/table";
import { HOLD_REASON_TITLES } from "@/lib/settlement/hold-reasons";
import type { CreatorPayout } from "@/lib/settlement/creator-payouts";
import { periodLabel } from "@/lib/settlement/periods";
import { formatDate, formatMoney } from "@/lib/format";
import { PayoutStatusBadge } from "./payout-status-badge";

function details(p: CreatorPayout): string {
  if (p.status === "held" && p.holdReason) return HOLD_REASON_TITLES[p.holdReason];
  if (p.status === "failed") return p.failureReason ?? "Stripe refused the transfer";
  if (p.status === "carried") return p.carriedIntoPeriod ? `Carried into ${periodLabel(p.carriedIntoPeriod)}` : "Carried over";
  if (p.status === "processing") return "Sent to Stripe, waiting for confirmation";
  if (p.status === "pending") return "Scheduled for this month's run";
  if (p.reversedCents > 0) return `${formatMoney(p.reversedCents, p.currency)} reversed by Stripe`;
  return "";
}

export function PayoutHistoryTable({ rows, statementPeriods }: { rows: CreatorPayout[]; statementPeriods: ReadonlySet<string> }) {
  return (
    <DataTable
      caption="Payout history"
      minWidth="min-w-[44rem]"
      columns={["Month", ...rightAligned("Amount"), "Status", "Transfer", "Paid on", "Details", { label: "Statement", srOnly: true }]}
    >
      {rows.map((p) => (
        <tr key={p.id} data-testid="payout-row" className="align-top">
          <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
            {periodLabel(p.period)}
          </th>
          <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMoney(p.amountCents, p.currency)}</td>
          <td className="px-3 py-2">
            <PayoutStatusBadge status={p.status} />
          </td>
          <td className="px-3 py-2 font-mono text-xs">{p.stripeTransferId ?? "—"}</td>
          <td className="whitespace-nowrap px-3 py-2">{formatDate(p.paidAt)}</td>
          <td className="px-3 py-2 text-slate-600">{details(p)}</td>
          <td className="whitespace-nowrap px-3 py-2 text-right">
            {statementPeriods.has(p.period) ? (
              <Link href={`/dashboard/payouts/statements/${p.period}`} className="text-brand-700 hover:underline">
                Statement<span className="sr-only"> for {periodLabel(p.period)}</span>
              </Link>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
