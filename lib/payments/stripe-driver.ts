// The real Stripe driver: Checkout Sessions priced from the database, Connect Express, transfers, refunds.
import Stripe from "stripe";
import type { CheckoutSessionRequest, CheckoutSessionState, PaymentsDriver, TransferRequest } from "./driver";

export function stripeClient(secretKey: string, apiBase?: string): Stripe {
  // STRIPE_API_BASE (e.g. http://127.0.0.1:12111) points the SDK at a fake server in tests.
  const base = apiBase ? new URL(apiBase) : undefined;
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Agora" },
    ...(base ? { host: base.hostname, port: base.port || (base.protocol === "https:" ? 443 : 80), protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
  });
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

export function createStripeDriver(options: { secretKey: string; apiBase?: string }): PaymentsDriver {
  const stripe = stripeClient(options.secretKey, options.apiBase);
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

    async createTransfer(request: TransferRequest) {
      const transfer = await stripe.transfers.create(
        {
          amount: request.amountCents,
          currency: request.currency,
          destination: request.destinationAccountId,
          transfer_group: request.transferGroup,
          metadata: { payout_id: request.payoutId },
        },
        { idempotencyKey: `payout-${request.payoutId}` },
      );
      return { id: transfer.id };
    },
  };
}
