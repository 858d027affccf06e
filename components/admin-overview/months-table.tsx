// Every month's figures side by side, newest first: the numbers behind the chart.
import { DataTable, rightAligned } from "@/components/ui/table";
import type { MonthFigures } from "@/lib/admin/overview";
import { formatMoney } from "@/lib/format";

export function MonthsTable({ months }: { months: MonthFigures[] }) {
  const cell = "px-3 py-2 text-right tabular-nums";
  return (
    <DataTable
      caption="Money per month"
      minWidth="min-w-[48rem]"
      columns={["Month", ...rightAligned("Orders", "Gross sales", "Fees", "Refunds", "Open disputes", "Payouts", "Net")]}
    >
      {[...months].reverse().map((m) => (
        <tr key={m.period}>
          <th scope="row" className="px-3 py-2 text-left font-medium">
            {m.label}
          </th>
          <td className={cell}>{m.orders.toLocaleString("en-US")}</td>
          <td className={cell}>{formatMoney(m.grossCents)}</td>
          <td className={cell}>{formatMoney(m.feesCents)}</td>
          <td className={cell}>{formatMoney(m.refundsCents)}</td>
          <td className={cell}>{m.disputes ? `${m.disputes} · ${formatMoney(m.disputedCents)}` : "—"}</td>
          <td className={cell}>{formatMoney(m.payoutsCents)}</td>
          <td className={`${cell} font-semibold`}>{formatMoney(m.netCents)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
