// charge.dispute.created — the order is disputed; the buyer keeps access until the dispute is lost.
import "server-only";
import type { Db } from "@/db/client";
import { fulfilOrder } from "@/lib/orders/fulfil";
import { openDispute } from "@/lib/orders/refunds";
import type { PaymentsDriver } from "../driver";
import { orderForPayment } from "./resolve-order";
import { disputeShape, readEventObject } from "./shapes";

export async function onChargeDisputeCreated(tx: Db, object: unknown, driver: PaymentsDriver): Promise<string> {
  const dispute = readEventObject(disputeShape, object);
  const order = await orderForPayment(tx, driver, { paymentIntentId: dispute.payment_intent, chargeId: dispute.charge, metadata: dispute.metadata });
  if (order.status === "pending") await fulfilOrder(tx, { orderId: order.id, paymentIntentId: dispute.payment_intent, chargeId: dispute.charge });
  return (await openDispute(tx, order.id)) ? "disputed" : "unchanged";
}
