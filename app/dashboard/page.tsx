import type { Metadata } from "next";
import { DataTable, rightAligned } from "@/components/ui/table";
import Link from "@/components/ui/link";
import { SalesChart } from "@/components/dashboard/sales-chart";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { requireCreatorPage } from "@/lib/auth/session";
import { creatorStats } from "@/lib/sales-stats/creator-stats";
import { env } from "@/lib/env";
import { formatMoney, formatShortDate } from "@/lib/format";
import { creatorStatusCounts } from "@/lib/listings/queries";
import { creatorSharePercent } from "@/lib/orders/pricing";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Creator dashboard" };

export default async function DashboardPage() {
  const user = await requireCreatorPage("/dashboard");
  const db = await getDb();
  const [stats, counts] = await Promise.all([creatorStats(db, user), creatorStatusCounts(db, user)]);
  const cards = [
    { label: `Sales in ${stats.month.label}`, value: stats.month.sales.toLocaleString("en-US") },
    {
      label: `Earnings in ${stats.month.label}`,
      value: formatMoney(stats.month.earningsCents),
      hint: `Your ${creatorSharePercent(env().PLATFORM_FEE_BPS)} after the platform fee, net of refunds.`,
    },
    { label: "Payable balance", value: formatMoney(stats.payableCents), hint: "Paid out monthly once it reaches the minimum." },
    {
      label: "Lifetime",
      value: formatMoney(stats.lifetime.earningsCents),
      hint: `${stats.lifetime.sales.toLocaleString("en-US")} sales · ${formatMoney(stats.lifetime.paidOutCents)} paid out`,
    },
  ];
  const waiting = (counts.pending_review ?? 0) + (counts.rejected ?? 0);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Creator dashboard</h1>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href={`/c/${user.creatorHandle}`} variant="secondary">
            View storefront
          </ButtonLink>
          {user.status === "active" ? <ButtonLink href="/dashboard/listings/new">New listing</ButtonLink> : null}
        </div>
      </div>

      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((c) => (
          <div key={c.label} className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">{c.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{c.value}</dd>
            {c.hint ? <dd className="mt-1 text-xs text-slate-500">{c.hint}</dd> : null}
          </div>
        ))}
      </dl>
      {waiting ? (
        <p className="rounded-lg bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {counts.pending_review ? `${counts.pending_review} listing(s) waiting for approval. ` : ""}
          {counts.rejected ? `${counts.rejected} listing(s) need changes. ` : ""}
          <Link href="/dashboard/listings" className="font-medium underline">
            See your listings
          </Link>
        </p>
      ) : null}

      <Section
        id="chart-title"
        title="Sales and earnings, last 30 days"
        className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6"
        headingClassName="mb-3 text-lg font-semibold"
      >
        <SalesChart days={stats.daily} />
      </Section>

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Section
          id="perf-title"
          title="Listing performance"
          className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6"
          headingClassName="mb-1 text-lg font-semibold"
        >
          <p className="mb-3 text-xs text-slate-500">Last 30 days. Views are counted in batches and may lag a few seconds.</p>
          {stats.listings.length === 0 ? (
            <EmptyState title="Nothing published yet" action={<ButtonLink href="/dashboard/listings">Go to your listings</ButtonLink>}>
              Once a listing is approved, its views, sales and conversion show here.
            </EmptyState>
          ) : (
            <DataTable frame="plain" minWidth="min-w-[36rem]" columns={["Listing", ...rightAligned("Views", "Sales", "Conversion", "Earned", "Rating")]}>
              {stats.listings.map((l) => (
                <tr key={l.id}>
                  <td className="py-2 pr-3">
                    <Link href={`/dashboard/listings/${l.id}`} className="font-medium hover:text-brand-700 hover:underline">
                      {l.title}
                    </Link>{" "}
                    {l.status !== "published" ? <StatusBadge status={l.status} /> : null}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{l.views30.toLocaleString("en-US")}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">
                    {l.sales30.toLocaleString("en-US")} <span className="text-xs text-slate-400">/ {l.salesTotal.toLocaleString("en-US")} all time</span>
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{l.conversion30 === null ? "—" : `${(l.conversion30 * 100).toFixed(1)}%`}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(l.earnings30Cents)}</td>
                  <td className="py-2 text-right tabular-nums">{l.ratingCount ? `${l.ratingAvg.toFixed(1)} (${l.ratingCount})` : "—"}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </Section>

        <Section
          id="recent-title"
          title="Recent sales"
          className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6"
          headingClassName="mb-3 text-lg font-semibold"
        >
          {stats.recentSales.length === 0 ? (
            <p className="text-sm text-slate-500">No sales yet. Share your storefront link to get the first one.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {stats.recentSales.map((s) => (
                <li key={s.orderId} className="flex items-start justify-between gap-3 py-2 text-sm">
                  <div className="min-w-0">
                    <p className="truncate font-medium">{s.listingTitle}</p>
                    <p className="text-xs text-slate-500">
                      {formatShortDate(s.paidAt)}
                      {s.status !== "paid" ? ` · ${s.status}` : ""}
                    </p>
                  </div>
                  <div className="shrink-0 text-right tabular-nums">
                    <p className="font-medium">{formatMoney(s.creatorShareCents)}</p>
                    <p className="text-xs text-slate-500">of {formatMoney(s.priceCents)}</p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </div>
  );
}
