// charge.dispute.closed — won: paid again; lost: like a full refund (reversing journal, access ends).
import "server-only";
import type { Db } from "@/db/client";
import { fulfilOrder } from "@/lib/orders/fulfil";
import { closeDispute } from "@/lib/orders/refunds";
import type { PaymentsDriver } from "../driver";
import { orderForPayment } from "./resolve-order";
import { disputeShape, readEventObject } from "./shapes";

export async function onChargeDisputeClosed(tx: Db, object: unknown, driver: PaymentsDriver): Promise<string> {
  const dispute = readEventObject(disputeShape, object);
  const order = await orderForPayment(tx, driver, { paymentIntentId: dispute.payment_intent, chargeId: dispute.charge, metadata: dispute.metadata });
  if (order.status === "pending") await fulfilOrder(tx, { orderId: order.id, paymentIntentId: dispute.payment_intent, chargeId: dispute.charge });
  if (dispute.status === "won" || dispute.status === "warning_closed") {
    await closeDispute(tx, order.id, "won");
    return "won";
  }
  if (dispute.status === "lost") {
    await closeDispute(tx, order.id, "lost");
    return "lost";
  }
  return `closed as ${dispute.status}: unchanged`;
}
