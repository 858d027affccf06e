// checkout.session.completed — fulfil only when the payment is already paid; async methods wait for their event.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders } from "@/db/schema";
import { fulfilOrder } from "@/lib/orders/fulfil";
import { orderForSession } from "./resolve-order";
import { checkoutSessionShape, readEventObject } from "./shapes";
import { logger } from "@/lib/observability/logger";

export async function onCheckoutSessionCompleted(tx: Db, object: unknown): Promise<string> {
  const session = readEventObject(checkoutSessionShape, object);
  const order = await orderForSession(tx, session);
  if (!order) return "unknown order";
  if (session.amount_total != null && (session.amount_total !== order.priceCents || session.currency !== order.currency)) {
    logger.error(
      { event: "webhook.amount_mismatch", sessionId: session.id, amountCents: session.amount_total, currency: session.currency, orderId: order.id },
      "checkout session amount differs from the order; not fulfilled",
    );
    return "amount mismatch: not fulfilled";
  }
  if (session.payment_status === "unpaid") {
    if (session.payment_intent && !order.paymentIntentId) {
      await tx.update(orders).set({ paymentIntentId: session.payment_intent }).where(eq(orders.id, order.id));
    }
    return "awaiting async payment";
  }
  const result = await fulfilOrder(tx, { orderId: order.id, paymentIntentId: session.payment_intent });
  return result.outcome;
}
