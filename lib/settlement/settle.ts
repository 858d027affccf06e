import "server-only";
// The monthly settlement (ARCHITECTURE.md, "Where money moves"): plan the period once, then in each call, within a time budget,
// resume payouts left in flight, retry holds and refusals whose cause may have cleared, and claim and send
// the period's pending payouts a few at a time. Any number of overlapping, late or repeated calls converge.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db } from "@/db/client";
import type { PayoutHoldReason, PayoutStatus } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { writeAudit } from "@/lib/moderation/audit";
import type { PaymentsDriver } from "@/lib/payments/driver";
import { uuidSchema } from "@/lib/uuid";
import { claimPayouts, type ClaimScope } from "./claim";
import { isClosedPeriod, lastClosedPeriod, PERIOD_PATTERN } from "./periods";
import { assertNotSuperseded, planPeriod } from "./plan";
import { resumePayout, takeStalledPayouts } from "./reconcile";
import { markPayoutsPaid, requestTransfer, sendPayout, type SendOutcome, type TransferSent } from "./transfer";
import { at } from "./sql-time";

const BATCH_SIZE = 200;

export type HeldCounts = Partial<Record<PayoutHoldReason, number>>;

export type SettlementSummary = {
  period: string;
  status: "running" | "completed";
  /** The call stopped at its time budget with work left for the next call. */
  timedOut: boolean;
  /** What this call did. */
  call: { claimed: number; paid: number; failed: number; held: HeldCounts; reconciled: number; unconfirmed: number; paidCents: number };
  /** Where the whole period stands. */
  run: {
    considered: number;
    pending: number;
    processing: number;
    paid: number;
    failed: number;
    held: HeldCounts;
    carried: number;
    reversed: number;
    remaining: number;
    paidCents: number;
  };
};

export type SettleOptions = {
  period?: string;
  /** The business clock (tests move it); the time budget always runs on the real clock. */
  now?: Date;
  timeBudgetMs?: number;
  concurrency?: number;
};

/** Runs `work` over `items` with at most `limit` in flight. */
async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(workers);
}

/** One settlement call for a closed period (the last closed month by default). */
export async function settlePeriod(db: Db, driver: PaymentsDriver, options: SettleOptions = {}): Promise<SettlementSummary> {
  const e = env();
  const now = options.now ?? new Date();
  const period = options.period ?? lastClosedPeriod(now);
  if (!PERIOD_PATTERN.test(period)) throw new DomainError("settlement.bad_period");
  if (!isClosedPeriod(period, now)) throw new DomainError("settlement.period_open");
  const deadline = performance.now() + (options.timeBudgetMs ?? e.SETTLEMENT_TIME_BUDGET_SECONDS * 1000);
  const concurrency = options.concurrency ?? e.SETTLEMENT_CONCURRENCY;
  const minPayoutCents = e.MIN_PAYOUT_CENTS;
  const call: SettlementSummary["call"] = { claimed: 0, paid: 0, failed: 0, held: {}, reconciled: 0, unconfirmed: 0, paidCents: 0 };
  const outOfTime = () => performance.now() >= deadline;
  let timedOut = false;

  const count = (outcome: SendOutcome | "reconciled", amountCents: number) => {
    if (outcome === "paid" || outcome === "reconciled") {
      call[outcome === "paid" ? "paid" : "reconciled"]++;
      call.paidCents += amountCents;
    } else if (outcome === "failed") call.failed++;
    else if (outcome === "held") call.held.platform_balance_short = (call.held.platform_balance_short ?? 0) + 1;
    else call.unconfirmed++;
  };

  await planPeriod(db, period, now);

  // 1. Payouts another call left in flight (crash, timeout): one transfer each, found or made.
  while (!(timedOut = outOfTime())) {
    const stalled = await takeStalledPayouts(db, now, BATCH_SIZE);
    if (stalled.length === 0) break;
    await inPool(stalled, concurrency, async (payout) => count(await resumePayout(db, driver, payout, now, minPayoutCents), payout.amountCents));
  }

  // 2. Holds that may have cleared and refusals worth another try; 3. the period's pending payouts.
  const scopes: ClaimScope[] = [{ kind: "retry" }, { kind: "pending", period }];
  for (const scope of scopes) {
    while (!timedOut && !(timedOut = outOfTime())) {
      const batch = await claimPayouts(db, { scope, now, limit: BATCH_SIZE, minPayoutCents });
      if (batch.picked === 0) break;
      call.claimed += batch.claimed.length;
      for (const h of batch.held) call.held[h.reason] = (call.held[h.reason] ?? 0) + 1;
      const sent: TransferSent[] = [];
      await inPool(batch.claimed, concurrency, async (payout) => {
        const result = await requestTransfer(db, driver, payout, now, minPayoutCents);
        if (result.outcome === "sent") sent.push(result);
        else count(result.outcome, payout.amountCents);
      });
      const recorded = await markPayoutsPaid(db, sent, now);
      // What was sent but not recorded stays processing and is reconciled by a later call.
      for (const [i, s] of sent.entries()) count(i < recorded ? "paid" : "ambiguous", s.payout.amountCents);
    }
  }

  const run = await refreshRun(db, period, now);
  return { period, status: run.remaining === 0 ? "completed" : "running", timedOut, call, run };
}

/** Recomputes the run row from its payouts (the run says how many creators remain) and returns the figures. */
export async function refreshRun(db: Db, period: string, now: Date): Promise<SettlementSummary["run"]> {
  const rows = await queryRows<{ status: PayoutStatus; hold_reason: PayoutHoldReason | null; n: number; cents: string }>(
    db,
    sql`select status, hold_reason, count(*)::int as n, coalesce(sum(amount_cents - reversed_cents), 0)::text as cents
          from payouts where period = ${period} group by status, hold_reason`,
  );
  const run: SettlementSummary["run"] = {
    considered: 0,
    pending: 0,
    processing: 0,
    paid: 0,
    failed: 0,
    held: {},
    carried: 0,
    reversed: 0,
    remaining: 0,
    paidCents: 0,
  };
  for (const r of rows) {
    run.considered += r.n;
    if (r.status === "held" && r.hold_reason) run.held[r.hold_reason] = (run.held[r.hold_reason] ?? 0) + r.n;
    else if (r.status !== "held") run[r.status] += r.n;
    if (r.status === "paid") run.paidCents += Number(r.cents);
  }
  run.remaining = run.pending + run.processing;
  const heldTotal = Object.values(run.held).reduce((a, b) => a + (b ?? 0), 0);
  await db.execute(sql`
    update settlement_runs
       set creators_considered = ${run.considered}, creators_paid = ${run.paid}, creators_failed = ${run.failed},
           creators_carried = ${heldTotal + run.carried}, creators_remaining = ${run.remaining}, total_paid_cents = ${run.paidCents},
           invocations = invocations + 1, last_invocation_at = ${at(now)},
           status = ${run.remaining === 0 ? "completed" : "running"},
           finished_at = case when ${run.remaining} = 0 then coalesce(finished_at, ${at(now)}) else null end
     where period = ${period}`);
  return run;
}

export const settlePeriodSchema = z.object({ period: z.string().trim().regex(PERIOD_PATTERN, "Choose a month like 2026-10.") });

/** An admin runs or continues a closed period from the settlements page; audited. */
export async function settlePeriodAsAdmin(
  db: Db,
  driver: PaymentsDriver,
  actor: Actor | null,
  input: z.input<typeof settlePeriodSchema>,
  now = new Date(),
): Promise<SettlementSummary> {
  const admin = assertAdmin(actor);
  const parsed = settlePeriodSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("settlement.bad_period");
  const { period } = parsed.data;
  if (!isClosedPeriod(period, now)) throw new DomainError("settlement.period_open");
  await assertNotSuperseded(db, period);
  await db.transaction(async (tx) => {
    await writeAudit(tx, { actorId: admin.id, action: "settlement.run", targetType: "settlement_run", targetId: period, details: { period } });
  });
  return settlePeriod(db, driver, { period, now });
}

export const retryPayoutSchema = z.object({ payoutId: uuidSchema("Unknown payout.") });

/** An admin retries one failed or held payout now; the claim and its audit entry are one transaction. */
export async function retryPayoutAsAdmin(
  db: Db,
  driver: PaymentsDriver,
  actor: Actor | null,
  input: z.input<typeof retryPayoutSchema>,
  now = new Date(),
): Promise<{ status: PayoutStatus; message: string }> {
  const admin = assertAdmin(actor);
  const parsed = retryPayoutSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("not_found");
  const { payoutId } = parsed.data;
  const [current] = await queryRows<{ status: PayoutStatus; creator_id: string }>(db, sql`select status, creator_id from payouts where id = ${payoutId}`);
  if (!current) throw new DomainError("not_found");
  if (current.status !== "failed" && current.status !== "held") throw new DomainError("settlement.not_retryable");
  const [inFlight] = await queryRows<{ id: string }>(
    db,
    sql`select id from payouts where creator_id = ${current.creator_id} and status = 'processing' and id <> ${payoutId} limit 1`,
  );
  if (inFlight) throw new DomainError("settlement.busy");
  const e = env();
  const batch = await claimPayouts(db, { scope: { kind: "one", payoutId }, now, limit: 1, minPayoutCents: e.MIN_PAYOUT_CENTS, audit: { actorId: admin.id } });
  if (batch.picked === 0) throw new DomainError("settlement.busy");
  if (batch.held.length) {
    return { status: "held", message: `Still held: ${batch.held[0].reason.replace(/_/g, " ")}.` };
  }
  const outcome = await sendPayout(db, driver, batch.claimed[0], now, e.MIN_PAYOUT_CENTS);
  const messages: Record<SendOutcome, { status: PayoutStatus; message: string }> = {
    paid: { status: "paid", message: "Paid: the transfer went through." },
    failed: { status: "failed", message: "Stripe refused the transfer again; the reason is on the payout." },
    held: { status: "held", message: "Held: the platform balance is too low right now." },
    ambiguous: { status: "processing", message: "Sent, but Stripe's answer is not confirmed yet; the next run reconciles it." },
  };
  return messages[outcome];
}
