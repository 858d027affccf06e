"use client";
// 30 days of sales and earnings as a bar chart (SVG, no library), switchable between the two series,
// with a keyboard-reachable tooltip per day and the same numbers as a table for screen readers.
import { useState } from "react";
import { formatMoney, formatShortDate } from "@/lib/format";
import { TableHead, rightAligned } from "@/components/ui/table";

export type ChartDay = { day: string; sales: number; earningsCents: number };

const shortDay = (day: string) => formatShortDate(`${day}T00:00:00Z`);

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 2, 2.5, 5, 10];
  return (steps.find((s) => s * magnitude >= value) ?? 10) * magnitude;
}

export function SalesChart({ days }: { days: ChartDay[] }) {
  const [series, setSeries] = useState<"earnings" | "sales">("earnings");
  const [active, setActive] = useState<number | null>(null);
  const values = days.map((d) => (series === "earnings" ? d.earningsCents : d.sales));
  const max = niceMax(Math.max(...values, 0));
  const width = 960;
  const height = 260;
  const pad = { left: 56, right: 8, top: 12, bottom: 28 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const barW = plotW / Math.max(days.length, 1);
  const fmt = (v: number) => (series === "earnings" ? formatMoney(v) : v.toLocaleString("en-US"));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const total = values.reduce((a, b) => a + b, 0);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          Last 30 days: <span className="font-semibold text-slate-900">{fmt(total)}</span> {series === "earnings" ? "earned" : "sales"}
        </p>
        <div className="flex rounded-lg border border-slate-300 p-0.5 text-sm" role="group" aria-label="Chart series">
          {(["earnings", "sales"] as const).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={series === s}
              onClick={() => setSeries(s)}
              className={`rounded-md px-3 py-1 capitalize ${series === s ? "bg-slate-900 text-white" : "text-slate-700"}`}
            >
              {s}
            </button>
          ))}
        </div>
      </div>
      {/* On narrow screens the chart keeps a readable size and scrolls sideways. */}
      <div className="-mx-1 overflow-x-auto px-1">
        <div className="relative min-w-[40rem]">
          <svg
            viewBox={`0 0 ${width} ${height}`}
            className="h-auto w-full"
            role="img"
            aria-label={`${series === "earnings" ? "Earnings" : "Sales"} per day over the last 30 days`}
          >
            {ticks.map((t) => {
              const y = pad.top + plotH - (t / max) * plotH;
              return (
                <g key={t}>
                  <line x1={pad.left} x2={width - pad.right} y1={y} y2={y} stroke="#e2e8f0" />
                  <text x={pad.left - 6} y={y + 4} textAnchor="end" fontSize="11" fill="#64748b">
                    {series === "earnings" ? formatMoney(t).replace(".00", "") : Math.round(t)}
                  </text>
                </g>
              );
            })}
            {days.map((d, i) => {
              const v = values[i];
              const h = (v / max) * plotH;
              const x = pad.left + i * barW;
              return (
                <g key={d.day}>
                  <rect
                    x={x + barW * 0.15}
                    y={pad.top + plotH - h}
                    width={barW * 0.7}
                    height={Math.max(h, v > 0 ? 1 : 0)}
                    rx={2}
                    className={active === i ? "fill-brand-700" : "fill-brand-500"}
                  />
                  {/* A full-height hit area so thin bars are easy to point at and focus. */}
                  <rect
                    x={x}
                    y={pad.top}
                    width={barW}
                    height={plotH}
                    fill="transparent"
                    tabIndex={0}
                    aria-label={`${shortDay(d.day)}: ${fmt(v)}`}
                    onMouseEnter={() => setActive(i)}
                    onMouseLeave={() => setActive(null)}
                    onFocus={() => setActive(i)}
                    onBlur={() => setActive(null)}
                  />
                  {i % 5 === 4 || i === 0 ? (
                    <text x={x + barW / 2} y={height - 8} textAnchor="middle" fontSize="11" fill="#64748b">
                      {shortDay(d.day)}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </svg>
          {active !== null ? (
            <div
              className="pointer-events-none absolute top-0 rounded-lg bg-slate-900 px-2 py-1 text-xs text-white shadow"
              style={{ left: `${((pad.left + (active + 0.5) * barW) / width) * 100}%`, transform: "translateX(-50%)" }}
            >
              <p className="font-medium">{shortDay(days[active].day)}</p>
              <p>
                {days[active].sales} sales · {formatMoney(days[active].earningsCents)}
              </p>
            </div>
          ) : null}
        </div>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600">Show as a table</summary>
        <table className="mt-2 w-full max-w-md text-left">
          <TableHead columns={["Day", ...rightAligned("Sales", "Earnings")]} className="text-xs uppercase text-slate-500" />
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <td>{shortDay(d.day)}</td>
                <td className="text-right tabular-nums">{d.sales}</td>
                <td className="text-right tabular-nums">{formatMoney(d.earningsCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
