import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/session";
import { adminOverview } from "@/lib/moderation/overview";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const user = await requireAdminPage();
  const overview = await adminOverview(await getDb(), user);
  const stats = [
    { label: "Accounts", value: overview.accounts, href: null },
    { label: "Versions waiting for approval", value: overview.versionsAwaitingApproval, href: "/admin/moderation" },
    { label: "Open reports", value: overview.openReports, href: null },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Admin</h1>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        {stats.map((s) => (
          <div key={s.label} className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">{s.label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{s.value.toLocaleString("en-US")}</dd>
            {s.href ? (
              <dd className="mt-1 text-sm">
                <Link href={s.href} className="text-brand-700 hover:underline">
                  Open the approval queue →
                </Link>
              </dd>
            ) : null}
          </div>
        ))}
      </dl>
      <nav aria-label="Admin areas">
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <li>
            <Link href="/admin/settlements" className="block rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-500">
              <span className="font-semibold text-brand-700">Settlements</span>
              <span className="mt-1 block text-sm text-slate-500">Monthly creator payouts: runs, holds, retries and reconciliation.</span>
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
