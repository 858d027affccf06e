import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ledgerEntries, listingDailyStats, listings, listingVersions, orders } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { creatorAccount, postJournal, saleLines } from "@/lib/ledger/journal";
import { makeCreator, makeUser } from "@/lib/testing/fixtures";
import { creatorStats } from "./creator-stats";

describe("creator dashboard numbers", () => {
  it("adds up this month, lifetime, payable balance, the 30-day series and per-listing conversion", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const other = await makeCreator(db);
    const now = new Date("2026-03-20T12:00:00Z");
    const [listing] = await db
      .insert(listings)
      .values({
        creatorId: creator.id,
        slug: `stats-${randomUUID().slice(0, 8)}`,
        kind: "prompt",
        title: "Stats listing",
        category: "writing",
        status: "published",
        priceCents: 1000,
        salesCount: 3,
        publishedAt: now,
      })
      .returning();
    const [version] = await db.insert(listingVersions).values({ listingId: listing.id, number: 1, content: {}, reviewStatus: "approved" }).returning();
    const sell = async (paidAt: Date) => {
      const buyer = await makeUser(db);
      const split = { priceCents: 1000, feeCents: 200, creatorShareCents: 800 };
      const [order] = await db
        .insert(orders)
        .values({ buyerId: buyer.id, listingId: listing.id, creatorId: creator.id, versionId: version.id, status: "paid", paidAt, ...split })
        .returning();
      // The sale's journal, dated when the sale happened (the ledger is append-only, so dated at insert).
      const journalId = randomUUID();
      await db
        .insert(ledgerEntries)
        .values(saleLines({ creatorId: creator.id, ...split }).map((line) => ({ journalId, ...line, kind: "sale", orderId: order.id, createdAt: paidAt })));
      return order;
    };
    await sell(new Date("2026-03-19T10:00:00Z"));
    await sell(new Date("2026-03-02T10:00:00Z"));
    await sell(new Date("2026-02-10T10:00:00Z"));
    await postJournal(db, {
      kind: "payout",
      lines: [
        { account: creatorAccount(creator.id), amountCents: -800 },
        { account: "payouts", amountCents: 800 },
      ],
    });
    await db.insert(listingDailyStats).values([
      { listingId: listing.id, day: "2026-03-19", views: 30 },
      { listingId: listing.id, day: "2026-03-01", views: 20 },
      { listingId: listing.id, day: "2026-01-01", views: 999 },
    ]);

    const stats = await creatorStats(db, creator, now);
    expect(stats.month).toEqual({ label: "March 2026", sales: 2, earningsCents: 1600 });
    expect(stats.lifetime).toEqual({ sales: 3, earningsCents: 2400, paidOutCents: 800 });
    expect(stats.payableCents).toBe(1600);
    expect(stats.daily).toHaveLength(30);
    expect(stats.daily.at(-1)?.day).toBe("2026-03-20");
    expect(stats.daily.find((d) => d.day === "2026-03-19")).toEqual({ day: "2026-03-19", sales: 1, earningsCents: 800 });
    expect(stats.daily.reduce((s, d) => s + d.sales, 0)).toBe(2);
    expect(stats.recentSales.map((s) => s.paidAt)).toEqual(["2026-03-19T10:00:00Z", "2026-03-02T10:00:00Z", "2026-02-10T10:00:00Z"]);
    expect(stats.listings).toEqual([
      expect.objectContaining({ id: listing.id, views30: 50, sales30: 2, salesTotal: 3, earnings30Cents: 1600, conversion30: 0.04 }),
    ]);

    const empty = await creatorStats(db, other, now);
    expect(empty).toMatchObject({ payableCents: 0, month: { sales: 0, earningsCents: 0 }, recentSales: [], listings: [] });
  });
});
