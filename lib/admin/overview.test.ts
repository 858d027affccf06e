import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { listingVersions, orders, reports } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { ledgerInvariantViolations } from "@/lib/ledger/invariants";
import { saleLinesSql } from "@/lib/ledger/journal";
import { SOLD } from "@/lib/sales-stats/creator-stats";
import { at, payout, refund, sell } from "@/lib/settlement/testing/fixtures";
import { makeCreator, makeListing, makeUser } from "@/lib/testing/fixtures";
import { platformOverview, type MonthFigures, type PlatformOverview } from "./overview";

// A fixed "now": every row below is dated relative to it, so the months and the 30-day window never drift.
const NOW = at("2026-06-20T12:00:00Z");
const WINDOW_START = "2025-06-01T00:00:00Z";

let db: Db;
let overview: PlatformOverview;
let creatorA: { id: string };
let creatorB: { id: string };
let listingA: { id: string };
let listingB: { id: string };

const month = (period: string) => overview.months.find((m) => m.period === period)!;
const zeroMonth = (period: string): Partial<MonthFigures> => ({
  period,
  grossCents: 0,
  feesCents: 0,
  refundsCents: 0,
  feesReturnedCents: 0,
  payoutsCents: 0,
  netCents: 0,
  orders: 0,
  disputes: 0,
  disputedCents: 0,
});

/**
 * Two creators over a year: sales in five months, a full refund, two partial refunds, a dispute still open, a
 * dispute lost (booked like a refund), a paid payout, a reversed one, a failed one and a held one, plus a sale
 * older than the 13 months shown.
 */
async function seedBooks() {
  const a = await makeCreator(db, { payoutAccount: "active" });
  const b = await makeCreator(db, { payoutAccount: "active" });
  creatorA = a;
  creatorB = b;
  const la = await makeListing(db, a, { priceCents: 1000, title: "Alpha prompt" });
  const lb = await makeListing(db, b, { priceCents: 2500, title: "Beta preset" });
  listingA = la;
  listingB = lb;
  const A = { id: la.id, creatorId: a.id, versionId: la.versionId };
  const B = { id: lb.id, creatorId: b.id, versionId: lb.versionId };

  await sell(db, A, 1000, at("2025-05-10T10:00:00Z")); // before the window

  // January: A sells; B sells and refunds it in full.
  await sell(db, A, 1000, at("2026-01-10T10:00:00Z"));
  const o2 = await sell(db, B, 2500, at("2026-01-11T10:00:00Z"));
  await refund(db, o2, 2500, at("2026-01-12T10:00:00Z"));

  // May: A sells three times, one partly refunded; A's payout for January is paid and a payout for April fails.
  const o3 = await sell(db, A, 1000, at("2026-05-05T10:00:00Z"));
  await sell(db, A, 1000, at("2026-05-06T10:00:00Z"));
  await refund(db, o3, 300, at("2026-05-07T10:00:00Z"));
  await sell(db, A, 1000, at("2026-05-25T10:00:00Z")); // inside the 30-day window
  await payout(db, a.id, { period: "2026-01", amountCents: 800, status: "paid" }, at("2026-05-02T06:00:00Z"));
  await payout(db, a.id, { period: "2026-04", amountCents: 500, status: "failed", failureReason: "account closed" }, at("2026-05-03T06:00:00Z"));
  await payout(db, b.id, { period: "2026-05", amountCents: 0, status: "held", holdReason: "below_minimum" }, at("2026-06-01T06:00:00Z"));

  // June: B's sale is disputed and still open; A's sale is refunded in part, then its dispute is lost (the rest goes back).
  const o5 = await sell(db, B, 2500, at("2026-06-10T09:00:00Z"));
  await db.update(orders).set({ status: "disputed" }).where(eq(orders.id, o5.id));
  const o6 = await sell(db, A, 1000, at("2026-06-10T11:00:00Z"));
  const partly = await refund(db, o6, 250, at("2026-06-11T10:00:00Z"));
  await db.update(orders).set({ status: "disputed" }).where(eq(orders.id, o6.id));
  await refund(db, { ...partly, status: "disputed" }, 750, at("2026-06-15T10:00:00Z"));
  // B is paid 2000 for April, and 500 of that transfer is reversed.
  await payout(db, b.id, { period: "2026-04", amountCents: 2000, status: "reversed", reversedCents: 500 }, at("2026-06-02T06:00:00Z"));

  // Queues: a version waiting for approval since June 1st and an open report.
  const waiting = await makeListing(db, b, { status: "pending_review", versions: [{ status: "pending_review" }] });
  await db
    .update(listingVersions)
    .set({ submittedAt: at("2026-06-01T08:00:00Z") })
    .where(eq(listingVersions.listingId, waiting.id));
  const reporter = await makeUser(db);
  await db.insert(reports).values({ reporterId: reporter.id, targetType: "listing", listingId: la.id, reason: "spam", createdAt: at("2026-06-18T08:00:00Z") });
}

beforeAll(async () => {
  db = testDatabase().db;
  await seedBooks();
  overview = await platformOverview(db, await makeUser(db, { role: "admin" }), NOW);
});

describe("admin overview", () => {
  it("shows the current month and the 12 before it, oldest first", () => {
    expect(overview.months.map((m) => m.period)).toEqual([
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
    ]);
    expect(overview.currentMonth.period).toBe("2026-06");
    expect(overview.currentMonth.label).toBe("June 2026");
    expect(month("2025-06")).toMatchObject(zeroMonth("2025-06"));
  });

  it("books each month's sales, fees, refunds, disputes, payouts and net to the cent", () => {
    expect(month("2026-01")).toMatchObject({
      grossCents: 3500,
      feesCents: 700,
      refundsCents: 2500,
      feesReturnedCents: 500,
      payoutsCents: 0,
      netCents: 200,
      orders: 2,
      disputes: 0,
    });
    expect(month("2026-05")).toMatchObject({
      grossCents: 3000,
      feesCents: 600,
      refundsCents: 300,
      feesReturnedCents: 60,
      // The paid payout; the failed one went out and came back in the same month.
      payoutsCents: 800,
      netCents: 540,
      orders: 3,
      disputes: 0,
    });
    expect(month("2026-06")).toMatchObject({
      grossCents: 3500,
      feesCents: 700,
      // 250 refunded, then the lost dispute gave back the remaining 750; fees returned 50 + 150.
      refundsCents: 1000,
      feesReturnedCents: 200,
      payoutsCents: 1500,
      netCents: 500,
      orders: 2,
      disputes: 1,
      disputedCents: 2500,
    });
  });

  it("reconciles with the ledger: totals over the months equal the accounts' movements since the window opened", async () => {
    const [ledger] = await queryRows<{ buyers: string; platform: string; payouts: string; creators: string }>(
      db,
      sql`select coalesce(sum(amount_cents) filter (where account = 'buyers'), 0)::text as buyers,
                 coalesce(sum(amount_cents) filter (where account = 'platform'), 0)::text as platform,
                 coalesce(sum(amount_cents) filter (where account = 'payouts'), 0)::text as payouts,
                 coalesce(sum(amount_cents) filter (where account like 'creator:%'), 0)::text as creators
            from ledger_entries where created_at >= ${WINDOW_START}::timestamptz`,
    );
    const total = (key: keyof MonthFigures) => overview.months.reduce((sum, m) => sum + Number(m[key]), 0);
    expect(total("grossCents") - total("refundsCents")).toBe(-Number(ledger.buyers));
    expect(total("netCents")).toBe(Number(ledger.platform));
    expect(total("feesCents") - total("feesReturnedCents")).toBe(Number(ledger.platform));
    expect(total("payoutsCents")).toBe(Number(ledger.payouts));
    // What creators were left with is everything else: no cent unaccounted for.
    expect(total("grossCents") - total("refundsCents") - total("netCents") - total("payoutsCents")).toBe(Number(ledger.creators));
    expect(await ledgerInvariantViolations(db)).toEqual([]);
  });

  it("gross sales equal the sale lines the orders book (saleLinesSql), month by month", async () => {
    const rows = await queryRows<{ period: string; gross: string }>(
      db,
      sql`select to_char(date_trunc('month', o.paid_at at time zone 'UTC'), 'YYYY-MM') as period, (-sum(l.amount))::text as gross
            from orders o cross join lateral ${saleLinesSql("o")} l
           where ${SOLD} and l.account = 'buyers' and o.paid_at >= ${WINDOW_START}::timestamptz
           group by 1`,
    );
    for (const m of overview.months) expect(m.grossCents, m.period).toBe(Number(rows.find((r) => r.period === m.period)?.gross ?? 0));
  });

  it("counts orders per day over 30 days ending today", () => {
    expect(overview.daily).toHaveLength(30);
    expect(overview.daily[0].day).toBe("2026-05-22");
    expect(overview.daily[29].day).toBe("2026-06-20");
    expect(overview.daily.find((d) => d.day === "2026-06-10")).toEqual({ day: "2026-06-10", orders: 2, grossCents: 3500 });
    expect(overview.daily.find((d) => d.day === "2026-05-25")).toEqual({ day: "2026-05-25", orders: 1, grossCents: 1000 });
    expect(overview.daily.reduce((s, d) => s + d.orders, 0)).toBe(3);
  });

  it("ranks creators and listings by revenue over 30 days, refunds deducted", () => {
    expect(overview.topCreators.map((c) => [c.creatorId, c.sales, c.revenueCents])).toEqual([
      [creatorB.id, 1, 2500],
      [creatorA.id, 2, 1000],
    ]);
    expect(overview.topListings.map((l) => [l.listingId, l.title, l.revenueCents])).toEqual([
      [listingB.id, "Beta preset", 2500],
      [listingA.id, "Alpha prompt", 1000],
    ]);
  });

  it("shows the queues waiting for an admin with the oldest wait", () => {
    expect(overview.queues.approvals).toEqual({ waiting: 1, oldestSubmittedAt: at("2026-06-01T08:00:00Z") });
    expect(overview.queues.reports).toEqual({ open: 1, oldestAt: at("2026-06-18T08:00:00Z") });
    expect(overview.queues.payouts).toEqual({ failed: 1, held: 1, stuck: 0, oldestPeriod: "2026-04" });
  });

  it("is refused to buyers, creators and anonymous callers", async () => {
    await expect(platformOverview(db, null, NOW)).rejects.toMatchObject({ code: "auth.unauthenticated" });
    await expect(platformOverview(db, await makeUser(db), NOW)).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(platformOverview(db, await makeCreator(db), NOW)).rejects.toMatchObject({ code: "auth.forbidden" });
  });
});
