// The `local` driver: no network. Checkout is an in-app page; Connect and transfers get local ids.
import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { orders } from "@/db/schema";
import type { CheckoutSessionState, PaymentsDriver } from "./driver";

/** Ids derived from a stable key, so a retried call returns the same object (like an idempotency key). */
function stableId(prefix: string, key: string): string {
  return `${prefix}_local_${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;
}

export function localPaymentIntentId(orderId: string): string {
  return stableId("pi", `pi:${orderId}`);
}

export function localChargeId(orderId: string): string {
  return stableId("ch", `ch:${orderId}`);
}

export function createLocalDriver(): PaymentsDriver {
  return {
    name: "local",

    async createCheckoutSession() {
      const id = `cs_local_${randomBytes(12).toString("hex")}`;
      return { id, url: `/checkout/local/${id}` };
    },

    async retrieveCheckoutSession(sessionId: string): Promise<CheckoutSessionState | null> {
      const db = await getDb();
      const [order] = await db.select().from(orders).where(eq(orders.checkoutSessionId, sessionId)).limit(1);
      if (!order) return null;
      const settled = order.status === "paid" || order.status === "refunded" || order.status === "disputed";
      return {
        id: sessionId,
        orderId: order.id,
        paymentStatus: settled ? "paid" : "unpaid",
        status: order.status === "pending" ? "open" : order.status === "expired" || order.status === "failed" ? "expired" : "complete",
        paymentIntentId: settled ? localPaymentIntentId(order.id) : null,
        amountTotal: order.priceCents,
        currency: order.currency,
        url: order.status === "pending" ? `/checkout/local/${sessionId}` : null,
      };
    },

    async refund({ idempotencyKey }) {
      return { id: stableId("re", idempotencyKey) };
    },

    async orderIdForPaymentIntent() {
      // Local events always carry the order id in their metadata.
      return null;
    },

    async createConnectAccount({ creatorId }) {
      return { accountId: stableId("acct", `acct:${creatorId}`) };
    },

    async createAccountLink({ accountId, returnUrl }) {
      const url = new URL(returnUrl);
      url.searchParams.set("local_onboarding", accountId);
      return { url: url.toString() };
    },

    async createTransfer({ payoutId }) {
      return { id: stableId("tr", `payout-${payoutId}`) };
    },
  };
}
