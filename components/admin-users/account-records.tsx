// An account's records on its admin page: orders (with the way to refund them), listings, payouts, reports and audit
// history. Each table shows an empty line rather than disappearing, so the admin knows it was looked at.
import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { OrderStatusBadge } from "@/components/library/format";
import { PayoutStatusBadge } from "@/components/payouts/payout-status-badge";
import { Badge } from "@/components/ui/badge";
import { DataTable, rightAligned, type Column } from "@/components/ui/table";
import type { UserAuditEntry, UserListing, UserOrder, UserPayout, UserReport } from "@/lib/admin/users";
import { formatMoney, formatPrice, formatTimestamp } from "@/lib/format";

/**
 * A record table of an admin page, or an empty line saying there is nothing (so the admin knows it was looked at);
 * `more` links to the whole list the table shows the newest of.
 */
export function Records({
  caption,
  columns,
  empty,
  count,
  more,
  children,
}: {
  caption: string;
  columns: Column[];
  empty: string;
  count: number;
  more?: { href: string; label: string };
  children: ReactNode;
}) {
  if (count === 0) return <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-4 text-sm text-slate-500">{empty}</p>;
  return (
    <>
      <DataTable caption={caption} columns={columns} minWidth="min-w-[36rem]">
        {children}
      </DataTable>
      {more ? (
        <p className="mt-2 text-sm">
          <Link href={more.href} className="text-brand-700 hover:underline">
            {more.label}
          </Link>
        </p>
      ) : null}
    </>
  );
}

export function AccountOrders({ orders, buyerId }: { orders: UserOrder[]; buyerId: string }) {
  return (
    <Records
      caption="Orders"
      more={{ href: `/admin/orders?buyer=${buyerId}`, label: "All orders by this account →" }}
      count={orders.length}
      empty="No orders."
      columns={["Order", "Listing", ...rightAligned("Amount"), "Status", { label: "Actions", srOnly: true }]}
    >
      {orders.map((o) => (
        <tr key={o.id}>
          <td className="px-3 py-2 font-mono text-xs">
            {o.id.slice(0, 8)}
            <div className="font-sans text-slate-500">{formatTimestamp(o.createdAt)}</div>
          </td>
          <td className="px-3 py-2">
            <Link href={`/l/${o.listingSlug}`} className="hover:underline">
              {o.listingTitle}
            </Link>
          </td>
          <td className="px-3 py-2 text-right tabular-nums">
            {formatPrice(o.priceCents, o.currency)}
            {o.refundedCents ? <div className="text-xs text-red-600">−{formatMoney(o.refundedCents, o.currency)} refunded</div> : null}
          </td>
          <td className="px-3 py-2">
            <OrderStatusBadge status={o.status} />
          </td>
          <td className="px-3 py-2 text-right">
            <Link
              href={`/admin/orders?q=${o.id}`}
              className="text-sm text-brand-700 hover:underline"
              aria-label={`Open order ${o.id.slice(0, 8)} to refund it`}
            >
              {(o.status === "paid" || o.status === "disputed") && o.priceCents > o.refundedCents ? "Refund…" : "Open"}
            </Link>
          </td>
        </tr>
      ))}
    </Records>
  );
}

export function AccountListings({ listings, creatorId }: { listings: UserListing[]; creatorId: string }) {
  return (
    <Records
      caption="Listings"
      more={{ href: `/admin/listings?creator=${creatorId}`, label: "All listings by this creator →" }}
      count={listings.length}
      empty="No listings."
      columns={["Listing", "Status", ...rightAligned("Price", "Sales")]}
    >
      {listings.map((l) => (
        <tr key={l.id}>
          <td className="px-3 py-2">
            <Link href={`/admin/listings/${l.id}`} className="hover:underline">
              {l.title}
            </Link>
          </td>
          <td className="px-3 py-2">
            <StatusBadge status={l.status} />
          </td>
          <td className="px-3 py-2 text-right tabular-nums">{formatPrice(l.priceCents)}</td>
          <td className="px-3 py-2 text-right tabular-nums">{l.salesCount.toLocaleString("en-US")}</td>
        </tr>
      ))}
    </Records>
  );
}

export function AccountPayouts({ payouts }: { payouts: UserPayout[] }) {
  return (
    <Records caption="Payouts" count={payouts.length} empty="No payouts." columns={["Month", "Status", ...rightAligned("Amount"), "Transfer or reason"]}>
      {payouts.map((p) => (
        <tr key={p.id}>
          <td className="px-3 py-2">
            <Link href={`/admin/settlements/${p.period}`} className="hover:underline">
              {p.period}
            </Link>
          </td>
          <td className="px-3 py-2">
            <PayoutStatusBadge status={p.status} />
          </td>
          <td className="px-3 py-2 text-right tabular-nums">{formatMoney(p.amountCents, p.currency)}</td>
          <td className="px-3 py-2 text-xs text-slate-600">{p.stripeTransferId ?? p.failureReason ?? p.holdReason ?? "—"}</td>
        </tr>
      ))}
    </Records>
  );
}

const REPORT_RELATION: Record<UserReport["relation"], string> = {
  filed: "Filed by them",
  about_account: "About them",
  about_listing: "About their listing",
  about_review: "About their review",
};

export function AccountReports({ reports, userId }: { reports: UserReport[]; userId: string }) {
  return (
    <Records
      caption="Reports"
      more={{ href: `/admin/reports?q=${userId}`, label: "All reports filed by or about this account →" }}
      count={reports.length}
      empty="No reports filed by or about this account."
      columns={["Report", "On", "Reason", "Status", "Filed"]}
    >
      {reports.map((r) => (
        <tr key={`${r.relation}-${r.id}`}>
          <td className="px-3 py-2">
            <Link href={`/admin/reports/${r.id}`} className="hover:underline">
              {REPORT_RELATION[r.relation]}
            </Link>
          </td>
          <td className="px-3 py-2">
            {r.targetType === "creator" ? "Their creator profile" : `${r.targetType === "review" ? "A review of " : ""}${r.listingTitle ?? "—"}`}
          </td>
          <td className="px-3 py-2">{r.reason}</td>
          <td className="px-3 py-2">
            <Badge tone={r.status === "open" ? "warning" : "neutral"}>{r.status}</Badge>
          </td>
          <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatTimestamp(r.createdAt)}</td>
        </tr>
      ))}
    </Records>
  );
}

export function AccountAudit({ entries }: { entries: UserAuditEntry[] }) {
  return (
    <Records caption="Audit history" count={entries.length} empty="Nothing in the audit log yet." columns={["When", "Action", "By", "Details"]}>
      {entries.map((a) => (
        <tr key={a.id}>
          <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatTimestamp(a.createdAt)}</td>
          <td className="px-3 py-2 font-mono text-xs">
            {a.action}
            {a.relation === "actor" ? (
              <div className="font-sans text-slate-500">
                on {a.targetType} {a.targetId.slice(0, 8)}
              </div>
            ) : null}
          </td>
          <td className="px-3 py-2">{a.actorEmail ?? "system"}</td>
          <td className="px-3 py-2 text-xs text-slate-600">{typeof a.details.reason === "string" ? a.details.reason : JSON.stringify(a.details)}</td>
        </tr>
      ))}
    </Records>
  );
}
