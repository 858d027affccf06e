// Who may read a listing's paid content: owners (a paid or disputed order), its creator, and admins.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listings, orders, type Order } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

export const ENTITLING_STATUSES = ["paid", "disputed"] as const;

/** The buyer's entitling order for a listing, if any. */
export async function entitlingOrder(db: Db, buyerId: string, listingId: string): Promise<Order | undefined> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.buyerId, buyerId), eq(orders.listingId, listingId), inArray(orders.status, [...ENTITLING_STATUSES])))
    .limit(1);
  return order;
}

export type ContentAccess = { kind: "owner"; order: Order } | { kind: "creator" } | { kind: "admin" } | null;

/**
 * How the actor may read the listing's paid content, or null. Suspended owners keep reading
 * what they bought; banned users never reach here (they have no session).
 */
export async function contentAccess(db: Db, actor: Actor | null, listingId: string): Promise<ContentAccess> {
  if (!actor) return null;
  const [listing] = await db.select({ creatorId: listings.creatorId }).from(listings).where(eq(listings.id, listingId)).limit(1);
  if (!listing) return null;
  if (listing.creatorId === actor.id) return { kind: "creator" };
  if (actor.role === "admin" && actor.status === "active") return { kind: "admin" };
  const order = await entitlingOrder(db, actor.id, listingId);
  return order ? { kind: "owner", order } : null;
}
