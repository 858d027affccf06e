// Stripe webhooks: signature check on the raw body, then each event's effects exactly once (DESIGN §4).
import Stripe from "stripe";
import { ZodError } from "zod";
import { getDb, type Db } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { env } from "@/lib/env";
import { paymentsDriver, type PaymentsDriver } from "./driver";
import { onAccountUpdated } from "./events/account-updated";
import { onChargeDisputeClosed } from "./events/charge-dispute-closed";
import { onChargeDisputeCreated } from "./events/charge-dispute-created";
import { onChargeRefunded } from "./events/charge-refunded";
import { onCheckoutSessionAsyncPaymentFailed } from "./events/checkout-session-async-payment-failed";
import { onCheckoutSessionAsyncPaymentSucceeded } from "./events/checkout-session-async-payment-succeeded";
import { onCheckoutSessionCompleted } from "./events/checkout-session-completed";
import { onCheckoutSessionExpired } from "./events/checkout-session-expired";

type Handler = (tx: Db, object: unknown, driver: PaymentsDriver) => Promise<string>;

const HANDLERS: Record<string, Handler> = {
  "checkout.session.completed": onCheckoutSessionCompleted,
  "checkout.session.async_payment_succeeded": onCheckoutSessionAsyncPaymentSucceeded,
  "checkout.session.async_payment_failed": onCheckoutSessionAsyncPaymentFailed,
  "checkout.session.expired": onCheckoutSessionExpired,
  "charge.refunded": onChargeRefunded,
  "charge.dispute.created": onChargeDisputeCreated,
  "charge.dispute.closed": onChargeDisputeClosed,
  "account.updated": onAccountUpdated,
};

// Stripe's default tolerance: a signed timestamp older than 5 minutes is refused (replay protection).
const SIGNATURE_TOLERANCE_SECONDS = 300;

export type WebhookResponse = { status: number; body: Record<string, unknown> };

type VerifiedEvent = { id: string; type: string; data: { object: unknown } };

export type ProcessOutcome = { duplicate: boolean; handled: boolean; result: string };

/** Stores the event and applies its effect in one transaction; a redelivered event is a no-op. */
export async function processStripeEvent(db: Db, event: VerifiedEvent, driver: PaymentsDriver): Promise<ProcessOutcome> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, payload: event, processedAt: new Date() })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (inserted.length === 0) return { duplicate: true, handled: false, result: "duplicate" };
    const handler = HANDLERS[event.type];
    if (!handler) {
      console.info(`[webhook] ${event.type} ${event.id}: not handled`);
      return { duplicate: false, handled: false, result: "ignored" };
    }
    return { duplicate: false, handled: true, result: await handler(tx, event.data.object, driver) };
  });
}

/** The whole webhook: what POST /api/webhooks/stripe answers for a raw body and signature header. */
export async function receiveStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookResponse> {
  if (!signature) return { status: 400, body: { error: "Missing Stripe-Signature header" } };
  let event: VerifiedEvent;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, env().webhookSecret, SIGNATURE_TOLERANCE_SECONDS) as unknown as VerifiedEvent;
  } catch {
    return { status: 400, body: { error: "Invalid signature" } };
  }
  if (typeof event?.id !== "string" || typeof event.type !== "string" || !event.data) {
    return { status: 400, body: { error: "Malformed event" } };
  }
  try {
    const outcome = await processStripeEvent(await getDb(), event, await paymentsDriver());
    return { status: 200, body: { received: true, ...outcome } };
  } catch (error) {
    if (error instanceof ZodError) {
      // A handled type with a shape we can't read will not improve on retry: keep a record, answer 400.
      console.error(`[webhook] ${event.type} ${event.id}: unexpected shape`, error.issues.slice(0, 3));
      return { status: 400, body: { error: "Unexpected event shape" } };
    }
    console.error(`[webhook] ${event.type} ${event.id} failed; Stripe will retry`, error instanceof Error ? error.message : error);
    return { status: 500, body: { error: "Processing failed; retry later" } };
  }
}
