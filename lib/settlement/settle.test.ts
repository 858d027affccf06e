// Proofs for the monthly settlement (ARCHITECTURE.md, "Where money moves") on a real database: exactly-once payouts, holds with
// reasons, refusals, carried money, refunds after a payout, time budgets — each followed by the invariants.
import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { auditLog, localStripeTransfers, notifications, payouts, settlementRuns } from "@/db/schema";
import { actorFor, makeUser, setPayoutAccount } from "@/lib/testing/fixtures";
import { clearLocalTransferFaults, createLocalDriver, injectLocalTransferFault } from "@/lib/payments/local-driver";
import type { PaymentsDriver } from "@/lib/payments/driver";
import { retryPayoutAsAdmin, settlePeriod, settlePeriodAsAdmin } from "./settle";
import {
  at,
  creatorLedgerBalance,
  expectSettlementInvariants,
  hours,
  isolatedDatabase,
  recordRefund,
  recordSale,
  sellingCreator,
  transfersPerPayout,
} from "./testing/fixtures";
import type { TestDatabase } from "@/db/testing/fresh-database";

const OCT_CLOSE = at("2025-11-01T06:00:00Z");
const NOV_CLOSE = at("2025-12-01T06:00:00Z");
const DEC_CLOSE = at("2026-01-01T06:00:00Z");

let world: TestDatabase | undefined;
let clock = OCT_CLOSE;

async function setup(): Promise<{ db: Db; driver: PaymentsDriver }> {
  world = await isolatedDatabase();
  const db = world.db;
  return { db, driver: createLocalDriver({ clock: () => clock, db: async () => db }) };
}

afterEach(async () => {
  clearLocalTransferFaults();
  await world?.drop();
  world = undefined;
  clock = OCT_CLOSE;
});

async function payoutOf(db: Db, creatorId: string, period: string) {
  const [row] = await db.select().from(payouts).where(and(eq(payouts.creatorId, creatorId), eq(payouts.period, period)));
  return row;
}

async function localTransfers(db: Db) {
  return db.select().from(localStripeTransfers);
}

describe("monthly settlement", () => {
  it("pays an eligible creator their share at period end once, keyed by the payout id, grouped by the period", async () => {
    const { db, driver } = await setup();
    const creator = await sellingCreator(db);
    await recordSale(db, creator, 5000, at("2025-10-10T12:00:00Z"));
    await recordSale(db, creator, 2500, at("2025-10-31T23:59:59Z"));
    // After the period closed: not part of October's payout.
    await recordSale(db, creator, 9900, at("2025-11-01T00:00:00Z"));

    const summary = await settlePeriod(db, driver, { now: OCT_CLOSE });
    expect(summary).toMatchObject({ period: "2025-10", status: "completed", timedOut: false });
    expect(summary.call).toMatchObject({ claimed: 1, paid: 1, failed: 0, paidCents: 6000 });
    expect(summary.run).toMatchObject({ considered: 1, paid: 1, remaining: 0, paidCents: 6000 });

    const payout = await payoutOf(db, creator.id, "2025-10");
    expect(payout).toMatchObject({ status: "paid", amountCents: 6000, periodEndBalanceCents: 6000, idempotencyKey: payout.id, attempts: 1 });
    const [transfer] = await localTransfers(db);
    expect(transfer).toMatchObject({
      id: payout.stripeTransferId,
      idempotencyKey: payout.id,
      amountCents: 6000,
      destination: creator.stripeAccountId,
      transferGroup: "2025-10",
      metadata: { payout_id: payout.id },
    });
    // November's sale stays in the balance for November.
    expect(await creatorLedgerBalance(db, creator.id)).toBe(7920);
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, creator.id), eq(notifications.type, "payout")));
    expect(told.map((n) => n.title)).toEqual(["Payout sent: $60.00 for October 2025"]);

    // The cron fires again the same day and the next: nothing changes.
    const again = await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 1) });
    const tomorrow = await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 24) });
    expect(again.call).toMatchObject({ claimed: 0, paid: 0, paidCents: 0 });
    expect(tomorrow.call).toMatchObject({ claimed: 0, paid: 0, paidCents: 0 });
    expect(await localTransfers(db)).toHaveLength(1);
    const [run] = await db.select().from(settlementRuns).where(eq(settlementRuns.period, "2025-10"));
    expect(run).toMatchObject({ status: "completed", creatorsPaid: 1, creatorsRemaining: 0, totalPaidCents: 6000, invocations: 3 });
    await expectSettlementInvariants(db);
  });

  it("refuses a month that has not closed", async () => {
    const { db, driver } = await setup();
    await expect(settlePeriod(db, driver, { now: at("2025-10-31T23:00:00Z"), period: "2025-10" })).rejects.toMatchObject({ code: "settlement.period_open" });
    expect(await db.select().from(settlementRuns)).toHaveLength(0);
  });

  it("20 concurrent calls for one period pay each eligible creator exactly once", async () => {
    const { db, driver } = await setup();
    const creators = [];
    for (let i = 0; i < 30; i++) {
      const creator = await sellingCreator(db);
      await recordSale(db, creator, 2000 + i * 100, at("2025-10-15T10:00:00Z"));
      creators.push(creator);
    }
    const summaries = await Promise.all(Array.from({ length: 20 }, () => settlePeriod(db, driver, { now: OCT_CLOSE, concurrency: 3 })));

    expect(summaries.reduce((sum, s) => sum + s.call.paid, 0)).toBe(30);
    const expectedCents = creators.reduce((sum, _c, i) => sum + (2000 + i * 100) * 0.8, 0);
    expect(summaries.reduce((sum, s) => sum + s.call.paidCents, 0)).toBe(expectedCents);
    const rows = await db.select().from(payouts);
    expect(rows).toHaveLength(30);
    expect(rows.every((p) => p.status === "paid")).toBe(true);
    const perPayout = await transfersPerPayout(db);
    expect(perPayout.size).toBe(30);
    expect([...perPayout.values()].every((n) => n === 1)).toBe(true);
    const [run] = await db.select().from(settlementRuns);
    expect(run).toMatchObject({ status: "completed", creatorsConsidered: 30, creatorsPaid: 30, totalPaidCents: expectedCents });
    await expectSettlementInvariants(db);
  });

  it("a call out of time leaves the rest to the next call, which resumes where it stopped", async () => {
    const { db, driver } = await setup();
    for (let i = 0; i < 5; i++) await recordSale(db, await sellingCreator(db), 3000, at("2025-10-02T10:00:00Z"));
    const first = await settlePeriod(db, driver, { now: OCT_CLOSE, timeBudgetMs: 0 });
    expect(first).toMatchObject({ status: "running", timedOut: true, run: { considered: 5, pending: 5, remaining: 5 } });
    const [running] = await db.select().from(settlementRuns);
    expect(running).toMatchObject({ status: "running", creatorsRemaining: 5, finishedAt: null });
    const second = await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 24) });
    expect(second).toMatchObject({ status: "completed", timedOut: false, call: { paid: 5 }, run: { paid: 5, remaining: 0 } });
    await expectSettlementInvariants(db);
  });
});

describe("a crash after the transfer and before the commit", () => {
  // The process claimed the payout (journal posted) and Stripe made the transfer; then the process died.
  async function crashAfterTransfer() {
    const { db, driver } = await setup();
    const creator = await sellingCreator(db);
    await recordSale(db, creator, 10_000, at("2025-10-20T10:00:00Z"));
    injectLocalTransferFault({ destinationAccountId: creator.stripeAccountId!, fault: "ambiguous_after" });
    const first = await settlePeriod(db, driver, { now: OCT_CLOSE });
    expect(first.call).toMatchObject({ claimed: 1, paid: 0, unconfirmed: 1 });
    const payout = await payoutOf(db, creator.id, "2025-10");
    expect(payout.status).toBe("processing");
    expect(await localTransfers(db)).toHaveLength(1);
    return { db, driver, creator, payout };
  }

  it("a rerun the same morning is left alone while the payout's lease runs", async () => {
    const { db, driver, payout } = await crashAfterTransfer();
    const soon = await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 0.1) });
    expect(soon.call).toMatchObject({ claimed: 0, reconciled: 0, paid: 0 });
    expect((await payoutOf(db, payout.creatorId, "2025-10")).status).toBe("processing");
  });

  it("a rerun while the key is fresh repeats the request with the same key and records the one transfer", async () => {
    const { db, driver, creator, payout } = await crashAfterTransfer();
    clock = hours(OCT_CLOSE, 18);
    const rerun = await settlePeriod(db, driver, { now: clock });
    expect(rerun.call).toMatchObject({ paid: 1, paidCents: 8000 });
    const after = await payoutOf(db, creator.id, "2025-10");
    const transfers = await localTransfers(db);
    expect(transfers).toHaveLength(1);
    expect(after).toMatchObject({ status: "paid", stripeTransferId: transfers[0].id, idempotencyKey: payout.id, attempts: 1 });
    await expectSettlementInvariants(db);
  });

  it("a rerun 25 hours later, when Stripe has forgotten the key, finds the transfer by group and payout id", async () => {
    const { db, driver, creator, payout } = await crashAfterTransfer();
    clock = hours(OCT_CLOSE, 25);
    const rerun = await settlePeriod(db, driver, { now: clock });
    expect(rerun.call).toMatchObject({ reconciled: 1, paid: 0, paidCents: 8000 });
    const transfers = await localTransfers(db);
    expect(transfers).toHaveLength(1);
    expect(await payoutOf(db, creator.id, "2025-10")).toMatchObject({ status: "paid", stripeTransferId: transfers[0].id, attempts: payout.attempts });
    // And once more a day later: still one transfer.
    await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 49) });
    expect(await localTransfers(db)).toHaveLength(1);
    await expectSettlementInvariants(db);
  });

  it("after 25 hours with no transfer made, it sends one under a new key", async () => {
    const { db, driver } = await setup();
    const creator = await sellingCreator(db);
    await recordSale(db, creator, 10_000, at("2025-10-20T10:00:00Z"));
    injectLocalTransferFault({ destinationAccountId: creator.stripeAccountId!, fault: "ambiguous_before" });
    await settlePeriod(db, driver, { now: OCT_CLOSE });
    expect(await localTransfers(db)).toHaveLength(0);
    clock = hours(OCT_CLOSE, 25);
    const rerun = await settlePeriod(db, driver, { now: clock });
    expect(rerun.call).toMatchObject({ paid: 1 });
    const payout = await payoutOf(db, creator.id, "2025-10");
    expect(payout).toMatchObject({ status: "paid", attempts: 2, idempotencyKey: `${payout.id}:2` });
    expect(await localTransfers(db)).toHaveLength(1);
    await expectSettlementInvariants(db);
  });
});

describe("definite refusals", () => {
  it("1 of 100 creators refused: 99 paid, 1 failed with its reason and its money back; the next run pays it once", async () => {
    const { db, driver } = await setup();
    const creators = [];
    for (let i = 0; i < 100; i++) {
      const creator = await sellingCreator(db);
      await recordSale(db, creator, 1500, at("2025-10-05T08:00:00Z"));
      creators.push(creator);
    }
    const refused = creators[37];
    injectLocalTransferFault({ destinationAccountId: refused.stripeAccountId!, fault: "definite" });
    const first = await settlePeriod(db, driver, { now: OCT_CLOSE });
    expect(first.call).toMatchObject({ claimed: 100, paid: 99, failed: 1 });
    expect(first.run).toMatchObject({ paid: 99, failed: 1, remaining: 0 });
    const failed = await payoutOf(db, refused.id, "2025-10");
    expect(failed.status).toBe("failed");
    expect(failed.failureReason).toMatch(/not valid/);
    expect(await creatorLedgerBalance(db, refused.id)).toBe(1200);
    const [told] = await db.select().from(notifications).where(and(eq(notifications.userId, refused.id), eq(notifications.type, "payout")));
    expect(told.title).toBe("Payout failed: $12.00 for October 2025");
    await expectSettlementInvariants(db);

    // Later the same day: a definite refusal is not hammered.
    const sameDay = await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 3) });
    expect(sameDay.call.claimed).toBe(0);
    // The next daily run: paid once, under a new key (the first key remembers the refusal).
    const next = await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 24) });
    expect(next.call).toMatchObject({ claimed: 1, paid: 1, paidCents: 1200 });
    const paid = await payoutOf(db, refused.id, "2025-10");
    expect(paid).toMatchObject({ status: "paid", attempts: 2, idempotencyKey: `${paid.id}:2`, failureReason: null });
    expect(await creatorLedgerBalance(db, refused.id)).toBe(0);
    expect((await localTransfers(db)).length).toBe(100);
    await expectSettlementInvariants(db);
  });

  it("a failed payout still open when the next month settles is carried into it and never paid twice", async () => {
    const { db, driver } = await setup();
    const creator = await sellingCreator(db);
    await recordSale(db, creator, 5000, at("2025-10-05T08:00:00Z"));
    injectLocalTransferFault({ destinationAccountId: creator.stripeAccountId!, fault: "definite", times: Infinity });
    await settlePeriod(db, driver, { now: OCT_CLOSE });
    await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 24) });
    expect((await payoutOf(db, creator.id, "2025-10")).status).toBe("failed");
    clearLocalTransferFaults();

    await recordSale(db, creator, 2500, at("2025-11-12T08:00:00Z"));
    const november = await settlePeriod(db, driver, { now: NOV_CLOSE });
    expect(november.call).toMatchObject({ paid: 1, paidCents: 6000 });
    expect(await payoutOf(db, creator.id, "2025-10")).toMatchObject({ status: "carried", carriedIntoPeriod: "2025-11" });
    expect(await payoutOf(db, creator.id, "2025-11")).toMatchObject({ status: "paid", amountCents: 6000 });

    // Nobody can pay October again: not an admin, not a later run.
    const admin = await makeUser(db, { role: "admin" });
    const october = await payoutOf(db, creator.id, "2025-10");
    await expect(retryPayoutAsAdmin(db, driver, await actorFor(db, admin.id), { payoutId: october.id }, hours(NOV_CLOSE, 1))).rejects.toMatchObject({
      code: "settlement.not_retryable",
    });
    await settlePeriod(db, driver, { now: hours(NOV_CLOSE, 48) });
    const transfers = await localTransfers(db);
    expect(transfers.reduce((sum, t) => sum + t.amountCents, 0)).toBe(6000);
    expect(await creatorLedgerBalance(db, creator.id)).toBe(0);
    await expectSettlementInvariants(db);
  });
});

describe("refunds after a payout", () => {
  it("take the balance below zero, hold the next month with the reason, and are netted off the month after", async () => {
    const { db, driver } = await setup();
    const creator = await sellingCreator(db);
    const order = await recordSale(db, creator, 5000, at("2025-10-05T08:00:00Z"));
    await settlePeriod(db, driver, { now: OCT_CLOSE });
    expect((await payoutOf(db, creator.id, "2025-10")).status).toBe("paid");

    await recordRefund(db, order, 5000, at("2025-11-10T08:00:00Z"));
    expect(await creatorLedgerBalance(db, creator.id)).toBe(-4000);
    const november = await settlePeriod(db, driver, { now: NOV_CLOSE });
    expect(november.call.held).toEqual({ negative_balance: 1 });
    expect(await payoutOf(db, creator.id, "2025-11")).toMatchObject({ status: "held", holdReason: "negative_balance", amountCents: -4000 });
    const [told] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, creator.id), sql`${notifications.data}->>'holdReason' = 'negative_balance'`));
    expect(told.body).toMatch(/Refunds after your last payout/);

    await recordSale(db, creator, 10_000, at("2025-12-03T08:00:00Z"));
    const december = await settlePeriod(db, driver, { now: DEC_CLOSE });
    expect(december.call).toMatchObject({ paid: 1, paidCents: 4000 });
    expect(await payoutOf(db, creator.id, "2025-11")).toMatchObject({ status: "carried", carriedIntoPeriod: "2025-12" });
    expect(await creatorLedgerBalance(db, creator.id)).toBe(0);
    await expectSettlementInvariants(db);
  });

  it("a refund between the period's close and the claim lowers the payout to the balance at claim time", async () => {
    const { db, driver } = await setup();
    const creator = await sellingCreator(db);
    await recordSale(db, creator, 5000, at("2025-10-05T08:00:00Z"));
    const refunded = await recordSale(db, creator, 5000, at("2025-10-06T08:00:00Z"));
    await recordRefund(db, refunded, 5000, at("2025-11-01T01:00:00Z"));
    const summary = await settlePeriod(db, driver, { now: OCT_CLOSE });
    expect(summary.call.paidCents).toBe(4000);
    expect(await payoutOf(db, creator.id, "2025-10")).toMatchObject({ periodEndBalanceCents: 8000, amountCents: 4000 });
    await expectSettlementInvariants(db);
  });
});

describe("holds", () => {
  it("hold below minimum, onboarding incomplete, restricted and a short platform balance with their reasons, and pay once each cause clears", async () => {
    const { db, driver } = await setup();
    const small = await sellingCreator(db);
    await recordSale(db, small, 500, at("2025-10-03T08:00:00Z"));
    const unboarded = await sellingCreator(db, "none");
    await recordSale(db, unboarded, 3000, at("2025-10-03T08:00:00Z"));
    const incomplete = await sellingCreator(db, "incomplete");
    await recordSale(db, incomplete, 3000, at("2025-10-03T08:00:00Z"));
    const restricted = await sellingCreator(db, "restricted");
    await recordSale(db, restricted, 3000, at("2025-10-03T08:00:00Z"));
    const short = await sellingCreator(db);
    await recordSale(db, short, 3000, at("2025-10-03T08:00:00Z"));
    injectLocalTransferFault({ destinationAccountId: short.stripeAccountId!, fault: "insufficient_balance", times: Infinity });

    const first = await settlePeriod(db, driver, { now: OCT_CLOSE });
    expect(first.call.held).toEqual({ below_minimum: 1, onboarding_incomplete: 2, account_restricted: 1, platform_balance_short: 1 });
    expect(first.call.paid).toBe(0);
    expect(first.run).toMatchObject({ held: { below_minimum: 1, onboarding_incomplete: 2, account_restricted: 1, platform_balance_short: 1 }, remaining: 0 });
    expect(await payoutOf(db, small.id, "2025-10")).toMatchObject({ status: "held", holdReason: "below_minimum", amountCents: 400 });
    expect(await payoutOf(db, unboarded.id, "2025-10")).toMatchObject({ status: "held", holdReason: "onboarding_incomplete" });
    expect(await payoutOf(db, restricted.id, "2025-10")).toMatchObject({ status: "held", holdReason: "account_restricted" });
    expect(await payoutOf(db, short.id, "2025-10")).toMatchObject({ status: "held", holdReason: "platform_balance_short" });
    // Held money stays in the creator's balance: nothing was sent, the short one's journal was reversed.
    expect(await creatorLedgerBalance(db, short.id)).toBe(2400);
    expect(await localTransfers(db)).toHaveLength(0);
    await expectSettlementInvariants(db);

    // A repeated call does not tell the creators again.
    const before = await db.select().from(notifications).where(eq(notifications.type, "payout"));
    await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 2) });
    expect(await db.select().from(notifications).where(eq(notifications.type, "payout"))).toHaveLength(before.length);

    // Causes clear: onboarding finished, restriction lifted, the platform balance topped up.
    clearLocalTransferFaults();
    await db.execute(sql`update creator_profiles set stripe_account_id = ${`acct_local_fixed_${unboarded.id.slice(0, 8)}`} where user_id = ${unboarded.id}`);
    await setPayoutAccount(db, unboarded.id, "active");
    await setPayoutAccount(db, incomplete.id, "active");
    await setPayoutAccount(db, restricted.id, "active");
    const next = await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 24) });
    expect(next.call).toMatchObject({ paid: 4, paidCents: 4 * 2400 });
    expect(await payoutOf(db, small.id, "2025-10")).toMatchObject({ status: "held", holdReason: "below_minimum" });

    // Below the minimum carries into the next month and is paid once the total reaches it.
    await recordSale(db, small, 1000, at("2025-11-03T08:00:00Z"));
    const november = await settlePeriod(db, driver, { now: NOV_CLOSE });
    expect(november.call).toMatchObject({ paid: 1, paidCents: 1200 });
    expect(await payoutOf(db, small.id, "2025-10")).toMatchObject({ status: "carried", carriedIntoPeriod: "2025-11" });
    const perPayout = await transfersPerPayout(db);
    expect([...perPayout.values()].every((n) => n === 1)).toBe(true);
    expect(perPayout.size).toBe(5);
    await expectSettlementInvariants(db);
  });
});

describe("reversals", () => {
  it("a transfer.reversed event puts the money back, once, and the next month pays it again", async () => {
    const { db, driver } = await setup();
    const creator = await sellingCreator(db);
    await recordSale(db, creator, 5000, at("2025-10-05T08:00:00Z"));
    await settlePeriod(db, driver, { now: OCT_CLOSE });
    const payout = await payoutOf(db, creator.id, "2025-10");

    const { reverseTransfer } = await import("./reversal");
    const partial = await db.transaction((tx) => reverseTransfer(tx, { transferId: payout.stripeTransferId!, amountReversedCents: 1000 }, at("2025-11-05T00:00:00Z")));
    expect(partial).toBe("partially_reversed");
    const full = await db.transaction((tx) => reverseTransfer(tx, { transferId: payout.stripeTransferId!, amountReversedCents: 4000 }, at("2025-11-06T00:00:00Z")));
    expect(full).toBe("reversed");
    const again = await db.transaction((tx) => reverseTransfer(tx, { transferId: payout.stripeTransferId!, amountReversedCents: 4000 }, at("2025-11-07T00:00:00Z")));
    expect(again).toBe("already");
    expect(await payoutOf(db, creator.id, "2025-10")).toMatchObject({ status: "reversed", reversedCents: 4000 });
    expect(await creatorLedgerBalance(db, creator.id)).toBe(4000);
    await expectSettlementInvariants(db);

    const november = await settlePeriod(db, driver, { now: NOV_CLOSE });
    expect(november.call).toMatchObject({ paid: 1, paidCents: 4000 });
    expect(await creatorLedgerBalance(db, creator.id)).toBe(0);
    await expectSettlementInvariants(db);
  });
});

describe("transfer.reversed through the signed webhook", () => {
  it("reopens the balance once, however often Stripe delivers it, and tells the creator", async () => {
    const { db, driver } = await setup();
    const creator = await sellingCreator(db);
    await recordSale(db, creator, 5000, at("2025-10-05T08:00:00Z"));
    await settlePeriod(db, driver, { now: OCT_CLOSE });
    const payout = await payoutOf(db, creator.id, "2025-10");
    const { reverseLocalTransfer } = await import("@/lib/payments/local-driver");
    const { delivery } = await reverseLocalTransfer(db, payout.stripeTransferId!);
    expect(delivery).toMatchObject({ status: 200, body: { handled: true, result: "reversed" } });
    // A second reversal event for the same transfer (Stripe retries with a new event id): nothing more.
    const { delivery: again } = await reverseLocalTransfer(db, payout.stripeTransferId!);
    expect(again).toMatchObject({ status: 200, body: { result: "already" } });
    expect(await payoutOf(db, creator.id, "2025-10")).toMatchObject({ status: "reversed", reversedCents: 4000 });
    expect(await creatorLedgerBalance(db, creator.id)).toBe(4000);
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, creator.id), sql`${notifications.title} like 'Payout reversed%'`));
    expect(told).toHaveLength(1);
    await expectSettlementInvariants(db);
  });
});

describe("admin", () => {
  it("runs a period and retries a payout only as an admin, each written to the audit log", async () => {
    const { db, driver } = await setup();
    const creator = await sellingCreator(db);
    await recordSale(db, creator, 5000, at("2025-10-05T08:00:00Z"));
    const buyer = await makeUser(db);
    const admin = await makeUser(db, { role: "admin" });
    await expect(settlePeriodAsAdmin(db, driver, null, { period: "2025-10" }, OCT_CLOSE)).rejects.toMatchObject({ code: "auth.unauthenticated" });
    await expect(settlePeriodAsAdmin(db, driver, await actorFor(db, buyer.id), { period: "2025-10" }, OCT_CLOSE)).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(settlePeriodAsAdmin(db, driver, await actorFor(db, creator.id), { period: "2025-10" }, OCT_CLOSE)).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(retryPayoutAsAdmin(db, driver, await actorFor(db, creator.id), { payoutId: crypto.randomUUID() }, OCT_CLOSE)).rejects.toMatchObject({ code: "auth.forbidden" });
    expect(await db.select().from(payouts)).toHaveLength(0);
    await expect(settlePeriodAsAdmin(db, driver, await actorFor(db, admin.id), { period: "2025-13" }, OCT_CLOSE)).rejects.toMatchObject({ code: "settlement.bad_period" });

    injectLocalTransferFault({ destinationAccountId: creator.stripeAccountId!, fault: "definite" });
    const summary = await settlePeriodAsAdmin(db, driver, await actorFor(db, admin.id), { period: "2025-10" }, OCT_CLOSE);
    expect(summary.call.failed).toBe(1);
    const failed = await payoutOf(db, creator.id, "2025-10");
    const retried = await retryPayoutAsAdmin(db, driver, await actorFor(db, admin.id), { payoutId: failed.id }, hours(OCT_CLOSE, 1));
    expect(retried.status).toBe("paid");
    await expect(retryPayoutAsAdmin(db, driver, await actorFor(db, admin.id), { payoutId: failed.id }, hours(OCT_CLOSE, 2))).rejects.toMatchObject({
      code: "settlement.not_retryable",
    });
    const audit = await db.select().from(auditLog).where(eq(auditLog.actorId, admin.id));
    expect(audit.map((a) => [a.action, a.targetId])).toEqual([
      ["settlement.run", "2025-10"],
      ["payout.retry", failed.id],
    ]);
    await expectSettlementInvariants(db);
  });

  it("cannot start a month older than one already settled", async () => {
    const { db, driver } = await setup();
    const creator = await sellingCreator(db);
    await recordSale(db, creator, 5000, at("2025-09-05T08:00:00Z"));
    await settlePeriod(db, driver, { now: OCT_CLOSE });
    await expect(settlePeriod(db, driver, { now: OCT_CLOSE, period: "2025-09" })).rejects.toMatchObject({ code: "settlement.superseded" });
    const runs = await queryRows<{ period: string }>(db, sql`select period from settlement_runs`);
    expect(runs.map((r) => r.period)).toEqual(["2025-10"]);
  });
});
