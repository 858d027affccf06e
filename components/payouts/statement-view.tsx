// A creator's monthly statement, laid out like a bank statement: the movement from opening to closing balance,
// then sales by listing and the payouts of the month. Printable as it is.
import { type CreatorStatement, statementComputedClosing } from "@/lib/settlement/statements";
import { DataTable, rightAligned } from "@/components/ui/table";
import { periodLabel } from "@/lib/settlement/periods";
import { formatDate, formatMoney } from "@/lib/format";
import { Section } from "@/components/ui/section";

function Row({ label, detail, cents, strong, sign }: { label: string; detail?: string; cents: number; strong?: boolean; sign?: "+" | "−" }) {
  const value = formatMoney(Math.abs(cents));
  return (
    <tr className={strong ? "font-semibold" : undefined}>
      <th scope="row" className="py-2 pr-3 text-left font-[inherit]">
        {label}
        {detail ? <span className="block text-xs font-normal text-slate-500">{detail}</span> : null}
      </th>
      <td className="whitespace-nowrap py-2 text-right tabular-nums">
        {sign && cents !== 0 ? `${sign} ` : cents < 0 ? "− " : ""}
        {value}
      </td>
    </tr>
  );
}

export function StatementView({ statement: s, creator, open }: { statement: CreatorStatement; creator: { name: string; handle: string }; open: boolean }) {
  const lastDay = new Date(s.end.getTime() - 1);
  const reconciles = statementComputedClosing(s) === s.closingCents;
  return (
    <article aria-labelledby="statement-heading" className="space-y-8 rounded-2xl border border-slate-200 bg-white p-6 print:border-0 print:p-0">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-xl font-bold text-brand-700">Agora</p>
          <h1 id="statement-heading" className="text-2xl font-bold">
            Statement · {periodLabel(s.period)}
          </h1>
          <p className="text-sm text-slate-600">
            {formatDate(s.start)} – {formatDate(lastDay)} (UTC){open ? " · month in progress, figures so far" : ""}
          </p>
        </div>
        <div className="text-right text-sm text-slate-600">
          <p className="font-medium text-slate-900">{creator.name}</p>
          <p>@{creator.handle}</p>
        </div>
      </header>

      <Section id="summary-heading" title="Summary" headingClassName="mb-2 text-lg font-semibold">
        <table className="w-full text-sm">
          <tbody className="divide-y divide-slate-100">
            <Row label={`Opening balance on ${formatDate(s.start)}`} cents={s.openingCents} strong />
            <Row
              label={`Sales (${s.sales.count})`}
              detail={`${formatMoney(s.sales.grossCents)} paid by buyers, ${formatMoney(s.sales.feeCents)} platform fee`}
              cents={s.sales.netCents}
              sign="+"
            />
            <Row
              label={`Refunds (${s.refunds.count})`}
              detail={`${formatMoney(s.refunds.grossCents)} returned to buyers, ${formatMoney(s.refunds.feeReturnedCents)} of it from the platform fee`}
              cents={s.refunds.creatorCents}
              sign="−"
            />
            <Row label="Payouts sent" cents={s.payoutsCents} sign="−" />
            <Row label="Payouts reversed or returned" cents={s.reversalsCents} sign="+" />
            {s.adjustmentsCents !== 0 ? <Row label="Adjustments" cents={s.adjustmentsCents} sign={s.adjustmentsCents > 0 ? "+" : "−"} /> : null}
            <tr className="border-t-2 border-slate-300 font-semibold">
              <th scope="row" className="py-2 pr-3 text-left">
                Closing balance on {formatDate(lastDay)}
              </th>
              <td className="whitespace-nowrap py-2 text-right tabular-nums" data-testid="closing-balance">
                {s.closingCents < 0 ? "− " : ""}
                {formatMoney(Math.abs(s.closingCents))}
              </td>
            </tr>
          </tbody>
        </table>
        <p role="status" className={`mt-3 text-sm ${reconciles ? "text-emerald-700" : "text-red-700"}`} data-testid="reconciliation">
          {reconciles
            ? "Reconciles: opening + net sales − refunds − payouts + reversals equals the closing balance in the ledger."
            : "This statement does not add up to the ledger balance. We have been alerted; please contact support."}
        </p>
      </Section>

      <Section id="listings-heading" title="Sales by listing" headingClassName="mb-2 text-lg font-semibold">
        {s.listings.length === 0 ? (
          <p className="text-sm text-slate-500">No sales or refunds this month.</p>
        ) : (
          <DataTable frame="plain" minWidth="min-w-[36rem]" columns={["Listing", ...rightAligned("Sales", "Gross", "Fee", "Refunded", "You earned")]}>
            {s.listings.map((l) => (
              <tr key={l.listingId ?? "other"}>
                <th scope="row" className="py-2 pr-3 font-medium">
                  {l.title}
                </th>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {l.sales}
                  {l.refunds ? (
                    <span className="text-xs text-slate-500">
                      {" "}
                      ({l.refunds} refund{l.refunds === 1 ? "" : "s"})
                    </span>
                  ) : null}
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(l.grossCents)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(l.feeCents)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{l.refundedCents ? `− ${formatMoney(l.refundedCents)}` : "—"}</td>
                <td className="py-2 text-right tabular-nums">{formatMoney(l.netCents - l.refundedCents)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>

      <Section id="payouts-heading" title="Payouts this month" headingClassName="mb-2 text-lg font-semibold">
        {s.payouts.length === 0 ? (
          <p className="text-sm text-slate-500">No money was sent or returned this month.</p>
        ) : (
          <DataTable frame="plain" minWidth="min-w-[32rem]" columns={["Date", "What", "Transfer", ...rightAligned("Amount")]}>
            {s.payouts.map((p) => (
              <tr key={`${p.journalId}-${p.kind}`}>
                <td className="whitespace-nowrap py-2 pr-3">{formatDate(p.at)}</td>
                <td className="py-2 pr-3">
                  {p.kind === "payout" ? "Payout" : "Payout returned"}
                  {p.payoutPeriod ? ` for ${periodLabel(p.payoutPeriod)}` : ""}
                </td>
                <td className="py-2 pr-3 font-mono text-xs">{p.transferId ?? "—"}</td>
                <td className="whitespace-nowrap py-2 text-right tabular-nums">
                  {p.kind === "payout" ? "− " : "+ "}
                  {formatMoney(p.amountCents)}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
    </article>
  );
}
