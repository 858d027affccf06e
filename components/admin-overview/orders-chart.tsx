"use client";
// Orders per day over the last 30 days as bars, with the numbers as a table on request.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatShortDate } from "@/lib/format";

export type OrdersDay = { day: string; orders: number; grossCents: number };

const shortDay = (day: string) => formatShortDate(`${day}T00:00:00Z`);

export function OrdersChart({ days }: { days: OrdersDay[] }) {
  const total = days.reduce((sum, d) => sum + d.orders, 0);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Last 30 days: <span className="font-semibold text-slate-900">{total.toLocaleString("en-US")}</span> orders,{" "}
        <span className="font-semibold text-slate-900">{formatMoney(days.reduce((sum, d) => sum + d.grossCents, 0))}</span> at list price
      </p>
      <div className="h-56 w-full" role="img" aria-label="Orders per day over the last 30 days">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={days.map((d) => ({ ...d, label: shortDay(d.day) }))} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} interval="preserveStartEnd" minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} axisLine={false} width={32} />
            <Tooltip
              formatter={(value, name, item) =>
                name === "Orders" ? [`${value} (${formatMoney(Number(item?.payload?.grossCents ?? 0))})`, name] : [value, name]
              }
            />
            <Bar dataKey="orders" name="Orders" fill="#6d28d9" radius={[2, 2, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600">Show as a table</summary>
        <table className="mt-2 w-full max-w-md text-left">
          <thead>
            <tr className="text-xs uppercase text-slate-500">
              <th scope="col">Day</th>
              <th scope="col" className="text-right">
                Orders
              </th>
              <th scope="col" className="text-right">
                Gross
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <td>{shortDay(d.day)}</td>
                <td className="text-right tabular-nums">{d.orders}</td>
                <td className="text-right tabular-nums">{formatMoney(d.grossCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
