import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AccountActionsPanel } from "@/components/admin-users/account-actions";
import { AccountBadges } from "@/components/admin-users/account-badges";
import { AccountAudit, AccountListings, AccountOrders, AccountPayouts, AccountReports } from "@/components/admin-users/account-records";
import { getDb } from "@/db/client";
import { userDetail } from "@/lib/admin/users";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { changeUserRoleAction, changeUserStatusAction } from "../actions";

export const metadata: Metadata = { title: "Account · Admin", robots: { index: false } };

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdminPage();
  const { id } = await params;
  const detail = await userDetail(await getDb(), admin, id);
  if (!detail) notFound();
  const { user } = detail;
  const sections = [
    { id: "orders", title: "Orders", body: <AccountOrders orders={detail.orders} buyerId={user.id} /> },
    ...(user.creatorHandle || detail.listings.length
      ? [{ id: "listings", title: "Listings", body: <AccountListings listings={detail.listings} creatorId={user.id} /> }]
      : []),
    ...(user.creatorHandle || detail.payouts.length ? [{ id: "payouts", title: "Payouts", body: <AccountPayouts payouts={detail.payouts} /> }] : []),
    { id: "reports", title: "Reports", body: <AccountReports reports={detail.reports} userId={user.id} /> },
    { id: "audit", title: "Audit history", body: <AccountAudit entries={detail.audit} /> },
  ];
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">
          ← Users
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold break-all">{user.name}</h1>
          <AccountBadges status={user.status} role={user.role} />
        </div>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm text-slate-600 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-700">Email</dt>
          <dd className="break-all">{user.email}</dd>
          {user.creatorHandle ? (
            <>
              <dt className="font-medium text-slate-700">Storefront</dt>
              <dd>
                <Link href={`/c/${user.creatorHandle}`} className="text-brand-700 hover:underline">
                  {user.creatorDisplayName} (@{user.creatorHandle})
                </Link>
              </dd>
            </>
          ) : null}
          <dt className="font-medium text-slate-700">Joined</dt>
          <dd>{formatDate(user.createdAt)}</dd>
          <dt className="font-medium text-slate-700">Account id</dt>
          <dd className="font-mono text-xs break-all">{user.id}</dd>
        </dl>
      </div>

      <section aria-labelledby="actions-title" className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="actions-title" className="text-lg font-semibold">
          Account actions
        </h2>
        <AccountActionsPanel user={user} isSelf={user.id === admin.id} actions={{ changeStatus: changeUserStatusAction, changeRole: changeUserRoleAction }} />
        <p className="text-xs text-slate-500">
          To refund an order, open it from the orders below; refunds go through the payment provider and are audited.{" "}
          <Link href={`/admin/audit?targetType=user&targetId=${user.id}`} className="text-brand-700 hover:underline">
            Full audit log for this account
          </Link>
        </p>
      </section>

      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`${s.id}-title`} className="space-y-3">
          <h2 id={`${s.id}-title`} className="text-lg font-semibold">
            {s.title}
          </h2>
          {s.body}
        </section>
      ))}
    </div>
  );
}
