import { and, eq, lt, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ledgerEntries } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { creatorAccount } from "@/lib/ledger/journal";
import { makeCreator, makeListing, makeUser } from "@/lib/testing/fixtures";
import { payout, refund, sell } from "./testing/fixtures";
import { creatorStatement, creatorStatementPeriods, statementComputedClosing } from "./statements";

const at = (iso: string) => new Date(iso);

async function ledgerBalanceBefore(account: string, end: Date): Promise<number> {
  const { db } = testDatabase();
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountCents}), 0)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.account, account), lt(ledgerEntries.createdAt, end)));
  return Number(row.total);
}

describe("monthly statements", () => {
  let creator: Actor;
  let other: Actor;

  beforeAll(async () => {
    const { db } = testDatabase();
    creator = await makeCreator(db);
    other = await makeCreator(db);
    const prompts = await makeListing(db, creator, { priceCents: 1000, title: "Haiku prompts" });
    const presets = await makeListing(db, creator, { priceCents: 1000, title: "Film presets" });
    const elsewhere = await makeListing(db, other, { priceCents: 1000, title: "Someone else's listing" });

    // September: three sales, one refunded in part and one in full.
    await sell(db, prompts, 1000, at("2026-09-05T10:00:00Z")); // 800 / 200
    const big = await sell(db, presets, 2500, at("2026-09-10T10:00:00Z")); // 2000 / 500
    const small = await sell(db, prompts, 500, at("2026-09-12T10:00:00Z")); // 400 / 100
    await refund(db, big, 1000, at("2026-09-20T10:00:00Z")); // creator −800, fee −200
    await refund(db, small, 500, at("2026-09-25T10:00:00Z")); // creator −400, fee −100
    await sell(db, elsewhere, 9900, at("2026-09-15T10:00:00Z"));

    // October: September's 2000 is paid out and 500 of it reversed by Stripe; a new sale; the rest of the big refund.
    await payout(
      db,
      creator.id,
      { period: "2026-09", amountCents: 2000, reversedCents: 500, status: "reversed", stripeTransferId: "tr_local_sept" },
      at("2026-10-01T06:05:00Z"),
    );
    await sell(db, presets, 1500, at("2026-10-08T10:00:00Z")); // 1200 / 300
    await refund(db, big, 1500, at("2026-10-09T10:00:00Z")); // creator −1200, fee −300 (now fully refunded)
  });

  it("September: opening zero, gross/fee/net of three sales, a partial and a full refund, closing = ledger balance at month end", async () => {
    const { db } = testDatabase();
    const s = await creatorStatement(db, creator, { period: "2026-09" });
    expect(s.openingCents).toBe(0);
    expect(s.sales).toEqual({ count: 3, grossCents: 4000, feeCents: 800, netCents: 3200 });
    expect(s.refunds).toEqual({ count: 2, grossCents: 1500, feeReturnedCents: 300, creatorCents: 1200 });
    expect(s.payoutsCents).toBe(0);
    expect(s.reversalsCents).toBe(0);
    expect(s.closingCents).toBe(2000);
    expect(statementComputedClosing(s)).toBe(s.closingCents);
    expect(s.closingCents).toBe(await ledgerBalanceBefore(creatorAccount(creator.id), at("2026-10-01T00:00:00Z")));
    expect(s.listings).toEqual([
      {
        listingId: expect.any(String),
        title: "Film presets",
        sales: 1,
        grossCents: 2500,
        feeCents: 500,
        netCents: 2000,
        refunds: 1,
        refundedCents: 800,
        refundedFeeCents: 200,
      },
      {
        listingId: expect.any(String),
        title: "Haiku prompts",
        sales: 2,
        grossCents: 1500,
        feeCents: 300,
        netCents: 1200,
        refunds: 1,
        refundedCents: 400,
        refundedFeeCents: 100,
      },
    ]);
  });

  it("October: opens at September's close, shows the payout with its transfer and the reversal, and closes at today's balance", async () => {
    const { db } = testDatabase();
    const september = await creatorStatement(db, creator, { period: "2026-09" });
    const s = await creatorStatement(db, creator, { period: "2026-10" });
    expect(s.openingCents).toBe(september.closingCents);
    expect(s.sales).toEqual({ count: 1, grossCents: 1500, feeCents: 300, netCents: 1200 });
    expect(s.refunds).toEqual({ count: 1, grossCents: 1500, feeReturnedCents: 300, creatorCents: 1200 });
    expect(s.payoutsCents).toBe(2000);
    expect(s.reversalsCents).toBe(500);
    // 2000 + 1200 − 1200 − 2000 + 500
    expect(s.closingCents).toBe(500);
    expect(statementComputedClosing(s)).toBe(s.closingCents);
    expect(s.closingCents).toBe(await ledgerBalanceBefore(creatorAccount(creator.id), at("2026-11-01T00:00:00Z")));
    expect(s.payouts.map((p) => [p.kind, p.amountCents, p.payoutPeriod, p.transferId])).toEqual([
      ["payout", 2000, "2026-09", "tr_local_sept"],
      ["payout_reversal", 500, "2026-09", "tr_local_sept"],
    ]);
  });

  it("a month without activity carries the balance through unchanged", async () => {
    const { db } = testDatabase();
    const s = await creatorStatement(db, creator, { period: "2026-12" });
    expect(s).toMatchObject({ openingCents: 500, closingCents: 500, sales: { count: 0, grossCents: 0 }, payoutsCents: 0, listings: [], payouts: [] });
  });

  it("never shows another creator's sales", async () => {
    const { db } = testDatabase();
    const mine = await creatorStatement(db, creator, { period: "2026-09" });
    expect(mine.listings.map((l) => l.title)).not.toContain("Someone else's listing");
    const theirs = await creatorStatement(db, other, { period: "2026-09" });
    expect(theirs.sales).toEqual({ count: 1, grossCents: 9900, feeCents: 1980, netCents: 7920 });
    expect(theirs.closingCents).toBe(7920);
  });

  it("lists the months a creator's account moved in, newest first", async () => {
    const { db } = testDatabase();
    expect(await creatorStatementPeriods(db, creator)).toEqual(["2026-10", "2026-09"]);
    expect(await creatorStatementPeriods(db, other)).toEqual(["2026-09"]);
  });

  it("refuses a malformed month, an anonymous visitor and an account that is not a creator", async () => {
    const { db } = testDatabase();
    await expect(creatorStatement(db, creator, { period: "2026-13" })).rejects.toMatchObject({ code: "settlement.bad_period" });
    await expect(creatorStatement(db, null, { period: "2026-09" })).rejects.toMatchObject({ code: "auth.unauthenticated" });
    const buyer = await makeUser(db);
    await expect(creatorStatement(db, buyer, { period: "2026-09" })).rejects.toMatchObject({ code: "auth.not_creator" });
    await expect(creatorStatementPeriods(db, buyer)).rejects.toMatchObject({ code: "auth.not_creator" });
  });
});
