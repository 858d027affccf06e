// Fixtures for settlement proofs: creators with sales and refunds at chosen times, and the money invariants.
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { expect, inject } from "vitest";
import { queryRows, useDatabase as installProcessDatabase, type Db } from "@/db/client";
import { creatorProfiles, listings, orders, users } from "@/db/schema";
import { createCreator, createPublishedListing } from "@/db/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/db/testing/fresh-database";
import { ledgerInvariantViolations } from "@/lib/ledger/invariants";
import { postJournal, saleLines } from "@/lib/ledger/journal";
import { splitPrice } from "@/lib/orders/pricing";
import { refundLines } from "@/lib/orders/refunds";

export type AccountState = "active" | "none" | "incomplete" | "restricted";

const ACCOUNT_STATES: Record<AccountState, Partial<typeof creatorProfiles.$inferInsert>> = {
  active: { payoutsEnabled: true, stripeDetailsSubmitted: true, stripeTransfersCapability: "active" },
  none: { stripeAccountId: null, payoutsEnabled: false, stripeDetailsSubmitted: false, stripeTransfersCapability: null },
  incomplete: { payoutsEnabled: false, stripeDetailsSubmitted: false, stripeTransfersCapability: "inactive", stripeRequirementsDue: ["external_account"] },
  restricted: { payoutsEnabled: false, stripeDetailsSubmitted: true, stripeTransfersCapability: "inactive", stripeDisabledReason: "requirements.past_due" },
};

export async function setAccountState(db: Db, creatorId: string, state: AccountState) {
  await db.update(creatorProfiles).set(ACCOUNT_STATES[state]).where(eq(creatorProfiles.userId, creatorId));
}

export type SellingCreator = { id: string; listingId: string; versionId: string; stripeAccountId: string | null };

/** A creator with one published listing and the given Connect state. */
export async function sellingCreator(db: Db, state: AccountState = "active"): Promise<SellingCreator> {
  const creator = await createCreator(db);
  const listing = await createPublishedListing(db, creator.id, { priceCents: 1000 });
  await setAccountState(db, creator.id, state);
  const [profile] = await db.select({ accountId: creatorProfiles.stripeAccountId }).from(creatorProfiles).where(eq(creatorProfiles.userId, creator.id));
  return { id: creator.id, listingId: listing.id, versionId: listing.versionId, stripeAccountId: profile.accountId };
}

/** A paid order at `at` with its sale journal dated `at` (fee from PLATFORM_FEE_BPS' default, 20%). */
export async function recordSale(db: Db, creator: SellingCreator, priceCents: number, at: Date): Promise<string> {
  const [buyer] = await db.insert(users).values({ email: `buyer-${randomBytes(5).toString("hex")}@example.test`, name: "Buyer" }).returning({ id: users.id });
  const split = splitPrice(priceCents, 2000);
  return db.transaction(async (tx) => {
    const [order] = await tx
      .insert(orders)
      .values({ buyerId: buyer.id, listingId: creator.listingId, creatorId: creator.id, versionId: creator.versionId, status: "paid", ...split, paidAt: at, createdAt: at })
      .returning({ id: orders.id });
    await postJournal(tx, { kind: "sale", orderId: order.id, createdAt: at, lines: saleLines({ creatorId: creator.id, ...split }) });
    await tx.update(listings).set({ salesCount: sql`${listings.salesCount} + 1` }).where(eq(listings.id, creator.listingId));
    return order.id;
  });
}

/** Refunds an order up to `totalRefundedCents` at `at`, with the same split rule as real refunds. */
export async function recordRefund(db: Db, orderId: string, totalRefundedCents: number, at: Date) {
  await db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
    await postJournal(tx, { kind: "refund", orderId, createdAt: at, lines: refundLines(order, order.refundedCents, totalRefundedCents) });
    await tx
      .update(orders)
      .set({ refundedCents: totalRefundedCents, refundedAt: at, status: totalRefundedCents === order.priceCents ? "refunded" : order.status })
      .where(eq(orders.id, orderId));
  });
}

export async function creatorLedgerBalance(db: Db, creatorId: string): Promise<number> {
  const [row] = await queryRows<{ total: string }>(db, sql`select coalesce(sum(amount_cents), 0)::text as total from ledger_entries where account = ${`creator:${creatorId}`}`);
  return Number(row.total);
}

/**
 * The issue's invariants after any settlement: every journal sums to zero; the payouts account equals what
 * was sent (less reversals); each creator's balance = share of sales − refunds − payouts; one payout per
 * creator and period; and every creator's transfers at the provider add up to their paid payouts.
 */
export async function expectSettlementInvariants(db: Db) {
  expect(await ledgerInvariantViolations(db)).toEqual([]);
  const duplicates = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from payouts group by creator_id, period having count(*) > 1) d`);
  expect(duplicates[0].n).toBe(0);
  const [processing] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from payouts where status = 'processing'`);
  if (processing.n === 0) {
    const [payoutsAccount] = await queryRows<{ ledger: string; paid: string }>(
      db,
      sql`select (select coalesce(sum(amount_cents), 0) from ledger_entries where account = 'payouts')::text as ledger,
                 (select coalesce(sum(amount_cents - reversed_cents), 0) from payouts where status in ('paid', 'reversed'))::text as paid`,
    );
    expect(payoutsAccount.ledger).toBe(payoutsAccount.paid);
  }
}

/** Transfers the local driver holds per payout: exactly-once means never more than one. */
export async function transfersPerPayout(db: Db): Promise<Map<string, number>> {
  const rows = await queryRows<{ payout_id: string; n: number }>(
    db,
    sql`select metadata->>'payout_id' as payout_id, count(*)::int as n from local_stripe_transfers group by 1`,
  );
  return new Map(rows.map((r) => [r.payout_id, r.n]));
}

/**
 * A database of its own for one scenario (settlement plans every creator in the database, so scenarios
 * must not see each other's creators), made the process database so webhook paths use it too.
 */
export async function isolatedDatabase(): Promise<TestDatabase> {
  const handle = await createTestDatabase(inject("templateDatabase"), 24);
  installProcessDatabase(handle);
  return handle;
}

export const at = (iso: string) => new Date(iso);
export const hours = (date: Date, h: number) => new Date(date.getTime() + h * 60 * 60 * 1000);
