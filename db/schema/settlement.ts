// Money out: the monthly settlement runs, the payouts they plan and pay, and the local driver's transfers.
import { sql, type InferSelectModel } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt, currency, primaryId, requiredRef } from "./columns";
import { users } from "./users-and-creators";

/**
 * A payout's life (ARCHITECTURE.md, "Where money moves"): planned `pending` → `processing` (claimed: amount fixed, journal posted,
 * transfer in flight) → `paid`; or `held` with a reason the creator sees; a definite refusal is `failed`
 * (journal reversed); an open held/failed row is `carried` into the creator's next period; a paid transfer
 * that Stripe reverses becomes `reversed`. Plain text with a check, so new states never need ALTER TYPE.
 */
export const PAYOUT_STATUSES = ["pending", "held", "processing", "paid", "failed", "carried", "reversed"] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export const PAYOUT_HOLD_REASONS = ["below_minimum", "onboarding_incomplete", "account_restricted", "negative_balance", "platform_balance_short"] as const;

export type PayoutHoldReason = (typeof PAYOUT_HOLD_REASONS)[number];
export const settlementStatus = pgEnum("settlement_status", ["running", "completed", "failed"]);

export const settlementRuns = pgTable(
  "settlement_runs",
  {
    id: primaryId(),
    period: text().notNull(),
    status: settlementStatus().notNull().default("running"),
    // Set once every creator with a balance has a payout row for the period (the plan step).
    plannedAt: timestamp({ withTimezone: true }),
    creatorsConsidered: integer().notNull().default(0),
    creatorsPaid: integer().notNull().default(0),
    creatorsCarried: integer().notNull().default(0),
    creatorsFailed: integer().notNull().default(0),
    creatorsRemaining: integer().notNull().default(0),
    totalPaidCents: bigint({ mode: "number" }).notNull().default(0),
    invocations: integer().notNull().default(0),
    lastInvocationAt: timestamp({ withTimezone: true }),
    error: text(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("settlement_runs_period_key").on(t.period), check("settlement_runs_period_shape", sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)],
);

export const payouts = pgTable(
  "payouts",
  {
    id: primaryId(),
    creatorId: requiredRef(() => users.id, "restrict"),
    settlementRunId: uuid().references(() => settlementRuns.id, { onDelete: "set null" }),
    period: text().notNull(),
    // Fixed when claimed (processing); for pending/held rows, what would be paid now.
    amountCents: bigint({ mode: "number" }).notNull(),
    // The creator's ledger balance when the period closed (the cap on what this period pays).
    periodEndBalanceCents: bigint({ mode: "number" }).notNull().default(0),
    currency: currency(),
    status: text().$type<PayoutStatus>().notNull().default("pending"),
    holdReason: text().$type<PayoutHoldReason>(),
    stripeAccountId: text(),
    stripeTransferId: text(),
    failureReason: text(),
    // Claims so far; each claim gets its own idempotency key (the payout id for the first).
    attempts: integer().notNull().default(0),
    idempotencyKey: text(),
    // When the current key was first sent: Stripe forgets keys after 24 h, so after 20 h we look the transfer up.
    keyFirstUsedAt: timestamp({ withTimezone: true }),
    // A processing payout is being worked on until then; after it, a later call may resume it.
    leaseUntil: timestamp({ withTimezone: true }),
    claimedAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
    carriedIntoPeriod: text(),
    reversedCents: bigint({ mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payouts_creator_period_key").on(t.creatorId, t.period),
    uniqueIndex("payouts_transfer_key").on(t.stripeTransferId),
    index("payouts_status_idx").on(t.status),
    index("payouts_period_status_idx").on(t.period, t.status),
    check("payouts_status_known", sql`${t.status} in ('pending', 'held', 'processing', 'paid', 'failed', 'carried', 'reversed')`),
    check(
      "payouts_hold_reason_known",
      sql`${t.holdReason} is null or ${t.holdReason} in ('below_minimum', 'onboarding_incomplete', 'account_restricted', 'negative_balance', 'platform_balance_short')`,
    ),
    check("payouts_amount_positive", sql`${t.status} in ('pending', 'held', 'carried') or ${t.amountCents} > 0`),
    check("payouts_reversed_range", sql`${t.reversedCents} >= 0 and ${t.reversedCents} <= greatest(${t.amountCents}, 0)`),
    check("payouts_period_shape", sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/**
 * The `local` payments driver's transfers (ARCHITECTURE.md, "Payments drivers"): kept in the database like Stripe keeps them, so
 * idempotency keys, lookups by transfer group and reversals behave the same across processes and crashes.
 */
export const localStripeTransfers = pgTable(
  "local_stripe_transfers",
  {
    id: text().primaryKey(),
    idempotencyKey: text().notNull(),
    amountCents: bigint({ mode: "number" }).notNull(),
    currency: currency(),
    destination: text().notNull(),
    transferGroup: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    reversedCents: bigint({ mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("local_stripe_transfers_key_idx").on(t.idempotencyKey, t.createdAt), index("local_stripe_transfers_group_idx").on(t.transferGroup)],
);

export type Payout = InferSelectModel<typeof payouts>;
export type SettlementRun = InferSelectModel<typeof settlementRuns>;
