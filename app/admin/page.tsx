import type { Metadata } from "next";
import { MoneyChart } from "@/components/admin-overview/money-chart";
import { MonthSummary } from "@/components/admin-overview/month-summary";
import { MonthsTable } from "@/components/admin-overview/months-table";
import { OrdersChart } from "@/components/admin-overview/orders-chart";
import { QueueCards } from "@/components/admin-overview/queue-cards";
import { TopCreators, TopListings } from "@/components/admin-overview/top-sellers";
import { getDb } from "@/db/client";
import { platformOverview } from "@/lib/admin/overview";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Overview · Admin", robots: { index: false } };

export default async function AdminOverviewPage() {
  const user = await requireAdminPage();
  const now = new Date();
  const overview = await platformOverview(await getDb(), user, now);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Overview</h1>

      <section aria-labelledby="queues-title" className="space-y-3">
        <h2 id="queues-title" className="text-lg font-semibold">
          Waiting for an admin
        </h2>
        <QueueCards queues={overview.queues} now={now} />
      </section>

      <section aria-labelledby="month-title" className="space-y-3">
        <h2 id="month-title" className="text-lg font-semibold">
          {overview.currentMonth.label} so far
        </h2>
        <MonthSummary month={overview.currentMonth} />
      </section>

      <section aria-labelledby="months-title" className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="months-title" className="text-lg font-semibold">
          The last 13 months
        </h2>
        <p className="text-sm text-slate-600">
          From the ledger: gross sales and fees as booked, refunds (including lost disputes) when given back, payouts when sent. Net is what the platform kept.
          Open disputes are counted in the month of the sale.
        </p>
        <MoneyChart months={overview.months} />
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">Show as a table</summary>
          <div className="mt-2">
            <MonthsTable months={overview.months} />
          </div>
        </details>
      </section>

      <section aria-labelledby="orders-title" className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="orders-title" className="text-lg font-semibold">
          Orders per day
        </h2>
        <OrdersChart days={overview.daily} />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="top-creators-title" className="space-y-3">
          <h2 id="top-creators-title" className="text-lg font-semibold">
            Top creators, last 30 days
          </h2>
          <TopCreators creators={overview.topCreators} />
        </section>
        <section aria-labelledby="top-listings-title" className="space-y-3">
          <h2 id="top-listings-title" className="text-lg font-semibold">
            Top listings, last 30 days
          </h2>
          <TopListings listings={overview.topListings} />
        </section>
      </div>
    </div>
  );
}
