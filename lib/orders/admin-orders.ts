// The admin's order list: newest first, filtered by status, buyer email / order id, one buyer or one listing, a page at a time.
import "server-only";
import { and, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listings, orders, users, type OrderStatus } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { UserOrder } from "@/lib/admin/users";
import { decodeOrdersCursor, olderThan, orderCursorAt, orderPage } from "./order-cursor";
import { isUuid, UUID_PATTERN } from "@/lib/uuid";
import { containsPattern } from "@/lib/like-pattern";

/** Orders a page of the admin's list shows. */
export const ADMIN_ORDERS_PAGE_SIZE = 25;

/** An order as the admin's list shows it: an account page's order row, and who bought it. */
export type AdminOrderRow = UserOrder & { buyerEmail: string };

/**
 * One page of orders (all, one buyer's or one listing's), newest first, after `before` (an encoded cursor; a malformed one reads as none), and the cursor
 * of the page after it when there is one. Orders created in the same microsecond are ordered by id, so paging never
 * skips or repeats one.
 */
export async function listOrdersForAdmin(
  db: Db,
  actor: Actor | null,
  opts: { status?: OrderStatus; q?: string; buyer?: string; listing?: string; before?: string; limit?: number },
): Promise<{ rows: AdminOrderRow[]; nextCursor: string | null }> {
  assertAdmin(actor);
  const limit = Math.max(1, Math.min(opts.limit ?? ADMIN_ORDERS_PAGE_SIZE, 200));
  const after = decodeOrdersCursor(opts.before);
  const filters: (SQL | undefined)[] = [
    opts.status ? eq(orders.status, opts.status) : undefined,
    opts.buyer !== undefined ? (isUuid(opts.buyer) ? eq(orders.buyerId, opts.buyer) : sql`false`) : undefined,
    opts.listing !== undefined ? (isUuid(opts.listing) ? eq(orders.listingId, opts.listing) : sql`false`) : undefined,
    after ? olderThan(after) : undefined,
  ];
  const q = opts.q?.trim();
  if (q) filters.push(UUID_PATTERN.test(q) ? eq(orders.id, q) : or(ilike(users.email, containsPattern(q)), eq(orders.checkoutSessionId, q)));
  const found = await db
    .select({
      id: orders.id,
      status: orders.status,
      priceCents: orders.priceCents,
      refundedCents: orders.refundedCents,
      currency: orders.currency,
      createdAt: orders.createdAt,
      cursorAt: orderCursorAt,
      buyerEmail: users.email,
      listingTitle: listings.title,
      listingSlug: listings.slug,
    })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.buyerId))
    .innerJoin(listings, eq(listings.id, orders.listingId))
    .where(and(...filters))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit + 1);
  return orderPage(found, limit);
}
