// One month's payouts for admins: who, how much, where it stands and why, with a retry on failed and held rows.
import { formatMoney } from "@/lib/format";
import { DataTable, rightAligned } from "@/components/ui/table";
import { PayoutStatusBadge } from "@/components/payouts/payout-status-badge";
import type { RunPayoutRow } from "@/lib/settlement/admin-runs";
import { HOLD_REASON_TITLES } from "@/lib/settlement/hold-reasons";
import { periodLabel } from "@/lib/settlement/periods";
import type { ActionState } from "@/lib/validated-action";
import { RetryPayoutForm } from "./retry-payout-form";

function details(p: RunPayoutRow): string {
  if (p.status === "held" && p.holdReason) return HOLD_REASON_TITLES[p.holdReason];
  if (p.status === "failed") return p.failureReason ?? "Refused by Stripe";
  if (p.status === "carried" && p.carriedIntoPeriod) return `Carried into ${periodLabel(p.carriedIntoPeriod)}`;
  if (p.reversedCents > 0) return `${formatMoney(p.reversedCents, p.currency)} reversed`;
  return "";
}

export function RunPayoutsTable({ rows, retry }: { rows: RunPayoutRow[]; retry: (state: ActionState, data: FormData) => Promise<ActionState> }) {
  return (
    <DataTable
      caption="Payouts of this month"
      minWidth="min-w-[60rem]"
      columns={[
        "Creator",
        ...rightAligned("Amount", "Balance at month end"),
        "Status",
        "Details",
        "Transfer",
        ...rightAligned("Attempts"),
        { label: "Actions", srOnly: true },
      ]}
    >
      {rows.map((p) => {
        const who = p.handle ? `@${p.handle}` : p.email;
        return (
          <tr key={p.id} className="align-top" data-testid="run-payout">
            <th scope="row" className="px-3 py-2 font-normal">
              <span className="font-medium">{who}</span>
              <span className="block text-xs text-slate-500">{p.email}</span>
            </th>
            <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMoney(p.amountCents, p.currency)}</td>
            <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-600">{formatMoney(p.periodEndBalanceCents, p.currency)}</td>
            <td className="px-3 py-2">
              <PayoutStatusBadge status={p.status} />
            </td>
            <td className="px-3 py-2 text-slate-600">{details(p)}</td>
            <td className="px-3 py-2 font-mono text-xs">{p.stripeTransferId ?? "—"}</td>
            <td className="px-3 py-2 text-right tabular-nums">{p.attempts}</td>
            <td className="px-3 py-2">
              {p.retryable ? <RetryPayoutForm payoutId={p.id} creator={who} amount={formatMoney(p.amountCents, p.currency)} action={retry} /> : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
