import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { makeCreator, makeListing, makeUser } from "@/lib/testing/fixtures";
import { payout, refund, sell } from "./testing/fixtures";
import { creatorPayoutsOverview, describeHold } from "./creator-payouts";

const now = new Date("2026-11-15T12:00:00Z");

describe("a creator's payouts page", () => {
  it("with nothing sold: zero balance, no hold, empty history and the next settlement on the 1st", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const view = await creatorPayoutsOverview(db, creator, { now });
    expect(view).toMatchObject({ balanceCents: 0, payableCents: 0, minPayoutCents: 1000, hold: null, inFlightCents: 0 });
    expect(view.nextSettlementAt.toISOString()).toBe("2026-12-01T06:00:00.000Z");
    expect(view.history).toEqual({ rows: [], page: 1, pageSize: 12, total: 0, pageCount: 1 });
  });

  it("shows the ledger balance as payable, and the latest held payout with its reason in plain words", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, { priceCents: 1000 });
    await sell(db, listing, 1000, new Date("2026-10-03T00:00:00Z"));
    await payout(db, creator.id, { period: "2026-09", amountCents: 300, status: "carried", holdReason: "below_minimum", carriedIntoPeriod: "2026-10" });
    await payout(db, creator.id, { period: "2026-10", amountCents: 800, status: "held", holdReason: "below_minimum" });

    const view = await creatorPayoutsOverview(db, creator, { now });
    expect(view.balanceCents).toBe(800);
    expect(view.payableCents).toBe(800);
    expect(view.hold).toMatchObject({ period: "2026-10", status: "held", amountCents: 800, title: "Below the payout minimum" });
    expect(view.hold?.text).toMatch(/under the \$10\.00 minimum/);
    expect(view.history.rows.map((r) => [r.period, r.status])).toEqual([
      ["2026-10", "held"],
      ["2026-09", "carried"],
    ]);
  });

  it("never calls a negative balance payable", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, { priceCents: 1000 });
    const order = await sell(db, listing, 2000, new Date("2026-09-03T00:00:00Z"));
    await payout(db, creator.id, { period: "2026-09", amountCents: 1600, status: "paid", stripeTransferId: "tr_local_neg" }, new Date("2026-10-01T06:00:00Z"));
    await refund(db, order, 2000, new Date("2026-10-05T00:00:00Z"));
    await payout(db, creator.id, { period: "2026-10", amountCents: -1600, status: "held", holdReason: "negative_balance" });

    const view = await creatorPayoutsOverview(db, creator, { now });
    expect(view.balanceCents).toBe(-1600);
    expect(view.payableCents).toBe(0);
    expect(view.hold?.title).toBe("Balance negative after refunds");
  });

  it("a failed payout shows Stripe's reason and that the money is back in the balance", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, { priceCents: 1000 });
    await sell(db, listing, 2500, new Date("2026-10-03T00:00:00Z"));
    await payout(db, creator.id, { period: "2026-10", amountCents: 2000, status: "failed", failureReason: "The destination account is closed" });

    const view = await creatorPayoutsOverview(db, creator, { now });
    expect(view.balanceCents).toBe(2000);
    expect(view.hold).toMatchObject({ status: "failed", title: "Payout failed" });
    expect(view.hold?.text).toBe("The destination account is closed. The money is back in your balance; we try again at the next daily run.");
  });

  it("counts payouts still being sent, and pages the history newest first", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, { priceCents: 1000 });
    await sell(db, listing, 90000, new Date("2025-01-03T00:00:00Z"));
    const periods = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"];
    for (const period of periods) await payout(db, creator.id, { period, amountCents: 1000, status: "paid", stripeTransferId: `tr_local_${period}` });
    await payout(db, creator.id, { period: "2025-06", amountCents: 1500, status: "processing" });

    const first = await creatorPayoutsOverview(db, creator, { now, pageSize: 4 });
    expect(first.inFlightCents).toBe(1500);
    expect(first.history).toMatchObject({ page: 1, total: 6, pageCount: 2 });
    expect(first.history.rows.map((r) => r.period)).toEqual(["2025-06", "2025-05", "2025-04", "2025-03"]);
    const second = await creatorPayoutsOverview(db, creator, { now, pageSize: 4, page: 2 });
    expect(second.history.rows.map((r) => r.period)).toEqual(["2025-02", "2025-01"]);
    expect(second.history.rows[0]).toMatchObject({ stripeTransferId: "tr_local_2025-02", amountCents: 1000 });
    // A page past the end shows the last page rather than nothing.
    const beyond = await creatorPayoutsOverview(db, creator, { now, pageSize: 4, page: 9 });
    expect(beyond.history.page).toBe(2);
  });

  it("shows each creator only their own payouts", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const other = await makeCreator(db);
    await payout(db, other.id, { period: "2026-10", amountCents: 700, status: "held", holdReason: "below_minimum" });
    const view = await creatorPayoutsOverview(db, creator, { now });
    expect(view.history.total).toBe(0);
    expect(view.hold).toBeNull();
  });

  it("lets a suspended creator read what they are owed, and refuses visitors and buyers", async () => {
    const { db } = testDatabase();
    const suspended = await makeCreator(db, { status: "suspended" });
    await expect(creatorPayoutsOverview(db, suspended, { now })).resolves.toMatchObject({ balanceCents: 0 });
    await expect(creatorPayoutsOverview(db, null, { now })).rejects.toMatchObject({ code: "auth.unauthenticated" });
    await expect(creatorPayoutsOverview(db, await makeUser(db), { now })).rejects.toMatchObject({ code: "auth.not_creator" });
  });

  it("describes only held and failed payouts as holds", () => {
    const base = { id: "p", period: "2026-10", holdReason: null, failureReason: null, amountCents: 100, currency: "usd" };
    expect(describeHold({ ...base, status: "paid" }, 1000)).toBeNull();
    expect(describeHold({ ...base, status: "held", holdReason: "onboarding_incomplete" }, 1000)?.title).toBe("Payout account not set up");
    expect(describeHold({ ...base, status: "failed" }, 1000)?.text).toMatch(/^Stripe refused the transfer\./);
  });
});
