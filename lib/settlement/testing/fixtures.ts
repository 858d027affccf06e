// Settlement fixtures: creators selling at chosen times, refunds, payouts and journals dated in the past, the money
// invariants every scenario ends with, and a database of its own per scenario. People and listings come from
// lib/testing/fixtures.ts.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { expect, inject } from "vitest";
import { queryRows, useDatabase as installProcessDatabase, type Db } from "@/db/client";
import { creatorProfiles, ledgerEntries, listings, orders, payouts, type Order, type Payout } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/fresh-database";
import { ledgerInvariantViolations } from "@/lib/ledger/invariants";
import { creatorAccount, postJournal, saleLines, type JournalKind, type JournalLine } from "@/lib/ledger/journal";
import { refundLines } from "@/lib/orders/refunds";
import { makeCreator, makeListing, makeUser, orderValues, type PayoutAccount } from "@/lib/testing/fixtures";

export type SellingCreator = { id: string; listingId: string; versionId: string; stripeAccountId: string | null };

/** A creator with one published listing (1000) and the given Connect state. */
export async function sellingCreator(db: Db, account: PayoutAccount = "active"): Promise<SellingCreator> {
  const creator = await makeCreator(db, { payoutAccount: account });
  const listing = await makeListing(db, creator, { priceCents: 1000 });
  const [profile] = await db.select({ accountId: creatorProfiles.stripeAccountId }).from(creatorProfiles).where(eq(creatorProfiles.userId, creator.id));
  return { id: creator.id, listingId: listing.id, versionId: listing.versionId, stripeAccountId: profile.accountId };
}

/** A paid order at `at` with its sale journal dated `at` (fee from PLATFORM_FEE_BPS' default, 20%); answers its id. */
export async function recordSale(db: Db, creator: SellingCreator, priceCents: number, at: Date): Promise<string> {
  const order = await sell(db, { id: creator.listingId, creatorId: creator.id, versionId: creator.versionId }, priceCents, at);
  return order.id;
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
  const [row] = await queryRows<{ total: string }>(
    db,
    sql`select coalesce(sum(amount_cents), 0)::text as total from ledger_entries where account = ${`creator:${creatorId}`}`,
  );
  return Number(row.total);
}

/**
 * The issue's invariants after any settlement: every journal sums to zero; the payouts account equals what
 * was sent (less reversals); each creator's balance = share of sales − refunds − payouts; one payout per
 * creator and period; and every creator's transfers at the provider add up to their paid payouts.
 */
export async function expectSettlementInvariants(db: Db) {
  expect(await ledgerInvariantViolations(db)).toEqual([]);
  const duplicates = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from payouts group by creator_id, period having count(*) > 1) d`,
  );
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

// Statements and payout history read the past: rows and journals dated where a test needs them.

/** Appends a balanced journal dated `at` (postJournal always dates now; statements need the past). */
export async function journalAt(db: Db, kind: JournalKind, lines: JournalLine[], at: Date, refs: { orderId?: string; payoutId?: string } = {}) {
  const journalId = randomUUID();
  await db
    .insert(ledgerEntries)
    .values(lines.map((line) => ({ journalId, ...line, kind, orderId: refs.orderId ?? null, payoutId: refs.payoutId ?? null, createdAt: at })));
  return journalId;
}

/** A paid order of `priceCents` at a 20% fee by a new buyer, its sale journal and the listing's sales count, all dated `at`. */
export async function sell(db: Db, listing: { id: string; creatorId: string; versionId: string }, priceCents: number, at: Date): Promise<Order> {
  const buyer = await makeUser(db, { name: "Buyer" });
  const values = orderValues(buyer.id, listing, priceCents);
  return db.transaction(async (tx) => {
    const [order] = await tx
      .insert(orders)
      .values({ ...values, status: "paid", paidAt: at, createdAt: at })
      .returning();
    await postJournal(tx, { kind: "sale", orderId: order.id, createdAt: at, lines: saleLines(values) });
    await tx
      .update(listings)
      .set({ salesCount: sql`${listings.salesCount} + 1` })
      .where(eq(listings.id, listing.id));
    return order;
  });
}

/** Refunds `amountCents` more of an order, with the lines lib/orders/refunds books (fee given back in proportion). */
export async function refund(db: Db, order: Order, amountCents: number, at: Date): Promise<Order> {
  const [current] = await db.select().from(orders).where(eq(orders.id, order.id));
  const to = current.refundedCents + amountCents;
  await journalAt(db, "refund", refundLines(current, current.refundedCents, to), at, { orderId: order.id });
  const [updated] = await db
    .update(orders)
    .set({ refundedCents: to, status: to >= current.priceCents ? "refunded" : current.status, refundedAt: at })
    .where(eq(orders.id, order.id))
    .returning();
  return updated;
}

/** A payout row (as the engine leaves it) and, for money that moved, its payout journal dated `at`. */
export async function payout(
  db: Db,
  creatorId: string,
  values: Partial<typeof payouts.$inferInsert> & { period: string; amountCents: number },
  at = new Date(),
): Promise<Payout> {
  const [row] = await db
    .insert(payouts)
    .values({ creatorId, status: "paid", ...values })
    .returning();
  if (["processing", "paid", "reversed", "failed"].includes(row.status) && row.amountCents > 0) {
    const lines: JournalLine[] = [
      { account: creatorAccount(creatorId), amountCents: -row.amountCents },
      { account: "payouts", amountCents: row.amountCents },
    ];
    await journalAt(db, "payout", lines, at, { payoutId: row.id });
    // A failed payout's journal is reversed in full; a reversed transfer gives back reversed_cents.
    const back = row.status === "failed" ? row.amountCents : Number(row.reversedCents);
    if (back > 0) {
      await journalAt(
        db,
        "payout_reversal",
        [
          { account: creatorAccount(creatorId), amountCents: back },
          { account: "payouts", amountCents: -back },
        ],
        new Date(at.getTime() + 60_000),
        { payoutId: row.id },
      );
    }
  }
  return row;
}
