// charge.refunded — full or partial (cumulative amount_refunded); a refund seen before the checkout event still converges.
import "server-only";
import type { Db } from "@/db/client";
import { fulfilOrder } from "@/lib/orders/fulfil";
import { applyRefund } from "@/lib/orders/refunds";
import type { PaymentsDriver } from "../driver";
import { orderForPayment } from "./resolve-order";
import { chargeShape, readEventObject } from "./shapes";

export async function onChargeRefunded(tx: Db, object: unknown, driver: PaymentsDriver): Promise<string> {
  const charge = readEventObject(chargeShape, object);
  const order = await orderForPayment(tx, driver, { paymentIntentId: charge.payment_intent, chargeId: charge.id, metadata: charge.metadata });
  // A refunded charge was paid first: book the sale if its checkout event hasn't arrived yet.
  if (order.status === "pending") await fulfilOrder(tx, { orderId: order.id, paymentIntentId: charge.payment_intent, chargeId: charge.id });
  const result = await applyRefund(tx, order.id, charge.amount_refunded);
  return result?.outcome ?? "unknown order";
}
