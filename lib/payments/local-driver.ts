import "server-only";
// The `local` driver: no network. Checkout is an in-app page; Connect accounts live on the creator's profile
// (the local onboarding page is their source of truth) and transfers in local_stripe_transfers, with
// Stripe's idempotency rules, so the settlement engine meets the same hazards it meets in production.
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { creatorProfiles, localStripeTransfers, orders } from "@/db/schema";
import { TransferError, type CheckoutSessionState, type ConnectAccountState, type PaymentsDriver, type TransferRecord, type TransferRequest } from "./driver";
import { deliverLocalEvent, localPaymentIntentId, localTransferObject, stableLocalId } from "./local-events";
import type { WebhookResponse } from "./webhook";
import { takeFault } from "./local-transfer-faults";

/** Stripe prunes idempotency keys after 24 hours; after that the same key makes a new transfer. */
export const LOCAL_IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export type LocalDriverOptions = {
  /** The driver's "now": tests move it to age idempotency keys. */
  clock?: () => Date;
  /** The database holding local transfers and Connect state (defaults to the process database). */
  db?: () => Promise<Db>;
};

type LocalTransferRow = typeof localStripeTransfers.$inferSelect;

function transferRecord(row: LocalTransferRow): TransferRecord {
  return {
    id: row.id,
    amountCents: row.amountCents,
    currency: row.currency,
    destinationAccountId: row.destination,
    transferGroup: row.transferGroup,
    payoutId: row.metadata.payout_id ?? null,
    reversedCents: row.reversedCents,
    createdAt: row.createdAt,
  };
}

function sameParameters(row: LocalTransferRow, request: TransferRequest): boolean {
  return (
    row.amountCents === request.amountCents &&
    row.currency === request.currency &&
    row.destination === request.destinationAccountId &&
    row.transferGroup === request.transferGroup &&
    row.metadata.payout_id === request.payoutId
  );
}

// Failure injection lives in ./local-transfer-faults; tests import it from here as before.
export { clearLocalTransferFaults, injectLocalTransferFault, type LocalTransferFault, type LocalTransferFaultKind } from "./local-transfer-faults";

// ——— Transfers ———

/**
 * One transfer per idempotency key while the key is fresh (< 24 h), like Stripe. The same key with other
 * parameters is refused like Stripe's `idempotency_error`, which the Stripe driver reports as ambiguous (the
 * first transfer exists; only a lookup can say for which payout). Concurrent calls with one key queue on an
 * advisory lock, so they never create two rows.
 */
async function createTransferOnce(db: Db, request: TransferRequest, now: Date): Promise<TransferRecord> {
  return db.transaction(async (tx) => {
    // The caller's next write (the payout marked paid) commits synchronously and so flushes this one too;
    // not waiting for a second disk flush per transfer keeps a 10,000-creator settlement well inside a minute.
    await tx.execute(sql`select set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(hashtext(${`local-transfer:${request.idempotencyKey}`}))`);
    const [existing] = await tx
      .select()
      .from(localStripeTransfers)
      .where(
        and(
          eq(localStripeTransfers.idempotencyKey, request.idempotencyKey),
          gt(localStripeTransfers.createdAt, new Date(now.getTime() - LOCAL_IDEMPOTENCY_KEY_TTL_MS)),
        ),
      )
      .orderBy(desc(localStripeTransfers.createdAt))
      .limit(1);
    if (existing) {
      if (!sameParameters(existing, request)) {
        throw new TransferError(
          "ambiguous",
          `Keys for idempotent requests can only be used with the same parameters they were first used with (key ${request.idempotencyKey}).`,
          "idempotency_error",
        );
      }
      return transferRecord(existing);
    }
    const [row] = await tx
      .insert(localStripeTransfers)
      .values({
        id: `tr_local_${randomBytes(12).toString("hex")}`,
        idempotencyKey: request.idempotencyKey,
        amountCents: request.amountCents,
        currency: request.currency,
        destination: request.destinationAccountId,
        transferGroup: request.transferGroup,
        metadata: { payout_id: request.payoutId },
        createdAt: now,
      })
      .returning();
    return transferRecord(row);
  });
}

/**
 * Reverses part or all of a local transfer (as an admin would in the Stripe dashboard) and delivers the signed
 * `transfer.reversed` event through the real webhook path. Reversals never exceed the transfer's amount.
 */
export async function reverseLocalTransfer(db: Db, transferId: string, amountCents?: number): Promise<{ transfer: TransferRecord; delivery: WebhookResponse }> {
  const [row] = await db
    .update(localStripeTransfers)
    .set({
      reversedCents:
        amountCents === undefined
          ? sql`${localStripeTransfers.amountCents}`
          : sql`least(${localStripeTransfers.amountCents}, ${localStripeTransfers.reversedCents} + ${amountCents})`,
    })
    .where(eq(localStripeTransfers.id, transferId))
    .returning();
  if (!row) throw new Error(`No such local transfer: ${transferId}`);
  const transfer = transferRecord(row);
  const delivery = await deliverLocalEvent("transfer.reversed", localTransferObject(transfer));
  return { transfer, delivery };
}

// ——— Connect ———

const CAPABILITY_STATES = ["active", "inactive", "pending"] as const;

/** The account state kept on the creator's profile (written by account.updated from the local onboarding page). */
async function localAccountState(db: Db, accountId: string): Promise<ConnectAccountState> {
  const [profile] = await db
    .select({
      detailsSubmitted: creatorProfiles.stripeDetailsSubmitted,
      payoutsEnabled: creatorProfiles.payoutsEnabled,
      transfersCapability: creatorProfiles.stripeTransfersCapability,
      requirementsDue: creatorProfiles.stripeRequirementsDue,
      disabledReason: creatorProfiles.stripeDisabledReason,
    })
    .from(creatorProfiles)
    .where(eq(creatorProfiles.stripeAccountId, accountId))
    .limit(1);
  if (!profile) throw new Error(`No such local account: ${accountId}`);
  return {
    accountId,
    detailsSubmitted: profile.detailsSubmitted,
    payoutsEnabled: profile.payoutsEnabled,
    transfersCapability: CAPABILITY_STATES.find((s) => s === profile.transfersCapability) ?? null,
    requirementsDue: profile.requirementsDue,
    disabledReason: profile.disabledReason,
  };
}

export function createLocalDriver(options: LocalDriverOptions = {}): PaymentsDriver {
  const clock = options.clock ?? (() => new Date());
  const database = options.db ?? getDb;
  return {
    name: "local",

    async createCheckoutSession() {
      const id = `cs_local_${randomBytes(12).toString("hex")}`;
      return { id, url: `/checkout/local/${id}` };
    },

    async retrieveCheckoutSession(sessionId: string): Promise<CheckoutSessionState | null> {
      const db = await database();
      const [order] = await db.select().from(orders).where(eq(orders.checkoutSessionId, sessionId)).limit(1);
      if (!order) return null;
      const wasPaid = order.status === "paid" || order.status === "refunded" || order.status === "disputed";
      return {
        id: sessionId,
        orderId: order.id,
        paymentStatus: wasPaid ? "paid" : "unpaid",
        status: order.status === "pending" ? "open" : order.status === "expired" || order.status === "failed" ? "expired" : "complete",
        paymentIntentId: wasPaid ? localPaymentIntentId(order.id) : null,
        amountTotal: order.priceCents,
        currency: order.currency,
        url: order.status === "pending" ? `/checkout/local/${sessionId}` : null,
      };
    },

    async refund({ idempotencyKey }) {
      return { id: stableLocalId("re", idempotencyKey) };
    },

    async orderIdForPaymentIntent() {
      // Local events always carry the order id in their metadata.
      return null;
    },

    async createConnectAccount({ creatorId }) {
      return { accountId: stableLocalId("acct", `acct:${creatorId}`) };
    },

    async createAccountLink({ accountId, returnUrl }) {
      // The local onboarding page stands in for Stripe's hosted onboarding, inside the app.
      return { url: `${new URL(returnUrl).origin}/dashboard/payouts/onboarding/local?account=${encodeURIComponent(accountId)}` };
    },

    async retrieveAccount(accountId: string) {
      return localAccountState(await database(), accountId);
    },

    async createTransfer(request: TransferRequest) {
      const fault = takeFault(request);
      if (fault === "ambiguous_before") throw new TransferError("ambiguous", "The request to the payments provider timed out (local fault).", null);
      if (fault === "definite") throw new TransferError("definite", "The destination account is not valid (local fault).", "account_invalid");
      if (fault === "insufficient_balance") {
        throw new TransferError("insufficient_balance", "You have insufficient available funds in your Stripe account (local fault).", "balance_insufficient");
      }
      const transfer = await createTransferOnce(await database(), request, clock());
      if (fault === "ambiguous_after") throw new TransferError("ambiguous", "The connection closed before the provider answered (local fault).", null);
      return transfer;
    },

    async findTransfer({ transferGroup, payoutId }) {
      const db = await database();
      // Newest first, like Stripe's list: the first match is what the Stripe driver would return.
      const [row] = await db
        .select()
        .from(localStripeTransfers)
        .where(and(eq(localStripeTransfers.transferGroup, transferGroup), sql`${localStripeTransfers.metadata}->>'payout_id' = ${payoutId}`))
        .orderBy(desc(localStripeTransfers.createdAt))
        .limit(1);
      return row ? transferRecord(row) : null;
    },
  };
}
