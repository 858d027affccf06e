// One payments interface, two drivers (DESIGN §4): the real Stripe SDK, or `local` with no network.
import { env } from "@/lib/env";

export type CheckoutSessionRequest = {
  orderId: string;
  listingTitle: string;
  listingSlug: string;
  priceCents: number;
  currency: string;
  buyerEmail: string;
  /** Stripe replaces {CHECKOUT_SESSION_ID} in it. */
  successUrl: string;
  cancelUrl: string;
  idempotencyKey: string;
};

export type CheckoutSessionState = {
  id: string;
  orderId: string | null;
  paymentStatus: "paid" | "unpaid" | "no_payment_required";
  status: "open" | "complete" | "expired";
  paymentIntentId: string | null;
  amountTotal: number | null;
  currency: string | null;
  url: string | null;
};

export type TransferRequest = {
  payoutId: string;
  amountCents: number;
  currency: string;
  destinationAccountId: string;
  transferGroup: string;
};

export interface PaymentsDriver {
  readonly name: "stripe" | "local";
  createCheckoutSession(request: CheckoutSessionRequest): Promise<{ id: string; url: string }>;
  retrieveCheckoutSession(sessionId: string): Promise<CheckoutSessionState | null>;
  /** Refunds part or all of an order's payment; idempotent per key. */
  refund(request: { orderId: string; paymentIntentId: string; amountCents: number; idempotencyKey: string }): Promise<{ id: string }>;
  /** The order id recorded on a payment intent, for events that arrive before we know the intent. */
  orderIdForPaymentIntent(paymentIntentId: string): Promise<string | null>;
  createConnectAccount(request: { creatorId: string; email: string }): Promise<{ accountId: string }>;
  createAccountLink(request: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<{ url: string }>;
  /** Sends a creator's payout; the idempotency key is the payout id, so a retry never pays twice. */
  createTransfer(request: TransferRequest): Promise<{ id: string }>;
}

let cached: PaymentsDriver | undefined;

export async function paymentsDriver(): Promise<PaymentsDriver> {
  if (cached) return cached;
  const e = env();
  if (e.paymentsDriver === "stripe" && e.STRIPE_SECRET_KEY) {
    const { createStripeDriver } = await import("./stripe-driver");
    cached = createStripeDriver({ secretKey: e.STRIPE_SECRET_KEY, apiBase: e.STRIPE_API_BASE });
  } else {
    const { createLocalDriver } = await import("./local-driver");
    cached = createLocalDriver();
  }
  return cached;
}

/** Tests swap drivers (e.g. the Stripe driver pointed at a local fake server). */
export function setPaymentsDriver(driver: PaymentsDriver | undefined) {
  cached = driver;
}
