// What admins see of settlements (ARCHITECTURE.md, "Where money moves"): the runs, one period's payouts with filters, and whether the
// `payouts` ledger account agrees with the payouts the period sent. Read-only; every function checks for an admin.
import "server-only";
import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db } from "@/db/client";
import { creatorProfiles, PAYOUT_HOLD_REASONS, PAYOUT_STATUSES, payouts, settlementRuns, users, type PayoutHoldReason, type PayoutStatus } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import type { Page } from "./creator-payouts";
import { PERIOD_PATTERN } from "./periods";
import { containsPattern } from "@/lib/like-pattern";

/** A processing payout claimed longer ago than this needs a person to look at it. */
export const STUCK_AFTER_MS = 24 * 60 * 60 * 1000;

export type SettlementRunRow = {
  id: string;
  period: string;
  status: "running" | "completed" | "failed";
  plannedAt: Date | null;
  considered: number;
  paid: number;
  carried: number;
  failed: number;
  remaining: number;
  /** Creators done (paid, held, failed): considered − remaining. */
  progress: number;
  totalPaidCents: number;
  invocations: number;
  lastInvocationAt: Date | null;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
};

const runColumns = {
  id: settlementRuns.id,
  period: settlementRuns.period,
  status: settlementRuns.status,
  plannedAt: settlementRuns.plannedAt,
  considered: settlementRuns.creatorsConsidered,
  paid: settlementRuns.creatorsPaid,
  carried: settlementRuns.creatorsCarried,
  failed: settlementRuns.creatorsFailed,
  remaining: settlementRuns.creatorsRemaining,
  totalPaidCents: settlementRuns.totalPaidCents,
  invocations: settlementRuns.invocations,
  lastInvocationAt: settlementRuns.lastInvocationAt,
  startedAt: settlementRuns.startedAt,
  finishedAt: settlementRuns.finishedAt,
  error: settlementRuns.error,
};

function toRun(row: Omit<SettlementRunRow, "progress">): SettlementRunRow {
  return { ...row, totalPaidCents: Number(row.totalPaidCents), progress: Math.max(row.considered - row.remaining, 0) };
}

function checkPeriod(period: string) {
  if (!PERIOD_PATTERN.test(period)) throw new DomainError("settlement.bad_period");
}

function pageOf(input: { page?: number; pageSize?: number }, defaultSize: number) {
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize ?? defaultSize), 1), 200);
  return { pageSize, page: Math.max(Math.trunc(input.page ?? 1), 1) };
}

/** Every settlement run, newest period first. */
export async function listSettlementRuns(db: Db, actor: Actor | null, input: { page?: number; pageSize?: number } = {}): Promise<Page<SettlementRunRow>> {
  assertAdmin(actor);
  const { page, pageSize } = pageOf(input, 24);
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: sql<number>`count(*)::int` }).from(settlementRuns),
    db
      .select(runColumns)
      .from(settlementRuns)
      .orderBy(desc(settlementRuns.period))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  ]);
  return { rows: rows.map(toRun), page, pageSize, total, pageCount: Math.max(Math.ceil(total / pageSize), 1) };
}

export type PeriodCounts = { byStatus: Partial<Record<PayoutStatus, number>>; byHoldReason: Partial<Record<PayoutHoldReason, number>> };

/** One period's run (null before it first ran) and how its payouts stand. */
export async function settlementRunForPeriod(
  db: Db,
  actor: Actor | null,
  input: { period: string },
): Promise<{ run: SettlementRunRow | null; counts: PeriodCounts }> {
  assertAdmin(actor);
  checkPeriod(input.period);
  const [[run], groups] = await Promise.all([
    db.select(runColumns).from(settlementRuns).where(eq(settlementRuns.period, input.period)).limit(1),
    db
      .select({ status: payouts.status, holdReason: payouts.holdReason, n: sql<number>`count(*)::int` })
      .from(payouts)
      .where(eq(payouts.period, input.period))
      .groupBy(payouts.status, payouts.holdReason),
  ]);
  const counts: PeriodCounts = { byStatus: {}, byHoldReason: {} };
  for (const g of groups) {
    counts.byStatus[g.status] = (counts.byStatus[g.status] ?? 0) + g.n;
    if (g.status === "held" && g.holdReason) counts.byHoldReason[g.holdReason] = (counts.byHoldReason[g.holdReason] ?? 0) + g.n;
  }
  return { run: run ? toRun(run) : null, counts };
}

/** The filters of the payouts table, parsed from the page's query string (unknown values are dropped). */
export const runPayoutsFilter = z.object({
  status: z.enum(PAYOUT_STATUSES).optional().catch(undefined),
  holdReason: z.enum(PAYOUT_HOLD_REASONS).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});
export type RunPayoutsFilter = z.infer<typeof runPayoutsFilter>;

export type RunPayoutRow = {
  id: string;
  creatorId: string;
  email: string;
  handle: string | null;
  amountCents: number;
  periodEndBalanceCents: number;
  reversedCents: number;
  currency: string;
  status: PayoutStatus;
  holdReason: PayoutHoldReason | null;
  stripeTransferId: string | null;
  failureReason: string | null;
  attempts: number;
  claimedAt: Date | null;
  paidAt: Date | null;
  carriedIntoPeriod: string | null;
  /** Failed and held payouts can be retried by an admin. */
  retryable: boolean;
};

/** A period's payouts, filtered by status, hold reason or creator email/handle; largest amounts first. */
export async function listRunPayouts(
  db: Db,
  actor: Actor | null,
  input: { period: string; pageSize?: number } & RunPayoutsFilter,
): Promise<Page<RunPayoutRow>> {
  assertAdmin(actor);
  checkPeriod(input.period);
  const { page: requested, pageSize } = pageOf(input, 50);
  const filters: (SQL | undefined)[] = [
    eq(payouts.period, input.period),
    input.status ? eq(payouts.status, input.status) : undefined,
    input.holdReason ? eq(payouts.holdReason, input.holdReason) : undefined,
  ];
  const q = input.q?.trim();
  if (q) filters.push(or(ilike(users.email, containsPattern(q)), ilike(creatorProfiles.handle, containsPattern(q.replace(/^@/, "")))));
  const where = and(...filters);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(payouts)
    .innerJoin(users, eq(users.id, payouts.creatorId))
    .leftJoin(creatorProfiles, eq(creatorProfiles.userId, payouts.creatorId))
    .where(where);
  const pageCount = Math.max(Math.ceil(total / pageSize), 1);
  // A page past the end shows the last page.
  const page = Math.min(requested, pageCount);
  const rows = await db
    .select({
      id: payouts.id,
      creatorId: payouts.creatorId,
      email: users.email,
      handle: creatorProfiles.handle,
      amountCents: payouts.amountCents,
      periodEndBalanceCents: payouts.periodEndBalanceCents,
      reversedCents: payouts.reversedCents,
      currency: payouts.currency,
      status: payouts.status,
      holdReason: payouts.holdReason,
      stripeTransferId: payouts.stripeTransferId,
      failureReason: payouts.failureReason,
      attempts: payouts.attempts,
      claimedAt: payouts.claimedAt,
      paidAt: payouts.paidAt,
      carriedIntoPeriod: payouts.carriedIntoPeriod,
    })
    .from(payouts)
    .innerJoin(users, eq(users.id, payouts.creatorId))
    .leftJoin(creatorProfiles, eq(creatorProfiles.userId, payouts.creatorId))
    .where(where)
    .orderBy(desc(payouts.amountCents), asc(users.email))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    rows: rows.map((r) => ({
      ...r,
      amountCents: Number(r.amountCents),
      periodEndBalanceCents: Number(r.periodEndBalanceCents),
      reversedCents: Number(r.reversedCents),
      retryable: r.status === "failed" || r.status === "held",
    })),
    page,
    pageSize,
    total,
    pageCount,
  };
}

export type StuckPayout = { id: string; email: string; handle: string | null; amountCents: number; claimedAt: Date; attempts: number };
export type LedgerMismatch = { payoutId: string; email: string; status: PayoutStatus; ledgerCents: number; expectedCents: number };

export type PeriodReconciliation = {
  period: string;
  /** Net movement of the `payouts` ledger account on this period's payouts (payout journals − reversals). */
  ledgerCents: number;
  /** Paid payouts' amounts minus what Stripe reversed. */
  paidNetCents: number;
  /** Claimed payouts whose transfer is not confirmed yet: their journal is posted, so the ledger counts them. */
  inFlight: { count: number; cents: number };
  /** ledgerCents − paidNetCents − inFlight.cents; zero when the books agree. */
  differenceCents: number;
  balanced: boolean;
  transfers: { count: number; cents: number; reversedCents: number };
  /** Paid payouts with no transfer id: should never happen. */
  paidWithoutTransfer: number;
  /** Processing for longer than 24 h since the claim. */
  stuck: StuckPayout[];
  /** Payouts whose own ledger movements disagree with their status (first 50). */
  mismatches: LedgerMismatch[];
};

/** Checks the `payouts` ledger account against the period's payouts, and flags payouts stuck in flight. */
export async function periodReconciliation(db: Db, actor: Actor | null, input: { period: string; now?: Date }): Promise<PeriodReconciliation> {
  assertAdmin(actor);
  checkPeriod(input.period);
  const now = input.now ?? new Date();
  const stuckBefore = new Date(now.getTime() - STUCK_AFTER_MS);
  // Per payout: what the `payouts` account moved, and what its status says it should have moved.
  const perPayout = sql`
    select p.id, p.status, p.creator_id, p.amount_cents, p.reversed_cents, p.stripe_transfer_id,
           coalesce(l.moved, 0)::bigint as ledger,
           (case when p.status in ('paid', 'reversed') then p.amount_cents - p.reversed_cents
                 when p.status = 'processing' then p.amount_cents else 0 end)::bigint as expected
      from payouts p
      left join (select payout_id, sum(amount_cents) as moved from ledger_entries where account = 'payouts' and payout_id is not null group by payout_id) l
        on l.payout_id = p.id
     where p.period = ${input.period}`;
  const [[totals], stuck, mismatches] = await Promise.all([
    queryRows<{
      ledger: string;
      paid_net: string;
      in_flight_n: number;
      in_flight: string;
      transfers_n: number;
      transfers: string;
      transfers_reversed: string;
      paid_without: number;
    }>(
      db,
      sql`with pp as (${perPayout})
          select coalesce(sum(ledger), 0)::text as ledger,
                 coalesce(sum(amount_cents - reversed_cents) filter (where status in ('paid', 'reversed')), 0)::text as paid_net,
                 (count(*) filter (where status = 'processing'))::int as in_flight_n,
                 coalesce(sum(amount_cents) filter (where status = 'processing'), 0)::text as in_flight,
                 (count(*) filter (where status in ('paid', 'reversed') and stripe_transfer_id is not null))::int as transfers_n,
                 coalesce(sum(amount_cents) filter (where status in ('paid', 'reversed') and stripe_transfer_id is not null), 0)::text as transfers,
                 coalesce(sum(reversed_cents) filter (where status in ('paid', 'reversed') and stripe_transfer_id is not null), 0)::text as transfers_reversed,
                 (count(*) filter (where status = 'paid' and stripe_transfer_id is null))::int as paid_without
            from pp`,
    ),
    db
      .select({
        id: payouts.id,
        email: users.email,
        handle: creatorProfiles.handle,
        amountCents: payouts.amountCents,
        claimedAt: payouts.claimedAt,
        attempts: payouts.attempts,
      })
      .from(payouts)
      .innerJoin(users, eq(users.id, payouts.creatorId))
      .leftJoin(creatorProfiles, eq(creatorProfiles.userId, payouts.creatorId))
      .where(and(eq(payouts.period, input.period), eq(payouts.status, "processing"), sql`${payouts.claimedAt} < ${stuckBefore.toISOString()}::timestamptz`))
      .orderBy(asc(payouts.claimedAt)),
    queryRows<{ id: string; email: string; status: PayoutStatus; ledger: string; expected: string }>(
      db,
      sql`with pp as (${perPayout})
          select pp.id, u.email, pp.status, pp.ledger::text as ledger, pp.expected::text as expected
            from pp join users u on u.id = pp.creator_id
           where pp.ledger <> pp.expected
           order by abs(pp.ledger - pp.expected) desc
           limit 50`,
    ),
  ]);
  const ledgerCents = Number(totals?.ledger ?? 0);
  const paidNetCents = Number(totals?.paid_net ?? 0);
  const inFlight = { count: totals?.in_flight_n ?? 0, cents: Number(totals?.in_flight ?? 0) };
  const differenceCents = ledgerCents - paidNetCents - inFlight.cents;
  return {
    period: input.period,
    ledgerCents,
    paidNetCents,
    inFlight,
    differenceCents,
    balanced: differenceCents === 0 && mismatches.length === 0,
    transfers: { count: totals?.transfers_n ?? 0, cents: Number(totals?.transfers ?? 0), reversedCents: Number(totals?.transfers_reversed ?? 0) },
    paidWithoutTransfer: totals?.paid_without ?? 0,
    stuck: stuck.map((s) => ({ ...s, amountCents: Number(s.amountCents), claimedAt: s.claimedAt ?? now })),
    mismatches: mismatches.map((m) => ({ payoutId: m.id, email: m.email, status: m.status, ledgerCents: Number(m.ledger), expectedCents: Number(m.expected) })),
  };
}
