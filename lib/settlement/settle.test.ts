// Proofs for the monthly settlement (ARCHITECTURE.md, "Where money moves") on a real database: exactly-once payouts,
// months that have not closed, time budgets, and who may run a period or retry a payout — each followed by the invariants.
// Crashes, refusals, holds and reversals have their own files next to this one.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { auditLog, notifications, payouts, settlementRuns } from "@/db/schema";
import { actorFor, makeUser } from "@/lib/testing/fixtures";
import { injectLocalTransferFault } from "@/lib/payments/local-driver";
import { retryPayoutAsAdmin, settlePeriod, settlePeriodAsAdmin } from "./settle";
import { at, creatorLedgerBalance, expectSettlementInvariants, hours, recordSale, sellingCreator, transfersPerPayout } from "./testing/fixtures";
import { localTransfers, OCT_CLOSE, payoutOf, settlementScenario } from "./testing/scenario";

const settlement = settlementScenario();

describe("monthly settlement", () => {
  it("pays an eligible creator their share at period end once, keyed by the payout id, grouped by the period", async () => {
    const { db, driver, creator } = await settlement.setupWithSale(5000, "2025-10-10T12:00:00Z");
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
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, creator.id), eq(notifications.type, "payout")));
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
    const { db, driver } = await settlement.setup();
    await expect(settlePeriod(db, driver, { now: at("2025-10-31T23:00:00Z"), period: "2025-10" })).rejects.toMatchObject({ code: "settlement.period_open" });
    expect(await db.select().from(settlementRuns)).toHaveLength(0);
  });

  it("20 concurrent calls for one period pay each eligible creator exactly once", async () => {
    const { db, driver } = await settlement.setup();
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
    const { db, driver } = await settlement.setup();
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

describe("admin", () => {
  it("runs a period and retries a payout only as an admin, each written to the audit log", async () => {
    const { db, driver, creator } = await settlement.setupWithSale(5000, "2025-10-05T08:00:00Z");
    const buyer = await makeUser(db);
    const admin = await makeUser(db, { role: "admin" });
    await expect(settlePeriodAsAdmin(db, driver, null, { period: "2025-10" }, OCT_CLOSE)).rejects.toMatchObject({ code: "auth.unauthenticated" });
    await expect(settlePeriodAsAdmin(db, driver, await actorFor(db, buyer.id), { period: "2025-10" }, OCT_CLOSE)).rejects.toMatchObject({
      code: "auth.forbidden",
    });
    await expect(settlePeriodAsAdmin(db, driver, await actorFor(db, creator.id), { period: "2025-10" }, OCT_CLOSE)).rejects.toMatchObject({
      code: "auth.forbidden",
    });
    await expect(retryPayoutAsAdmin(db, driver, await actorFor(db, creator.id), { payoutId: crypto.randomUUID() }, OCT_CLOSE)).rejects.toMatchObject({
      code: "auth.forbidden",
    });
    expect(await db.select().from(payouts)).toHaveLength(0);
    await expect(settlePeriodAsAdmin(db, driver, await actorFor(db, admin.id), { period: "2025-13" }, OCT_CLOSE)).rejects.toMatchObject({
      code: "settlement.bad_period",
    });

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
    const { db, driver } = await settlement.setupWithSale(5000, "2025-09-05T08:00:00Z");
    await settlePeriod(db, driver, { now: OCT_CLOSE });
    await expect(settlePeriod(db, driver, { now: OCT_CLOSE, period: "2025-09" })).rejects.toMatchObject({ code: "settlement.superseded" });
    const runs = await queryRows<{ period: string }>(db, sql`select period from settlement_runs`);
    expect(runs.map((r) => r.period)).toEqual(["2025-10"]);
  });

  it("an admin's refused run of a superseded month leaves no audit entry", async () => {
    const { db, driver } = await settlement.setupWithSale(5000, "2025-09-05T08:00:00Z");
    const admin = await makeUser(db, { role: "admin" });
    await settlePeriod(db, driver, { now: OCT_CLOSE });
    await expect(settlePeriodAsAdmin(db, driver, await actorFor(db, admin.id), { period: "2025-09" }, OCT_CLOSE)).rejects.toMatchObject({
      code: "settlement.superseded",
    });
    expect(await db.select().from(auditLog).where(eq(auditLog.actorId, admin.id))).toEqual([]);
  });
});
