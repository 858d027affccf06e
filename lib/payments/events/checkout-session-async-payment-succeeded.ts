// checkout.session.async_payment_succeeded — a delayed payment (bank debit…) cleared: fulfil.
import "server-only";
import type { Db } from "@/db/client";
import { fulfilOrder } from "@/lib/orders/fulfil";
import { orderForSession } from "./resolve-order";
import { checkoutSessionShape, readEventObject } from "./shapes";

export async function onCheckoutSessionAsyncPaymentSucceeded(tx: Db, object: unknown): Promise<string> {
  const session = readEventObject(checkoutSessionShape, object);
  const order = await orderForSession(tx, session);
  if (!order) return "unknown order";
  return (await fulfilOrder(tx, { orderId: order.id, paymentIntentId: session.payment_intent })).outcome;
}
