import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { RunSettlementForm } from "@/components/admin-settlements/run-settlement-form";
import { RunsTable } from "@/components/admin-settlements/runs-table";
import { Pager } from "@/components/payouts/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/session";
import { listSettlementRuns } from "@/lib/settlement/admin-runs";
import { lastClosedPeriod } from "@/lib/settlement/periods";
import { runSettlementAction } from "./actions";

export const metadata: Metadata = { title: "Settlements · Admin", robots: { index: false } };

export default async function AdminSettlementsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireAdminPage();
  const { page } = await searchParams;
  const runs = await listSettlementRuns(await getDb(), user, { page: Number(page) || 1 });
  const latest = lastClosedPeriod(new Date());
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Settlements</h1>
        <Link href="/admin" className="text-sm text-brand-700 hover:underline">
          ← Admin
        </Link>
      </div>
      <RunSettlementForm defaultPeriod={latest} latestPeriod={latest} action={runSettlementAction} />
      <section aria-labelledby="runs-title" className="space-y-3">
        <h2 id="runs-title" className="text-lg font-semibold">
          Runs
        </h2>
        {runs.total === 0 ? (
          <EmptyState title="No settlement has run yet">
            The daily cron settles each month on the 1st. You can run the last closed month now from the form above.
          </EmptyState>
        ) : (
          <>
            <RunsTable runs={runs.rows} />
            <Pager label="Settlement run pages" page={runs.page} pageCount={runs.pageCount} href={(p) => `/admin/settlements?page=${p}`} />
          </>
        )}
      </section>
    </div>
  );
}
