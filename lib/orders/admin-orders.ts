// The admin's order list: newest first, filtered by status or by buyer email / order id.
import "server-only";
import { and, desc, eq, ilike, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listings, orders, users, type OrderStatus } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { UUID_PATTERN } from "@/lib/uuid";

export async function listOrdersForAdmin(db: Db, actor: Actor | null, opts: { status?: OrderStatus; q?: string; before?: Date; limit?: number }) {
  assertAdmin(actor);
  const filters: (SQL | undefined)[] = [opts.status ? eq(orders.status, opts.status) : undefined, opts.before ? lt(orders.createdAt, opts.before) : undefined];
  const q = opts.q?.trim();
  if (q)
    filters.push(
      UUID_PATTERN.test(q) ? eq(orders.id, q) : or(ilike(users.email, `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`), eq(orders.checkoutSessionId, q)),
    );
  return db
    .select({
      id: orders.id,
      status: orders.status,
      priceCents: orders.priceCents,
      refundedCents: orders.refundedCents,
      currency: orders.currency,
      createdAt: orders.createdAt,
      buyerEmail: users.email,
      listingTitle: listings.title,
      listingSlug: listings.slug,
    })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.buyerId))
    .innerJoin(listings, eq(listings.id, orders.listingId))
    .where(and(...filters))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(Math.min(opts.limit ?? 50, 200));
}
