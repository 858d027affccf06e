// One payments interface, two drivers (ARCHITECTURE.md, "Payments drivers"): the real Stripe SDK, or `local` with no network.
import "server-only";
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
  /** The settlement period (YYYY-MM): every transfer of one monthly settlement shares it. */
  transferGroup: string;
  /** The payout id for a payout's first claim; a re-claim after a definite refusal gets its own key. */
  idempotencyKey: string;
};

/** A transfer as the provider records it (Stripe's `transfer` object, or the local driver's row). */
export type TransferRecord = {
  id: string;
  amountCents: number;
  currency: string;
  destinationAccountId: string;
  transferGroup: string | null;
  /** `metadata.payout_id` */
  payoutId: string | null;
  reversedCents: number;
  createdAt: Date;
};

/**
 * Why a transfer was not confirmed (ARCHITECTURE.md, "Where money moves"):
 * - `definite`: the provider refused it (account invalid, transfers disabled…); nothing was sent.
 * - `insufficient_balance`: the platform balance is short; nothing was sent; a hold, retried later.
 * - `ambiguous`: timeout, network, 5xx, `idempotency_key_in_use`: it may or may not exist; never assume either.
 */
export type TransferFailureKind = "definite" | "insufficient_balance" | "ambiguous";

export class TransferError extends Error {
  readonly kind: TransferFailureKind;
  /** The provider's error code when it gave one (e.g. `account_invalid`, `balance_insufficient`). */
  readonly providerCode: string | null;

  constructor(kind: TransferFailureKind, message: string, providerCode: string | null = null) {
    super(message);
    this.name = "TransferError";
    this.kind = kind;
    this.providerCode = providerCode;
  }
}

/** A Connect account's state, as account.updated carries it and as a lookup returns it. */
export type ConnectAccountState = {
  accountId: string;
  detailsSubmitted: boolean;
  payoutsEnabled: boolean;
  /** `capabilities.transfers`: active | inactive | pending; null when not requested. */
  transfersCapability: "active" | "inactive" | "pending" | null;
  /** `requirements.currently_due` and `past_due`, deduplicated. */
  requirementsDue: string[];
  disabledReason: string | null;
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
  /** The account's current state (used when a creator returns from onboarding). */
  retrieveAccount(accountId: string): Promise<ConnectAccountState>;
  /**
   * Sends a creator's payout with the request's idempotency key, `transfer_group` and `metadata.payout_id`.
   * Throws TransferError for every failure, classified as definite, insufficient balance or ambiguous.
   */
  createTransfer(request: TransferRequest): Promise<TransferRecord>;
  /** The transfer made for a payout, found by its transfer group and `metadata.payout_id` (never by key). */
  findTransfer(request: { transferGroup: string; payoutId: string }): Promise<TransferRecord | null>;
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
