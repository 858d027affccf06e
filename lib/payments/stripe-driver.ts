// The real Stripe driver: Checkout Sessions priced from the database, Connect Express, transfers, refunds.
import "server-only";
import Stripe from "stripe";
import {
  TransferError,
  type CheckoutSessionRequest,
  type CheckoutSessionState,
  type ConnectAccountState,
  type PaymentsDriver,
  type TransferRecord,
  type TransferRequest,
} from "./driver";

export function stripeClient(secretKey: string, apiBase?: string, timeoutMs = 20_000): Stripe {
  // STRIPE_API_BASE (e.g. http://127.0.0.1:12111) points the SDK at a fake server in tests.
  const base = apiBase ? new URL(apiBase) : undefined;
  return new Stripe(secretKey, {
    // Retries reuse the request's idempotency key, so a retried transfer is never sent twice.
    maxNetworkRetries: 2,
    timeout: timeoutMs,
    appInfo: { name: "Agora" },
    ...(base
      ? { host: base.hostname, port: base.port || (base.protocol === "https:" ? 443 : 80), protocol: base.protocol.replace(":", "") as "http" | "https" }
      : {}),
  });
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

export function transferRecord(transfer: Stripe.Transfer): TransferRecord {
  return {
    id: transfer.id,
    amountCents: transfer.amount,
    currency: transfer.currency,
    destinationAccountId: idOf(transfer.destination) ?? "",
    transferGroup: transfer.transfer_group ?? null,
    payoutId: transfer.metadata?.payout_id ?? null,
    reversedCents: transfer.amount_reversed ?? 0,
    createdAt: new Date(transfer.created * 1000),
  };
}

const CAPABILITY_STATES = ["active", "inactive", "pending"] as const;

function capabilityState(value: string | null | undefined): ConnectAccountState["transfersCapability"] {
  return CAPABILITY_STATES.find((state) => state === value) ?? null;
}

export function connectAccountState(account: Stripe.Account): ConnectAccountState {
  const requirements = account.requirements;
  return {
    accountId: account.id,
    detailsSubmitted: Boolean(account.details_submitted),
    payoutsEnabled: Boolean(account.payouts_enabled),
    transfersCapability: capabilityState(account.capabilities?.transfers),
    requirementsDue: [...new Set([...(requirements?.currently_due ?? []), ...(requirements?.past_due ?? [])])],
    disabledReason: requirements?.disabled_reason ?? null,
  };
}

// Refusals that mean "nothing was sent, and sending the same thing again will not change that".
const INSUFFICIENT_BALANCE_CODES = new Set(["balance_insufficient", "insufficient_funds"]);

/**
 * Sorts a failed transfers.create into the three outcomes the settlement engine acts on (ARCHITECTURE.md, "Where money moves").
 * Only an answer Stripe gave about this request's content is definite; anything that could mean
 * "the transfer may exist" (network, timeouts, 5xx, 409 key in use, key reuse, auth) is ambiguous.
 */
export function classifyTransferError(error: unknown): TransferError {
  if (error instanceof TransferError) return error;
  if (!(error instanceof Stripe.errors.StripeError)) {
    return new TransferError("ambiguous", error instanceof Error ? error.message : "Unknown failure sending the transfer", null);
  }
  const code = error.code ?? null;
  const message = error.message || "Stripe refused the transfer";
  if (code && INSUFFICIENT_BALANCE_CODES.has(code)) return new TransferError("insufficient_balance", message, code);
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    error instanceof Stripe.errors.StripeIdempotencyError ||
    error instanceof Stripe.errors.StripeAuthenticationError ||
    code === "idempotency_key_in_use" ||
    error.statusCode === 409 ||
    error.statusCode === undefined ||
    error.statusCode >= 500
  ) {
    return new TransferError("ambiguous", message, code ?? error.rawType ?? null);
  }
  if (
    error instanceof Stripe.errors.StripeInvalidRequestError ||
    error instanceof Stripe.errors.StripeCardError ||
    error instanceof Stripe.errors.StripePermissionError
  ) {
    return new TransferError("definite", message, code);
  }
  return new TransferError("ambiguous", message, code);
}

export function createStripeDriver(options: { secretKey: string; apiBase?: string; timeoutMs?: number }): PaymentsDriver {
  const stripe = stripeClient(options.secretKey, options.apiBase, options.timeoutMs);
  return {
    name: "stripe",

    async createCheckoutSession(request: CheckoutSessionRequest) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: request.currency,
                unit_amount: request.priceCents,
                product_data: { name: request.listingTitle, metadata: { listing_slug: request.listingSlug } },
              },
            },
          ],
          customer_email: request.buyerEmail,
          client_reference_id: request.orderId,
          metadata: { order_id: request.orderId },
          payment_intent_data: { metadata: { order_id: request.orderId } },
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
        },
        { idempotencyKey: request.idempotencyKey },
      );
      if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
      return { id: session.id, url: session.url };
    },

    async retrieveCheckoutSession(sessionId: string): Promise<CheckoutSessionState | null> {
      try {
        const s = await stripe.checkout.sessions.retrieve(sessionId);
        return {
          id: s.id,
          orderId: s.client_reference_id ?? s.metadata?.order_id ?? null,
          paymentStatus: s.payment_status === "paid" ? "paid" : s.payment_status === "no_payment_required" ? "no_payment_required" : "unpaid",
          status: (s.status ?? "open") as CheckoutSessionState["status"],
          paymentIntentId: idOf(s.payment_intent),
          amountTotal: s.amount_total,
          currency: s.currency,
          url: s.url,
        };
      } catch (error) {
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
        throw error;
      }
    },

    async refund(request) {
      const refund = await stripe.refunds.create(
        { payment_intent: request.paymentIntentId, amount: request.amountCents, metadata: { order_id: request.orderId } },
        { idempotencyKey: request.idempotencyKey },
      );
      return { id: refund.id };
    },

    async orderIdForPaymentIntent(paymentIntentId: string) {
      const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
      return intent.metadata?.order_id ?? null;
    },

    async createConnectAccount({ creatorId, email }) {
      const account = await stripe.accounts.create(
        { type: "express", email, metadata: { creator_id: creatorId }, capabilities: { transfers: { requested: true } } },
        { idempotencyKey: `connect-account-${creatorId}` },
      );
      return { accountId: account.id };
    },

    async createAccountLink({ accountId, refreshUrl, returnUrl }) {
      const link = await stripe.accountLinks.create({ account: accountId, refresh_url: refreshUrl, return_url: returnUrl, type: "account_onboarding" });
      return { url: link.url };
    },

    async retrieveAccount(accountId: string) {
      return connectAccountState(await stripe.accounts.retrieve(accountId));
    },

    async createTransfer(request: TransferRequest) {
      try {
        const transfer = await stripe.transfers.create(
          {
            amount: request.amountCents,
            currency: request.currency,
            destination: request.destinationAccountId,
            transfer_group: request.transferGroup,
            metadata: { payout_id: request.payoutId },
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return transferRecord(transfer);
      } catch (error) {
        throw classifyTransferError(error);
      }
    },

    async findTransfer({ transferGroup, payoutId }) {
      // Auto-pagination walks every page of the group (a month's transfers can exceed one page).
      for await (const transfer of stripe.transfers.list({ transfer_group: transferGroup, limit: 100 })) {
        if (transfer.metadata?.payout_id === payoutId) return transferRecord(transfer);
      }
      return null;
    },
  };
}
