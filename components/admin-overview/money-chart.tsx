"use client";
// Money per month (gross sales, refunds, payouts, net) as grouped bars, with the same figures as a table for screen
// readers and for anyone who prefers numbers.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/format";

export type MoneyMonth = { period: string; label: string; grossCents: number; refundsCents: number; payoutsCents: number; netCents: number };

const SERIES = [
  { key: "grossCents", name: "Gross sales", color: "#6d28d9" },
  { key: "refundsCents", name: "Refunds", color: "#dc2626" },
  { key: "payoutsCents", name: "Payouts", color: "#0284c7" },
  { key: "netCents", name: "Net", color: "#059669" },
] as const;

const monthFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", year: "2-digit" });
const compactMoneyFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
const shortMonth = (period: string) => {
  const [y, m] = period.split("-").map(Number);
  return monthFormat.format(Date.UTC(y, m - 1, 1));
};
const compactMoney = (cents: number) => compactMoneyFormat.format(cents / 100);

export function MoneyChart({ months }: { months: MoneyMonth[] }) {
  return (
    <div className="space-y-3">
      <div className="h-72 w-full" role="img" aria-label="Gross sales, refunds, payouts and net per month for the last 13 months">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={months.map((m) => ({ ...m, month: shortMonth(m.period) }))} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="month" tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} />
            <YAxis tickFormatter={(v: number) => compactMoney(v)} tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} axisLine={false} width={56} />
            <Tooltip formatter={(value) => formatMoney(Number(value))} labelFormatter={(_, payload) => payload?.[0]?.payload?.label ?? ""} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} radius={[2, 2, 0, 0]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
