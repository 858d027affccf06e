import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { and, eq, sql } from "drizzle-orm";
import { ButtonLink } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { listings } from "@/db/schema";
import { userOrSignIn } from "@/lib/auth/session";
import { creatorBalance } from "@/lib/ledger/balance";
import { formatPrice } from "@/lib/orders/pricing";

export const metadata: Metadata = { title: "Creator dashboard" };

export default async function DashboardPage() {
  const user = await userOrSignIn("/dashboard");
  if (!user.creatorHandle) redirect("/become-creator");
  const db = await getDb();
  const [balance, counts] = await Promise.all([
    creatorBalance(db, user.id),
    db
      .select({ status: listings.status, n: sql<number>`count(*)::int` })
      .from(listings)
      .where(and(eq(listings.creatorId, user.id)))
      .groupBy(listings.status),
  ]);
  const count = (status: string) => counts.find((c) => c.status === status)?.n ?? 0;
  const stats = [
    { label: "Payable balance", value: formatPrice(balance) === "Free" ? "$0.00" : formatPrice(balance) },
    { label: "Published listings", value: String(count("published")) },
    { label: "Waiting for review", value: String(count("pending_review")) },
    { label: "Drafts", value: String(count("draft") + count("rejected")) },
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Creator dashboard</h1>
        <ButtonLink href={`/c/${user.creatorHandle}`} variant="secondary">
          View storefront
        </ButtonLink>
      </div>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {stats.map((s) => (
          <div key={s.label} className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">{s.label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{s.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
