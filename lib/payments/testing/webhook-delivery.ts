// Test deliveries to the Stripe webhook: events signed like Stripe signs them (or tampered with), handed to the same
// function as POST /api/webhooks/stripe, and the count of events it recorded.
import { sql } from "drizzle-orm";
import Stripe from "stripe";
import type { Db } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { env } from "@/lib/env";
import { receiveStripeWebhook } from "../webhook";

export type SignatureOptions = { secret?: string; timestamp?: number };

/** The Stripe-Signature header for a payload, with the configured secret unless another is given. */
export function signWebhookPayload(payload: string, opts: SignatureOptions = {}) {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? env().webhookSecret, timestamp: opts.timestamp });
}

/** Serialises and signs an event, then delivers it. */
export function deliverSignedEvent(event: object, opts: SignatureOptions = {}) {
  const payload = JSON.stringify(event);
  return receiveStripeWebhook(payload, signWebhookPayload(payload, opts));
}

export async function countStripeEvents(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(stripeEvents);
  return row.n;
}
