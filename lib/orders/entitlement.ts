// Who may read a listing's paid content: owners (a paid or disputed order), its creator, and admins.
import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listings, orders, type Order, type OrderStatus } from "@/db/schema";
import { isAdmin, type Actor } from "@/lib/auth/actor";
import type { ListingRelation } from "@/lib/listings/relation";

/**
 * The order statuses that entitle a buyer to a listing: paid, or disputed (access is kept until the dispute is
 * lost). The partial unique index orders_one_entitlement_key restates it in SQL; entitlement.test.ts keeps them equal.
 */
export const ENTITLING_STATUSES = ["paid", "disputed"] as const satisfies readonly OrderStatus[];
export type EntitlingStatus = (typeof ENTITLING_STATUSES)[number];

export function isEntitling(status: OrderStatus): status is EntitlingStatus {
  return (ENTITLING_STATUSES as readonly OrderStatus[]).includes(status);
}

const ENTITLING_SQL_LIST = ENTITLING_STATUSES.map((s) => `'${s}'`).join(", ");

/**
 * SQL condition "this order entitles its buyer": `entitledOrder()` for the orders table in query-builder code,
 * `entitledOrder("o")` for an alias in a hand-written statement.
 */
export function entitledOrder(alias?: string): SQL {
  if (alias !== undefined && !/^[a-z_][a-z0-9_]*$/.test(alias)) throw new RangeError(`not a table alias: ${alias}`);
  const status = alias ? sql.raw(`${alias}.status`) : sql`${orders.status}`;
  return sql`${status} in (${sql.raw(ENTITLING_SQL_LIST)})`;
}

/** The buyer's entitling order for a listing, if any. */
export async function entitlingOrder(db: Db, buyerId: string, listingId: string): Promise<Order | undefined> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.buyerId, buyerId), eq(orders.listingId, listingId), entitledOrder()))
    .limit(1);
  return order;
}

/** A relation that may read the listing's paid content; an owner's comes with the entitling order. */
export type ContentRelation = { relation: "owner"; order: Order } | { relation: Extract<ListingRelation, "creator" | "admin"> };

/**
 * The actor's relation to the listing when it lets them read the paid content, or null. Suspended owners
 * keep reading what they bought; banned users never reach here (they have no session).
 */
export async function contentRelation(db: Db, actor: Actor | null, listingId: string): Promise<ContentRelation | null> {
  if (!actor) return null;
  const [listing] = await db.select({ creatorId: listings.creatorId }).from(listings).where(eq(listings.id, listingId)).limit(1);
  if (!listing) return null;
  if (listing.creatorId === actor.id) return { relation: "creator" };
  // Only an admin who may act as one (two-factor sign-in on) reads paid content they did not buy.
  const admin: boolean = isAdmin(actor);
  if (admin) return { relation: "admin" };
  const order = await entitlingOrder(db, actor.id, listingId);
  return order ? { relation: "owner", order } : null;
}
