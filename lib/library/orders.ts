// A buyer's order history and receipts: only their own orders, another person's order is "not found".
import "server-only";
import { readLicense, type License } from "@/lib/licenses/licenses";
import { and, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles, listings, listingVersions, orders, users, type OrderStatus } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/uuid";
import { decodeOrdersCursor, olderThan, orderCursorAt, orderPage } from "@/lib/orders/order-cursor";
import { notFound } from "./access";

export type OrderHistoryEntry = {
  id: string;
  listingId: string;
  title: string;
  slug: string;
  /** Whether the listing page still exists to link to (a removed or unpublished listing has none). */
  listingPublished: boolean;
  status: OrderStatus;
  priceCents: number;
  refundedCents: number;
  currency: string;
  createdAt: Date;
  paidAt: Date | null;
  refundedAt: Date | null;
};

// What a history line and a receipt both show of an order.
const historyColumns = {
  id: orders.id,
  listingId: orders.listingId,
  title: listings.title,
  slug: listings.slug,
  listingPublished: sql<boolean>`${listings.status} = 'published'`,
  status: orders.status,
  priceCents: orders.priceCents,
  refundedCents: orders.refundedCents,
  currency: orders.currency,
  createdAt: orders.createdAt,
  paidAt: orders.paidAt,
  refundedAt: orders.refundedAt,
};

/** Orders that moved money or are on their way to (abandoned checkouts that expired are left out). */
function historyOf(userId: string): SQL | undefined {
  return and(eq(orders.buyerId, userId), ne(orders.status, "expired"));
}

/** The actor's latest orders, newest first (the library page's "Recent orders"). */
export async function orderHistory(db: Db, actor: Actor | null, limit = RECENT_ORDERS): Promise<OrderHistoryEntry[]> {
  const user = assertSignedIn(actor);
  return db
    .select(historyColumns)
    .from(orders)
    .innerJoin(listings, eq(listings.id, orders.listingId))
    .where(historyOf(user.id))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(Math.max(1, Math.min(limit, ORDER_HISTORY_PAGE_SIZE)));
}

/** Orders the library page shows before "All orders". */
export const RECENT_ORDERS = 5;
/** Orders a page of /library/orders shows. */
export const ORDER_HISTORY_PAGE_SIZE = 25;

/**
 * One page of the actor's order history, newest first, after `before` (an order cursor; a malformed one reads as
 * none), with the cursor of the page after it and how many orders the history holds in all.
 */
export async function orderHistoryPage(
  db: Db,
  actor: Actor | null,
  opts: { before?: string } = {},
): Promise<{ rows: OrderHistoryEntry[]; nextCursor: string | null; total: number }> {
  const user = assertSignedIn(actor);
  const after = decodeOrdersCursor(opts.before);
  const [found, [count]] = await Promise.all([
    db
      .select({ ...historyColumns, cursorAt: orderCursorAt })
      .from(orders)
      .innerJoin(listings, eq(listings.id, orders.listingId))
      .where(and(historyOf(user.id), after ? olderThan(after) : undefined))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(ORDER_HISTORY_PAGE_SIZE + 1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(historyOf(user.id)),
  ]);
  return { ...orderPage(found, ORDER_HISTORY_PAGE_SIZE), total: count?.n ?? 0 };
}

export type Receipt = OrderHistoryEntry & {
  versionNumber: number;
  sellerName: string;
  sellerHandle: string;
  buyerName: string;
  buyerEmail: string;
  paymentReference: string | null;
  /** The license of the version bought (the buyer keeps it whatever the listing offers later). */
  license: License | null;
};

/** A receipt for one of the actor's own orders. */
export async function orderReceipt(db: Db, actor: Actor | null, orderId: string): Promise<Receipt> {
  const user = assertSignedIn(actor);
  if (!isUuid(orderId)) throw notFound();
  const [row] = await db
    .select({
      ...historyColumns,
      versionNumber: listingVersions.number,
      sellerName: creatorProfiles.displayName,
      sellerHandle: creatorProfiles.handle,
      buyerName: users.name,
      buyerEmail: users.email,
      paymentReference: orders.paymentIntentId,
      license: listingVersions.license,
    })
    .from(orders)
    .innerJoin(listings, eq(listings.id, orders.listingId))
    .innerJoin(listingVersions, eq(listingVersions.id, orders.versionId))
    .innerJoin(creatorProfiles, eq(creatorProfiles.userId, orders.creatorId))
    .innerJoin(users, eq(users.id, orders.buyerId))
    .where(and(eq(orders.id, orderId), eq(orders.buyerId, user.id)))
    .limit(1);
  if (!row) throw notFound();
  return { ...row, license: readLicense(row.license) };
}
