// Test fixtures for settlement reads: orders with their sale journals, refunds and payouts dated where a test needs them.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ledgerEntries, listings, listingVersions, orders, payouts, type Order, type Payout } from "@/db/schema";
import { creatorAccount, saleLines, type JournalKind, type JournalLine } from "@/lib/ledger/journal";
import { splitPrice } from "@/lib/orders/pricing";
import { refundLines } from "@/lib/orders/refunds";
import { makeUser } from "@/lib/listings/testing/studio-fixtures";

/** Appends a balanced journal dated `at` (postJournal always dates now; statements need the past). */
export async function journalAt(db: Db, kind: JournalKind, lines: JournalLine[], at: Date, refs: { orderId?: string; payoutId?: string } = {}) {
  const journalId = randomUUID();
  await db.insert(ledgerEntries).values(
    lines.map((line) => ({ journalId, ...line, kind, orderId: refs.orderId ?? null, payoutId: refs.payoutId ?? null, createdAt: at })),
  );
  return journalId;
}

export async function makeListing(db: Db, creatorId: string, title = `Listing ${randomUUID().slice(0, 6)}`) {
  const [listing] = await db
    .insert(listings)
    .values({ creatorId, slug: `ledger-${randomUUID().slice(0, 8)}`, kind: "prompt", title, category: "writing", status: "published", priceCents: 1000 })
    .returning();
  const [version] = await db.insert(listingVersions).values({ listingId: listing.id, number: 1, content: {}, reviewStatus: "approved" }).returning();
  return { ...listing, versionId: version.id };
}

/** A paid order of `priceCents` at a 20% fee and its sale journal, both dated `at`. */
export async function sell(db: Db, listing: { id: string; creatorId: string; versionId: string }, priceCents: number, at: Date) {
  const buyer = await makeUser(db);
  const split = splitPrice(priceCents, 2000);
  const [order] = await db
    .insert(orders)
    .values({ buyerId: buyer.id, listingId: listing.id, creatorId: listing.creatorId, versionId: listing.versionId, status: "paid", paidAt: at, createdAt: at, ...split })
    .returning();
  await journalAt(db, "sale", saleLines({ creatorId: listing.creatorId, ...split }), at, { orderId: order.id });
  return order;
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
  const [row] = await db.insert(payouts).values({ creatorId, status: "paid", ...values }).returning();
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
