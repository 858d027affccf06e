// Every settlement run: the month, how far it got, what it paid and how often the cron or an admin called it.
import Link from "@/components/ui/link";
import { DataTable, rightAligned } from "@/components/ui/table";
import { formatMoney, formatTimestamp } from "@/lib/format";
import type { SettlementRunRow } from "@/lib/settlement/admin-runs";
import { periodLabel } from "@/lib/settlement/periods";
import { RunStatusBadge } from "./run-status-badge";

export function RunsTable({ runs }: { runs: SettlementRunRow[] }) {
  return (
    <DataTable
      caption="Settlement runs"
      minWidth="min-w-[52rem]"
      columns={["Month", "Status", "Progress", ...rightAligned("Paid", "Total paid", "Held", "Failed", "Calls"), "Started", "Finished"]}
    >
      {runs.map((r) => {
        const percent = r.considered ? Math.round((r.progress / r.considered) * 100) : 100;
        return (
          <tr key={r.id} data-testid="settlement-run" data-period={r.period}>
            <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
              <Link href={`/admin/settlements/${r.period}`} className="text-brand-700 hover:underline">
                {periodLabel(r.period)}
              </Link>
            </th>
            <td className="px-3 py-2">
              <RunStatusBadge status={r.status} />
              {r.error ? <p className="mt-1 text-xs text-red-700">{r.error}</p> : null}
            </td>
            <td className="px-3 py-2">
              <div className="flex items-center gap-2">
                <progress
                  value={r.progress}
                  max={Math.max(r.considered, 1)}
                  aria-label={`${periodLabel(r.period)} progress`}
                  className="h-2 w-20 accent-brand-600"
                />
                <span className="whitespace-nowrap text-xs tabular-nums text-slate-600">
                  {r.progress.toLocaleString("en-US")} / {r.considered.toLocaleString("en-US")} ({percent}%)
                </span>
              </div>
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{r.paid.toLocaleString("en-US")}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatMoney(r.totalPaidCents)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{r.carried.toLocaleString("en-US")}</td>
            <td className="px-3 py-2 text-right tabular-nums">{r.failed.toLocaleString("en-US")}</td>
            <td className="px-3 py-2 text-right tabular-nums">{r.invocations}</td>
            <td className="whitespace-nowrap px-3 py-2 text-xs text-slate-600">{formatTimestamp(r.startedAt)}</td>
            <td className="whitespace-nowrap px-3 py-2 text-xs text-slate-600">{formatTimestamp(r.finishedAt)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
