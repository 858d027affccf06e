// Stripe webhooks: signature check on the raw body, then each event's effects exactly once (ARCHITECTURE.md, "Payments drivers").
import "server-only";
import Stripe from "stripe";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, queryRows, type Db } from "@/db/client";
import { orders, stripeEvents } from "@/db/schema";
import { env } from "@/lib/env";
import { DomainError, errorBody, isDomainError, publicError, type DomainErrorCode } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { recordWebhookOutcome } from "@/lib/observability/metrics";
import { isUuid } from "@/lib/uuid";
import { isEntitlementConflict, saleStatement, withEntitlementRetry } from "@/lib/orders/fulfil";
import { paymentsDriver, type PaymentsDriver } from "./driver";
import { onAccountUpdated } from "./events/account-updated";
import { onChargeDisputeClosed } from "./events/charge-dispute-closed";
import { onChargeDisputeCreated } from "./events/charge-dispute-created";
import { onChargeRefunded } from "./events/charge-refunded";
import { onCheckoutSessionAsyncPaymentFailed } from "./events/checkout-session-async-payment-failed";
import { onCheckoutSessionAsyncPaymentSucceeded } from "./events/checkout-session-async-payment-succeeded";
import { onCheckoutSessionCompleted } from "./events/checkout-session-completed";
import { onCheckoutSessionExpired } from "./events/checkout-session-expired";
import { onTransferReversed } from "./events/transfer-reversed";
import { checkoutSessionShape } from "./events/shapes";

/** `event` carries the envelope for handlers that order by it (account.updated compares `created`). */
type Handler = (tx: Db, object: unknown, driver: PaymentsDriver, event: VerifiedEvent) => Promise<string>;

const HANDLERS: Record<string, Handler> = {
  "checkout.session.completed": onCheckoutSessionCompleted,
  "checkout.session.async_payment_succeeded": onCheckoutSessionAsyncPaymentSucceeded,
  "checkout.session.async_payment_failed": onCheckoutSessionAsyncPaymentFailed,
  "checkout.session.expired": onCheckoutSessionExpired,
  "charge.refunded": onChargeRefunded,
  "charge.dispute.created": onChargeDisputeCreated,
  "charge.dispute.closed": onChargeDisputeClosed,
  "account.updated": onAccountUpdated,
  "transfer.reversed": onTransferReversed,
};

// Stripe's default tolerance: a signed timestamp older than 5 minutes is refused (replay protection).
const SIGNATURE_TOLERANCE_SECONDS = 300;

export type WebhookResponse = { status: number; body: Record<string, unknown> };

type VerifiedEvent = { id: string; type: string; created?: number; data: { object: unknown } };

export type ProcessOutcome = { duplicate: boolean; handled: boolean; result: string };

/** Stores the event and applies its effect in one transaction; a redelivered event is a no-op. */
export async function processStripeEvent(db: Db, event: VerifiedEvent, driver: PaymentsDriver): Promise<ProcessOutcome> {
  return withEntitlementRetry(() =>
    db.transaction(async (tx) => {
      const inserted = await tx
        .insert(stripeEvents)
        .values({ id: event.id, type: event.type, payload: event, processedAt: new Date() })
        .onConflictDoNothing()
        .returning({ id: stripeEvents.id });
      if (inserted.length === 0) return { duplicate: true, handled: false, result: "duplicate" };
      const handler = HANDLERS[event.type];
      if (!handler) {
        logger.info({ event: "webhook.ignored", type: event.type, eventId: event.id }, "webhook event type not handled");
        return { duplicate: false, handled: false, result: "ignored" };
      }
      return { duplicate: false, handled: true, result: await handler(tx, event.data.object, driver, event) };
    }),
  );
}

const QUICK_SALE_TYPES = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);

/**
 * The most frequent delivery — a paid checkout for a pending order — in one statement and one round trip:
 * the event is stored together with the sale (saleStatement) or not at all. Anything else (duplicates,
 * unpaid or mismatched sessions, orders that moved on, a buyer paying twice) answers null and takes the
 * general path, which decides it inside one transaction.
 */
async function quickSale(db: Db, event: VerifiedEvent, rawBody: string): Promise<ProcessOutcome | null> {
  if (!QUICK_SALE_TYPES.has(event.type)) return null;
  const parsed = checkoutSessionShape.safeParse(event.data.object);
  if (!parsed.success || parsed.data.payment_status === "unpaid") return null;
  const session = parsed.data;
  const orderId = [session.client_reference_id, session.metadata?.order_id].find(isUuid);
  if (!orderId) return null;
  try {
    const [row] = await queryRows<{ stored: number; moved: number }>(
      db,
      saleStatement({
        orderId,
        paidAt: new Date(),
        paymentIntentId: session.payment_intent,
        event: { id: event.id, type: event.type, payload: rawBody },
        expect: session.amount_total == null ? undefined : { amountCents: session.amount_total, currency: session.currency ?? "" },
      }),
    );
    if (row.stored === 0) return null;
    if (row.moved === 0) {
      // Another fulfilment of this order won between this statement's snapshot and its row lock.
      if (session.payment_intent) {
        await db
          .update(orders)
          .set({ paymentIntentId: session.payment_intent })
          .where(and(eq(orders.id, orderId), isNull(orders.paymentIntentId)));
      }
      return { duplicate: false, handled: true, result: "already" };
    }
    return { duplicate: false, handled: true, result: "fulfilled" };
  } catch (error) {
    // Two orders of one buyer for one listing paid at once: the general path books the second as a duplicate.
    if (isEntitlementConflict(error)) return null;
    throw error;
  }
}

/** A refusal in the shape of every internal error response: `{ error: code, message }` with the catalogue's status. */
function refused(code: Extract<DomainErrorCode, `webhook.${string}`>): WebhookResponse {
  const failure = publicError(new DomainError(code));
  return { status: failure.status, body: errorBody(failure) };
}

/** The whole webhook: what POST /api/webhooks/stripe answers for a raw body and signature header. */
export async function receiveStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookResponse> {
  if (!signature) return rejected("unsigned", "webhook.missing_signature");
  let event: VerifiedEvent;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, env().webhookSecret, SIGNATURE_TOLERANCE_SECONDS) as unknown as VerifiedEvent;
  } catch {
    return rejected("unverified", "webhook.bad_signature");
  }
  if (typeof event?.id !== "string" || typeof event.type !== "string" || !event.data) {
    return rejected("unverified", "webhook.malformed_event");
  }
  try {
    const db = await getDb();
    const outcome = (await quickSale(db, event, rawBody)) ?? (await processStripeEvent(db, event, await paymentsDriver()));
    recordWebhookOutcome(event.type, outcome.duplicate ? "duplicate" : outcome.handled ? "processed" : "ignored");
    return { status: 200, body: { received: true, ...outcome } };
  } catch (error) {
    if (isDomainError(error) && error.code === "webhook.unexpected_shape") {
      // A handled type with a shape we can't read will not improve on retry: keep a record, answer 400.
      logger.error({ event: "webhook.unexpected_shape", type: event.type, eventId: event.id, err: error.cause }, "webhook event has an unexpected shape");
      recordWebhookOutcome(event.type, "rejected");
      return refused(error.code);
    }
    // Anything else is answered 500 whatever its kind, so Stripe retries it.
    logger.error({ event: "webhook.failed", type: event.type, eventId: event.id, err: error }, "webhook processing failed; Stripe will retry");
    recordWebhookOutcome(event.type, "failed");
    return { status: 500, body: { error: "internal", message: "Processing failed; retry later" } };
  }
}

/** A delivery refused before its type could be trusted: counted under a fixed label, never the claimed type. */
function rejected(type: "unsigned" | "unverified", code: Extract<DomainErrorCode, `webhook.${string}`>): WebhookResponse {
  recordWebhookOutcome(type === "unsigned" ? "unsigned.delivery" : "unverified.delivery", "rejected");
  return refused(code);
}
