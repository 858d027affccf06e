// checkout.session.expired — the buyer never paid: the pending order closes as expired.
import "server-only";
import type { Db } from "@/db/client";
import { closePendingOrder } from "@/lib/orders/fulfil";
import { orderForSession } from "./resolve-order";
import { checkoutSessionShape, readEventObject } from "./shapes";

export async function onCheckoutSessionExpired(tx: Db, object: unknown): Promise<string> {
  const session = readEventObject(checkoutSessionShape.extend({ payment_status: checkoutSessionShape.shape.payment_status.optional() }), object);
  const order = await orderForSession(tx, session);
  if (!order) return "unknown order";
  return (await closePendingOrder(tx, order.id, "expired")) ? "expired" : "unchanged";
}
