// The success page's fulfilment: asks the payments driver about the session, then fulfils like the webhook.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listings, orders, type Order } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import type { PaymentsDriver } from "@/lib/payments/driver";
import { isEntitling } from "./entitlement";
import { fulfilOrder, withEntitlementRetry } from "./fulfil";

export type Receipt = { order: Order; listing: { title: string; slug: string }; state: "paid" | "processing" | "closed" };

export async function confirmCheckout(db: Db, driver: PaymentsDriver, actor: Actor | null, sessionId: string): Promise<Receipt> {
  const buyer = assertSignedIn(actor);
  const notFound = new DomainError("order.not_found");
  if (!/^cs_[A-Za-z0-9_]{6,200}$/.test(sessionId)) throw notFound;
  const [order] = await db.select().from(orders).where(eq(orders.checkoutSessionId, sessionId)).limit(1);
  // Another person's checkout is answered exactly like a missing one.
  if (!order || order.buyerId !== buyer.id) throw notFound;

  let current = order;
  if (order.status === "pending") {
    const session = await driver.retrieveCheckoutSession(sessionId);
    if (session && session.orderId === order.id && session.paymentStatus !== "unpaid") {
      const result = await withEntitlementRetry(() => db.transaction((tx) => fulfilOrder(tx, { orderId: order.id, paymentIntentId: session.paymentIntentId })));
      if (result.outcome !== "not_found") current = result.order;
    }
  }
  const [listing] = await db.select({ title: listings.title, slug: listings.slug }).from(listings).where(eq(listings.id, order.listingId));
  const state = isEntitling(current.status) ? "paid" : current.status === "pending" ? "processing" : "closed";
  return { order: current, listing, state };
}
