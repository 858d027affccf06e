import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/ui/print-button";
import { StatementView } from "@/components/payouts/statement-view";
import { getDb } from "@/db/client";
import { requireCreatorPage } from "@/lib/auth/session";
import { isClosedPeriod, PERIOD_PATTERN, periodLabel } from "@/lib/settlement/periods";
import { creatorStatement } from "@/lib/settlement/statements";

export async function generateMetadata({ params }: { params: Promise<{ period: string }> }): Promise<Metadata> {
  const { period } = await params;
  return { title: PERIOD_PATTERN.test(period) ? `Statement ${periodLabel(period)}` : "Statement", robots: { index: false } };
}

// Printing shows the statement alone: the site header, footer and dashboard tabs stay on screen only.
const PRINT_CSS = `@media print { body > header, body > footer, nav[aria-label="Dashboard"] { display: none !important; } main { padding: 0 !important; } }`;

export default async function StatementPage({ params }: { params: Promise<{ period: string }> }) {
  const { period } = await params;
  if (!PERIOD_PATTERN.test(period)) notFound();
  const user = await requireCreatorPage(`/dashboard/payouts/statements/${period}`);
  const statement = await creatorStatement(await getDb(), user, { period });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href="/dashboard/payouts" className="text-sm text-brand-700 hover:underline">
          ← Payouts
        </Link>
        <PrintButton>Print statement</PrintButton>
      </div>
      <StatementView statement={statement} creator={{ name: user.name, handle: user.creatorHandle }} open={!isClosedPeriod(period, new Date())} />
    </div>
  );
}
