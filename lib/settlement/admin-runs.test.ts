import { beforeAll, describe, expect, it } from "vitest";
import { payouts, settlementRuns } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { makeAdmin, makeCreator, makeUser } from "@/lib/testing/fixtures";
import { payout } from "./testing/fixtures";
import { listRunPayouts, listSettlementRuns, periodReconciliation, runPayoutsFilter, settlementRunForPeriod } from "./admin-runs";

const now = new Date("2026-11-03T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

describe("admin settlement views", () => {
  let admin: Actor;
  const creators: Record<string, Actor> = {};

  beforeAll(async () => {
    const { db } = testDatabase();
    admin = await makeAdmin(db);
    for (const name of ["paid", "reversed", "failed", "below", "noAccount", "stuck", "sending", "ghost"]) creators[name] = await makeCreator(db);
    const [october] = await db
      .insert(settlementRuns)
      .values({
        period: "2026-10",
        status: "running",
        plannedAt: hoursAgo(30),
        creatorsConsidered: 7,
        creatorsPaid: 2,
        creatorsCarried: 2,
        creatorsFailed: 1,
        creatorsRemaining: 2,
        totalPaidCents: 3000,
        invocations: 3,
        startedAt: hoursAgo(30),
      })
      .returning();
    await db.insert(settlementRuns).values({
      period: "2026-09",
      status: "completed",
      creatorsConsidered: 1,
      creatorsPaid: 1,
      totalPaidCents: 1000,
      invocations: 1,
      startedAt: new Date("2026-10-01T06:00:00Z"),
      finishedAt: new Date("2026-10-01T06:01:00Z"),
    });
    const run = { settlementRunId: october.id, period: "2026-10" };
    await payout(db, creators.paid.id, {
      ...run,
      amountCents: 2000,
      status: "paid",
      stripeTransferId: "tr_local_paid",
      paidAt: hoursAgo(29),
      claimedAt: hoursAgo(29),
    });
    await payout(db, creators.reversed.id, {
      ...run,
      amountCents: 1500,
      reversedCents: 500,
      status: "reversed",
      stripeTransferId: "tr_local_reversed",
      claimedAt: hoursAgo(29),
    });
    await payout(db, creators.failed.id, { ...run, amountCents: 1200, status: "failed", failureReason: "Account closed", claimedAt: hoursAgo(29) });
    await payout(db, creators.below.id, { ...run, amountCents: 700, status: "held", holdReason: "below_minimum" });
    await payout(db, creators.noAccount.id, { ...run, amountCents: 0, status: "held", holdReason: "onboarding_incomplete" });
    await payout(db, creators.stuck.id, { ...run, amountCents: 1800, status: "processing", claimedAt: hoursAgo(30) });
    await payout(db, creators.sending.id, { ...run, amountCents: 900, status: "processing", claimedAt: hoursAgo(1) });
    // September's books disagree: a payout marked paid with no transfer id and no journal.
    await db.insert(payouts).values({ creatorId: creators.ghost.id, period: "2026-09", amountCents: 1000, status: "paid" });
  });

  it("lists runs newest first with progress = considered − remaining", async () => {
    const { db } = testDatabase();
    const runs = await listSettlementRuns(db, admin);
    expect(runs.total).toBe(2);
    expect(runs.rows.map((r) => [r.period, r.status, r.progress, r.considered, r.remaining, r.totalPaidCents, r.invocations])).toEqual([
      ["2026-10", "running", 5, 7, 2, 3000, 3],
      ["2026-09", "completed", 1, 1, 0, 1000, 1],
    ]);
  });

  it("gives a period's run and its payouts counted by status and hold reason; no run before it first ran", async () => {
    const { db } = testDatabase();
    const { run, counts } = await settlementRunForPeriod(db, admin, { period: "2026-10" });
    expect(run?.period).toBe("2026-10");
    expect(counts.byStatus).toEqual({ paid: 1, reversed: 1, failed: 1, held: 2, processing: 2 });
    expect(counts.byHoldReason).toEqual({ below_minimum: 1, onboarding_incomplete: 1 });
    expect(await settlementRunForPeriod(db, admin, { period: "2026-08" })).toEqual({ run: null, counts: { byStatus: {}, byHoldReason: {} } });
  });

  it("lists a period's payouts largest first, filtered by status, hold reason or creator email/handle, in pages", async () => {
    const { db } = testDatabase();
    const all = await listRunPayouts(db, admin, { period: "2026-10" });
    expect(all.total).toBe(7);
    expect(all.rows.map((r) => r.amountCents)).toEqual([2000, 1800, 1500, 1200, 900, 700, 0]);
    expect(
      all.rows
        .filter((r) => r.retryable)
        .map((r) => r.status)
        .sort(),
    ).toEqual(["failed", "held", "held"]);

    const held = await listRunPayouts(db, admin, { period: "2026-10", status: "held" });
    expect(held.rows.map((r) => r.holdReason)).toEqual(["below_minimum", "onboarding_incomplete"]);
    const below = await listRunPayouts(db, admin, { period: "2026-10", holdReason: "below_minimum" });
    expect(below.rows.map((r) => r.creatorId)).toEqual([creators.below.id]);

    const byHandle = await listRunPayouts(db, admin, { period: "2026-10", q: `@${creators.failed.creatorHandle}` });
    expect(byHandle.rows).toEqual([
      expect.objectContaining({ creatorId: creators.failed.id, failureReason: "Account closed", handle: creators.failed.creatorHandle }),
    ]);
    const byEmail = await listRunPayouts(db, admin, { period: "2026-10", q: creators.stuck.email.slice(0, 12).toUpperCase() });
    expect(byEmail.rows.map((r) => r.creatorId)).toEqual([creators.stuck.id]);
    const wildcard = await listRunPayouts(db, admin, { period: "2026-10", q: "%" });
    expect(wildcard.total).toBe(0);

    const second = await listRunPayouts(db, admin, { period: "2026-10", pageSize: 3, page: 2 });
    expect(second).toMatchObject({ page: 2, pageCount: 3, total: 7 });
    expect(second.rows.map((r) => r.amountCents)).toEqual([1200, 900, 700]);
    const beyond = await listRunPayouts(db, admin, { period: "2026-10", pageSize: 3, page: 40 });
    expect(beyond.page).toBe(3);
    expect(beyond.rows.map((r) => r.amountCents)).toEqual([0]);
  });

  it("parses filters from a query string and drops values it does not know", () => {
    expect(runPayoutsFilter.parse({ status: "failed", holdReason: "nope", q: " maker ", page: "2" })).toEqual({
      status: "failed",
      holdReason: undefined,
      q: "maker",
      page: 2,
    });
    expect(runPayoutsFilter.parse({ status: "'; drop table payouts" })).toEqual({ status: undefined });
  });

  it("reconciles the payouts account with paid (less reversed) and in-flight payouts, and flags processing older than 24 h", async () => {
    const { db } = testDatabase();
    const r = await periodReconciliation(db, admin, { period: "2026-10", now });
    // Ledger: 2000 paid + (1500 − 500) reversed in part + 0 failed (journal reversed) + 1800 + 900 in flight.
    expect(r).toMatchObject({
      ledgerCents: 5700,
      paidNetCents: 3000,
      inFlight: { count: 2, cents: 2700 },
      differenceCents: 0,
      balanced: true,
      transfers: { count: 2, cents: 3500, reversedCents: 500 },
      paidWithoutTransfer: 0,
      mismatches: [],
    });
    expect(r.stuck).toEqual([expect.objectContaining({ email: creators.stuck.email, amountCents: 1800 })]);
  });

  it("shows a period whose books disagree, naming the payout", async () => {
    const { db } = testDatabase();
    const r = await periodReconciliation(db, admin, { period: "2026-09", now });
    expect(r).toMatchObject({ ledgerCents: 0, paidNetCents: 1000, differenceCents: -1000, balanced: false, paidWithoutTransfer: 1 });
    expect(r.mismatches).toEqual([expect.objectContaining({ email: creators.ghost.email, status: "paid", ledgerCents: 0, expectedCents: 1000 })]);
  });

  it("refuses anonymous visitors, buyers, creators and suspended admins in every view", async () => {
    const { db } = testDatabase();
    const suspendedAdmin = await makeUser(db, { role: "admin", status: "suspended" });
    const refused: [Actor | null, string][] = [
      [null, "auth.unauthenticated"],
      [await makeUser(db), "auth.forbidden"],
      [creators.paid, "auth.forbidden"],
      [suspendedAdmin, "auth.forbidden"],
    ];
    for (const [actor, code] of refused) {
      await expect(listSettlementRuns(db, actor)).rejects.toMatchObject({ code });
      await expect(settlementRunForPeriod(db, actor, { period: "2026-10" })).rejects.toMatchObject({ code });
      await expect(listRunPayouts(db, actor, { period: "2026-10" })).rejects.toMatchObject({ code });
      await expect(periodReconciliation(db, actor, { period: "2026-10", now })).rejects.toMatchObject({ code });
    }
  });

  it("refuses a malformed period", async () => {
    const { db } = testDatabase();
    await expect(listRunPayouts(db, admin, { period: "2026-1" })).rejects.toMatchObject({ code: "settlement.bad_period" });
    await expect(periodReconciliation(db, admin, { period: "latest" })).rejects.toMatchObject({ code: "settlement.bad_period" });
  });
});
