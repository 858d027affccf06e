// Stripe-shaped events for the local driver, signed with the webhook secret and fed to the real webhook path.
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import type { Order } from "@/db/schema";
import { env } from "@/lib/env";
import { localChargeId, localPaymentIntentId } from "./local-driver";
import { receiveStripeWebhook, type WebhookResponse } from "./webhook";

const API_VERSION = Stripe.API_VERSION;

export function localEvent(type: string, object: Record<string, unknown>) {
  return {
    id: `evt_local_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

export function checkoutSessionObject(order: Pick<Order, "id" | "checkoutSessionId" | "priceCents" | "currency">, paymentStatus: "paid" | "unpaid", status: "complete" | "expired" = "complete") {
  return {
    id: order.checkoutSessionId,
    object: "checkout.session",
    mode: "payment",
    client_reference_id: order.id,
    metadata: { order_id: order.id },
    amount_total: order.priceCents,
    currency: order.currency,
    payment_status: paymentStatus,
    status,
    payment_intent: status === "expired" ? null : localPaymentIntentId(order.id),
  };
}

export function chargeObject(order: Pick<Order, "id" | "priceCents" | "currency">, amountRefunded: number) {
  return {
    id: localChargeId(order.id),
    object: "charge",
    amount: order.priceCents,
    amount_refunded: amountRefunded,
    refunded: amountRefunded >= order.priceCents,
    currency: order.currency,
    payment_intent: localPaymentIntentId(order.id),
    metadata: { order_id: order.id },
  };
}

/** Signs an event like Stripe does and delivers it through the same function as POST /api/webhooks/stripe. */
export async function deliverLocalEvent(type: string, object: Record<string, unknown>): Promise<WebhookResponse> {
  const payload = JSON.stringify(localEvent(type, object));
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: env().webhookSecret });
  return receiveStripeWebhook(payload, header);
}
