// checkout.session.async_payment_failed — the delayed payment failed: the pending order closes as failed.
import "server-only";
import type { Db } from "@/db/client";
import { closePendingOrder } from "@/lib/orders/fulfil";
import { orderForSession } from "./resolve-order";
import { checkoutSessionShape, readEventObject } from "./shapes";

export async function onCheckoutSessionAsyncPaymentFailed(tx: Db, object: unknown): Promise<string> {
  const session = readEventObject(checkoutSessionShape, object);
  const order = await orderForSession(tx, session);
  if (!order) return "unknown order";
  return (await closePendingOrder(tx, order.id, "failed")) ? "failed" : "unchanged";
}
