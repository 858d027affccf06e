// The schema's guarantees: uniques that carry correctness, money and rating checks, the ledger guards.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { creatorProfiles, ledgerEntries, listings, listingVersions, orders, payouts, reviews, stripeEvents, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";

let db: Db;
let creatorId: string;
let buyerId: string;
let listingId: string;
let versionId: string;

async function rejects(promise: Promise<unknown>, pattern: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the database should refuse this").not.toBeNull();
  const text = [error, (error as { cause?: unknown }).cause].map((e) => (e instanceof Error ? e.message : String(e))).join(" | ");
  expect(text).toMatch(pattern);
}

async function newOrder(values: Partial<typeof orders.$inferInsert> = {}) {
  const [row] = await db
    .insert(orders)
    .values({ buyerId, listingId, creatorId, versionId, priceCents: 1000, feeCents: 200, creatorShareCents: 800, ...values })
    .returning();
  return row;
}

beforeAll(async () => {
  db = testDatabase().db;
  const [creator, buyer] = await db
    .insert(users)
    .values([
      { email: "maker@example.test", name: "Maker" },
      { email: "buyer@example.test", name: "Buyer" },
    ])
    .returning();
  creatorId = creator.id;
  buyerId = buyer.id;
  await db.insert(creatorProfiles).values({ userId: creatorId, handle: "maker", displayName: "Maker" });
  const [listing] = await db
    .insert(listings)
    .values({ creatorId, slug: "a-listing", kind: "prompt", title: "A listing", category: "writing", priceCents: 1000 })
    .returning();
  listingId = listing.id;
  const [version] = await db
    .insert(listingVersions)
    .values({ listingId, number: 1, content: { kind: "prompt" } })
    .returning();
  versionId = version.id;
});

describe("schema", () => {
  it("creates every table the design names", async () => {
    const rows = await queryRows<{ table_name: string }>(db, sql`select table_name from information_schema.tables where table_schema = 'public'`);
    const names = rows.map((r) => r.table_name);
    for (const table of [
      "users",
      "creator_profiles",
      "listings",
      "listing_versions",
      "images",
      "files",
      "orders",
      "ledger_entries",
      "payouts",
      "settlement_runs",
      "reviews",
      "reports",
      "audit_log",
      "stripe_events",
      "notifications",
      "api_keys",
      "test_attempts",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("refuses a second account with the same email in another letter case", async () => {
    await rejects(db.insert(users).values({ email: "MAKER@Example.test", name: "Copy" }), /users_email_lower_key|duplicate/);
  });

  it("refuses a creator handle that differs only by case", async () => {
    const [other] = await db.insert(users).values({ email: "other@example.test", name: "Other" }).returning();
    await rejects(db.insert(creatorProfiles).values({ userId: other.id, handle: "MAKER".toLowerCase(), displayName: "x" }), /handle_lower_key|duplicate/);
  });

  it("refuses a duplicate listing slug and a duplicate version number", async () => {
    await rejects(
      db.insert(listings).values({ creatorId, slug: "a-listing", kind: "preset", title: "Another", category: "writing" }),
      /listings_slug_key|duplicate/,
    );
    await rejects(db.insert(listingVersions).values({ listingId, number: 1, content: {} }), /listing_versions_listing_number_key|duplicate/);
  });

  it("refuses negative prices and prices above 1,000.00", async () => {
    await rejects(
      db.insert(listings).values({ creatorId, slug: "negative", kind: "prompt", title: "Negative", category: "writing", priceCents: -1 }),
      /listings_price_range|check/,
    );
    await rejects(
      db.insert(listings).values({ creatorId, slug: "too-dear", kind: "prompt", title: "Too dear", category: "writing", priceCents: 100001 }),
      /listings_price_range|check/,
    );
  });

  it("refuses an order whose fee and creator share don't add up to the price", async () => {
    await rejects(newOrder({ priceCents: 1000, feeCents: 100, creatorShareCents: 800 }), /orders_money|check/);
  });

  it("allows one checkout session id once", async () => {
    await newOrder({ checkoutSessionId: "cs_test_once" });
    await rejects(newOrder({ checkoutSessionId: "cs_test_once" }), /orders_checkout_session_key|duplicate/);
  });

  it("allows many pending orders but only one paid-or-disputed order per buyer and listing", async () => {
    await newOrder();
    await newOrder();
    await newOrder({ status: "paid" });
    await rejects(newOrder({ status: "paid" }), /orders_one_entitlement_key|duplicate/);
    await rejects(newOrder({ status: "disputed" }), /orders_one_entitlement_key|duplicate/);
    await newOrder({ status: "refunded" });
  });

  it("allows one review per order, rated 1 to 5", async () => {
    const order = await newOrder({ status: "refunded" });
    await rejects(db.insert(reviews).values({ orderId: order.id, listingId, authorId: buyerId, rating: 6 }), /reviews_rating_range|check/);
    await rejects(db.insert(reviews).values({ orderId: order.id, listingId, authorId: buyerId, rating: 0 }), /reviews_rating_range|check/);
    await db.insert(reviews).values({ orderId: order.id, listingId, authorId: buyerId, rating: 5 });
    await rejects(db.insert(reviews).values({ orderId: order.id, listingId, authorId: buyerId, rating: 4 }), /reviews_order_key|duplicate/);
  });

  it("keeps the rating average in step with the rating sum and count", async () => {
    await db.update(listings).set({ ratingSum: 14, ratingCount: 3 }).where(eq(listings.id, listingId));
    const [row] = await db.select({ avg: listings.ratingAvg }).from(listings).where(eq(listings.id, listingId));
    expect(Number(row.avg)).toBeCloseTo(4.67, 2);
  });

  it("allows one payout per creator and period", async () => {
    await db.insert(payouts).values({ creatorId, period: "2026-10", amountCents: 5000 });
    await rejects(db.insert(payouts).values({ creatorId, period: "2026-10", amountCents: 100 }), /payouts_creator_period_key|duplicate/);
    await rejects(db.insert(payouts).values({ creatorId, period: "2026-13", amountCents: 100 }), /payouts_period_shape|check/);
  });

  it("keys stripe events by their id so a redelivery cannot be stored twice", async () => {
    await db.insert(stripeEvents).values({ id: "evt_1", type: "checkout.session.completed", payload: {} });
    await rejects(db.insert(stripeEvents).values({ id: "evt_1", type: "checkout.session.completed", payload: {} }), /stripe_events_pkey|duplicate/);
  });

  it("ranks a title match above a description match in the search vector", async () => {
    await db.insert(listings).values([
      { creatorId, slug: "title-hit", kind: "prompt", title: "Cinematic portrait", category: "photography", description: "other words" },
      { creatorId, slug: "body-hit", kind: "prompt", title: "Something else", category: "photography", description: "a cinematic portrait" },
    ]);
    const rows = await queryRows<{ slug: string }>(
      db,
      sql`select slug from listings where search @@ plainto_tsquery('english', 'cinematic portrait') order by ts_rank(search, plainto_tsquery('english', 'cinematic portrait')) desc`,
    );
    expect(rows.map((r) => r.slug)).toEqual(["title-hit", "body-hit"]);
  });
});

describe("ledger guards", () => {
  it("refuses a journal that does not sum to zero when the transaction commits", async () => {
    const journalId = randomUUID();
    await rejects(
      db.transaction(async (tx) => {
        await tx.insert(ledgerEntries).values([
          { journalId, account: "buyers", amountCents: -1000, kind: "sale" },
          { journalId, account: `creator:${creatorId}`, amountCents: 900, kind: "sale" },
        ]);
      }),
      /does not balance/,
    );
    const rows = await db.select().from(ledgerEntries).where(eq(ledgerEntries.journalId, journalId));
    expect(rows).toHaveLength(0);
  });

  it("accepts a balanced journal and then refuses to change or delete it", async () => {
    const journalId = randomUUID();
    await db.insert(ledgerEntries).values([
      { journalId, account: "buyers", amountCents: -1000, kind: "sale" },
      { journalId, account: `creator:${creatorId}`, amountCents: 800, kind: "sale" },
      { journalId, account: "platform", amountCents: 200, kind: "sale" },
    ]);
    await rejects(db.update(ledgerEntries).set({ amountCents: 1 }).where(eq(ledgerEntries.journalId, journalId)), /append-only/);
    await rejects(db.delete(ledgerEntries).where(eq(ledgerEntries.journalId, journalId)), /append-only/);
  });

  it("refuses an account name outside the chart of accounts", async () => {
    const journalId = randomUUID();
    await rejects(
      db.insert(ledgerEntries).values([
        { journalId, account: "somewhere", amountCents: -5, kind: "adjustment" },
        { journalId, account: "platform", amountCents: 5, kind: "adjustment" },
      ]),
      /ledger_entries_account_shape|check/,
    );
  });
});
