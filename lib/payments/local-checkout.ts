// The local driver's checkout page actions: pay, fail or cancel a session, as Stripe's test checkout would.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listings, orders, type Order } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { checkoutSessionObject, deliverLocalEvent } from "./local-events";

export type LocalSession = { order: Order; listing: { title: string; slug: string; kind: string } };

/** The buyer's own pending local session; anything else is "not found". */
export async function loadLocalSession(db: Db, actor: Actor | null, sessionId: string): Promise<LocalSession> {
  const buyer = assertSignedIn(actor);
  const missing = new DomainError("checkout.not_found");
  if (env().paymentsDriver !== "local" || !/^cs_local_[0-9a-f]{24}$/.test(sessionId)) throw missing;
  const [row] = await db
    .select({ order: orders, listing: { title: listings.title, slug: listings.slug, kind: listings.kind } })
    .from(orders)
    .innerJoin(listings, eq(listings.id, orders.listingId))
    .where(eq(orders.checkoutSessionId, sessionId))
    .limit(1);
  if (!row || row.order.buyerId !== buyer.id) throw missing;
  return row;
}

async function deliverOrFail(type: string, object: Record<string, unknown>) {
  const res = await deliverLocalEvent(type, object);
  if (res.status !== 200) throw new DomainError("checkout.failed");
}

export async function payLocalSession(db: Db, actor: Actor | null, sessionId: string): Promise<{ successPath: string }> {
  const { order } = await loadLocalSession(db, actor, sessionId);
  if (order.status === "pending") await deliverOrFail("checkout.session.completed", checkoutSessionObject(order, "paid"));
  return { successPath: `/checkout/success?session_id=${sessionId}` };
}

/** Simulates a payment method that fails after the checkout completes (like a bank debit that bounces). */
export async function failLocalSession(db: Db, actor: Actor | null, sessionId: string): Promise<{ listingSlug: string }> {
  const { order, listing } = await loadLocalSession(db, actor, sessionId);
  if (order.status === "pending") {
    await deliverOrFail("checkout.session.completed", checkoutSessionObject(order, "unpaid"));
    await deliverOrFail("checkout.session.async_payment_failed", checkoutSessionObject(order, "unpaid"));
  }
  return { listingSlug: listing.slug };
}

export async function cancelLocalSession(db: Db, actor: Actor | null, sessionId: string): Promise<{ listingSlug: string }> {
  const { order, listing } = await loadLocalSession(db, actor, sessionId);
  if (order.status === "pending") await deliverOrFail("checkout.session.expired", checkoutSessionObject(order, "unpaid", "expired"));
  return { listingSlug: listing.slug };
}
