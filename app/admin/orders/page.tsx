import type { Metadata } from "next";
import { DataTable } from "@/components/ui/table";
import Link from "@/components/ui/link";
import { RefundForm } from "@/components/admin-orders/refund-form";
import { NewestOlderPager } from "@/components/ui/newest-older-pager";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { orderStatus, type OrderStatus } from "@/db/schema";
import { requireAdminPage } from "@/lib/auth/session";
import { adminListingTitle } from "@/lib/admin/listing-detail";
import { listOrdersForAdmin } from "@/lib/orders/admin-orders";
import { decodeOrdersCursor } from "@/lib/orders/order-cursor";
import { isEntitling } from "@/lib/orders/entitlement";
import { formatMoney, formatPrice, formatTimestamp } from "@/lib/format";
import { isUuid } from "@/lib/uuid";
import { refundAction } from "./actions";

export const metadata: Metadata = { title: "Orders · Admin" };

/** The order list's address with its filters, and the page after `before` (none: the newest orders). */
function ordersHref(filters: { status?: OrderStatus; q?: string; buyer?: string; listing?: string }, before?: string): string {
  const params = new URLSearchParams();
  if (filters.buyer) params.set("buyer", filters.buyer);
  if (filters.listing) params.set("listing", filters.listing);
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (before) params.set("before", before);
  const query = params.toString();
  return query ? `/admin/orders?${query}` : "/admin/orders";
}

export default async function AdminOrdersPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; q?: string; buyer?: string; listing?: string; before?: string }>;
}) {
  const user = await requireAdminPage();
  const params = await searchParams;
  const status = orderStatus.enumValues.includes(params.status as OrderStatus) ? (params.status as OrderStatus) : undefined;
  // One account's or one listing's orders (linked from their admin pages); an id that is not one reads as no filter.
  const buyer = typeof params.buyer === "string" && isUuid(params.buyer) ? params.buyer : undefined;
  const listing = typeof params.listing === "string" && isUuid(params.listing) ? params.listing : undefined;
  const filters = { status, q: typeof params.q === "string" ? params.q.slice(0, 200) : undefined, buyer, listing };
  const before = typeof params.before === "string" && decodeOrdersCursor(params.before) ? params.before : undefined;
  const db = await getDb();
  const [{ rows, nextCursor }, listingTitle] = await Promise.all([
    listOrdersForAdmin(db, user, { ...filters, before }),
    listing ? adminListingTitle(db, user, listing) : null,
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Orders</h1>
        <Link href="/admin" className="text-sm text-brand-700 hover:underline">
          ← Admin
        </Link>
      </div>
      <form className="flex flex-wrap gap-2" method="get">
        {buyer ? <input type="hidden" name="buyer" value={buyer} /> : null}
        {listing ? <input type="hidden" name="listing" value={listing} /> : null}
        <label className="sr-only" htmlFor="order-q">
          Buyer email or order id
        </label>
        <input
          id="order-q"
          name="q"
          defaultValue={params.q}
          placeholder="Buyer email or order id"
          className="w-64 rounded-lg border border-slate-300 px-3 py-2 text-sm"
        />
        <label className="sr-only" htmlFor="order-status">
          Status
        </label>
        <select id="order-status" name="status" defaultValue={status ?? ""} className="rounded-lg border border-slate-300 px-3 py-2 text-sm">
          <option value="">Any status</option>
          {orderStatus.enumValues.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100">
          Filter
        </button>
      </form>
      {buyer ? (
        <p className="text-sm text-slate-600">
          Orders by {rows[0]?.buyerEmail ?? "one account"} ·{" "}
          <Link href={`/admin/users/${buyer}`} className="text-brand-700 hover:underline">
            Account
          </Link>{" "}
          ·{" "}
          <Link href={ordersHref({ ...filters, buyer: undefined })} className="text-brand-700 hover:underline">
            Everyone&apos;s orders
          </Link>
        </p>
      ) : null}
      {listing ? (
        <p className="text-sm text-slate-600">
          Orders for {listingTitle ?? "one listing"} ·{" "}
          <Link href={`/admin/listings/${listing}`} className="text-brand-700 hover:underline">
            Listing
          </Link>{" "}
          ·{" "}
          <Link href={ordersHref({ ...filters, listing: undefined })} className="text-brand-700 hover:underline">
            Every listing&apos;s orders
          </Link>
        </p>
      ) : null}
      {rows.length === 0 ? (
        before ? (
          <EmptyState
            title="No older orders"
            action={
              <Link href={ordersHref(filters)} className="text-sm text-brand-700 hover:underline">
                Newest orders
              </Link>
            }
          />
        ) : (
          <EmptyState
            title={
              filters.q || status ? "No orders match" : listing ? "No orders for this listing yet" : buyer ? "No orders by this account yet" : "No orders yet"
            }
          >
            {filters.q || status ? "Try another email, order id or status." : null}
          </EmptyState>
        )
      ) : (
        <>
          <DataTable columns={["Order", "Buyer", "Listing", "Amount", "Status", "Refund"]}>
            {rows.map((o) => (
              <tr key={o.id} className="align-top">
                <td className="px-3 py-2 font-mono text-xs">
                  {o.id.slice(0, 8)}
                  <div className="text-slate-500">{formatTimestamp(o.createdAt)}</div>
                </td>
                <td className="px-3 py-2">{o.buyerEmail}</td>
                <td className="px-3 py-2">
                  <Link href={`/l/${o.listingSlug}`} className="hover:underline">
                    {o.listingTitle}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  {formatPrice(o.priceCents, o.currency)}
                  {o.refundedCents ? <div className="text-xs text-red-600">−{formatMoney(o.refundedCents, o.currency)} refunded</div> : null}
                </td>
                <td className="px-3 py-2">{o.status}</td>
                <td className="px-3 py-2">
                  {isEntitling(o.status) && o.priceCents > o.refundedCents ? (
                    <RefundForm orderId={o.id} remaining={((o.priceCents - o.refundedCents) / 100).toFixed(2)} action={refundAction} />
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
          <NewestOlderPager
            label="Order pages"
            noun="orders"
            newestHref={before ? ordersHref(filters) : null}
            olderHref={nextCursor ? ordersHref(filters, nextCursor) : null}
          />
        </>
      )}
    </div>
  );
}
