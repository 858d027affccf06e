// Stripe-shaped ids, objects and events for the local driver, signed with the webhook secret and fed to the real webhook path.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import Stripe from "stripe";
import type { Order } from "@/db/schema";
import { env } from "@/lib/env";
import type { ConnectAccountState, TransferRecord } from "./driver";
import { receiveStripeWebhook, type WebhookResponse } from "./webhook";

const API_VERSION = Stripe.API_VERSION;

/** Ids derived from a stable key, so a retried call returns the same object (like an idempotency key). */
export function stableLocalId(prefix: string, key: string): string {
  return `${prefix}_local_${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;
}

export function localPaymentIntentId(orderId: string): string {
  return stableLocalId("pi", `pi:${orderId}`);
}

export function localChargeId(orderId: string): string {
  return stableLocalId("ch", `ch:${orderId}`);
}

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

export function checkoutSessionObject(
  order: Pick<Order, "id" | "checkoutSessionId" | "priceCents" | "currency">,
  paymentStatus: "paid" | "unpaid",
  status: "complete" | "expired" = "complete",
) {
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

/** A transfer as Stripe's API and its `transfer.*` events show it. */
export function localTransferObject(record: TransferRecord) {
  return {
    id: record.id,
    object: "transfer",
    amount: record.amountCents,
    amount_reversed: record.reversedCents,
    currency: record.currency,
    created: Math.floor(record.createdAt.getTime() / 1000),
    destination: record.destinationAccountId,
    transfer_group: record.transferGroup,
    metadata: record.payoutId ? { payout_id: record.payoutId } : {},
    reversed: record.reversedCents >= record.amountCents,
    livemode: false,
  };
}

/** A Connect Express account as Stripe's API and `account.updated` show it. */
export function localAccountObject(state: ConnectAccountState & { email?: string | null; country?: string }) {
  return {
    id: state.accountId,
    object: "account",
    type: "express",
    country: state.country ?? "US",
    email: state.email ?? null,
    details_submitted: state.detailsSubmitted,
    payouts_enabled: state.payoutsEnabled,
    charges_enabled: state.payoutsEnabled,
    capabilities: state.transfersCapability ? { transfers: state.transfersCapability } : {},
    requirements: {
      currently_due: state.requirementsDue,
      eventually_due: state.requirementsDue,
      past_due: [],
      disabled_reason: state.disabledReason,
    },
  };
}

/** Signs an event like Stripe does and delivers it through the same function as POST /api/webhooks/stripe. */
export async function deliverLocalEvent(type: string, object: Record<string, unknown>): Promise<WebhookResponse> {
  const payload = JSON.stringify(localEvent(type, object));
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: env().webhookSecret });
  return receiveStripeWebhook(payload, header);
}
