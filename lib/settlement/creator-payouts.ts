// What a creator sees of their payouts: the balance payable now, what is held and why, when the next
// settlement runs, and the payout history (ARCHITECTURE.md, "Where money moves"). Read-only; the settlement engine writes payouts.
import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { payouts, type PayoutHoldReason, type PayoutStatus } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { env } from "@/lib/env";
import { creatorBalance } from "@/lib/ledger/balance";
import { HOLD_REASON_TITLES, holdReasonText } from "./hold-reasons";
import { nextSettlementDate } from "./periods";

export type { PayoutStatus };

export const PAYOUT_HISTORY_PAGE_SIZE = 12;

export type CreatorPayout = {
  id: string;
  period: string;
  amountCents: number;
  reversedCents: number;
  currency: string;
  status: PayoutStatus;
  holdReason: PayoutHoldReason | null;
  stripeTransferId: string | null;
  failureReason: string | null;
  paidAt: Date | null;
  carriedIntoPeriod: string | null;
};

/** Why the latest open payout was not paid, in the creator's words. */
export type PayoutHold = {
  payoutId: string;
  period: string;
  status: "held" | "failed";
  amountCents: number;
  currency: string;
  title: string;
  text: string;
};

export type Page<T> = { rows: T[]; page: number; pageSize: number; total: number; pageCount: number };

export type CreatorPayoutsOverview = {
  /** The creator's ledger balance now; negative after refunds that outran sales. */
  balanceCents: number;
  /** What could be paid now: the balance, never below zero. */
  payableCents: number;
  minPayoutCents: number;
  nextSettlementAt: Date;
  hold: PayoutHold | null;
  /** Payouts sent and not yet confirmed by Stripe. */
  inFlightCents: number;
  history: Page<CreatorPayout>;
};

const columns = {
  id: payouts.id,
  period: payouts.period,
  amountCents: payouts.amountCents,
  reversedCents: payouts.reversedCents,
  currency: payouts.currency,
  status: payouts.status,
  holdReason: payouts.holdReason,
  stripeTransferId: payouts.stripeTransferId,
  failureReason: payouts.failureReason,
  paidAt: payouts.paidAt,
  carriedIntoPeriod: payouts.carriedIntoPeriod,
};

function toPayout(row: CreatorPayout): CreatorPayout {
  return { ...row, amountCents: Number(row.amountCents), reversedCents: Number(row.reversedCents) };
}

/**
 * A creator reading their own payouts. Unlike assertCreator this lets a suspended creator in: suspension stops
 * selling, not seeing what they are owed (the settlement still pays them).
 */
export function assertPayoutReader(actor: Actor | null): Actor & { creatorHandle: string } {
  const a = assertSignedIn(actor);
  if (!a.creatorHandle) throw new DomainError("auth.not_creator");
  return a as Actor & { creatorHandle: string };
}

/** The sentence shown for a held or failed payout. */
export function describeHold(
  row: Pick<CreatorPayout, "id" | "period" | "status" | "holdReason" | "failureReason" | "amountCents" | "currency">,
  minPayoutCents: number,
): PayoutHold | null {
  if (row.status === "held") {
    const reason = row.holdReason ?? "below_minimum";
    return {
      payoutId: row.id,
      period: row.period,
      status: "held",
      amountCents: row.amountCents,
      currency: row.currency,
      title: HOLD_REASON_TITLES[reason],
      text: holdReasonText(reason, minPayoutCents, row.currency),
    };
  }
  if (row.status === "failed") {
    const why = row.failureReason?.trim() ? row.failureReason.trim().replace(/\.?$/, ".") : "Stripe refused the transfer.";
    return {
      payoutId: row.id,
      period: row.period,
      status: "failed",
      amountCents: row.amountCents,
      currency: row.currency,
      title: "Payout failed",
      text: `${why} The money is back in your balance; we try again at the next daily run.`,
    };
  }
  return null;
}

/** The signed-in creator's balance, hold, next settlement date and one page of payout history (newest first). */
export async function creatorPayoutsOverview(
  db: Db,
  actor: Actor | null,
  input: { page?: number; pageSize?: number; now?: Date } = {},
): Promise<CreatorPayoutsOverview> {
  const creator = assertPayoutReader(actor);
  const now = input.now ?? new Date();
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize ?? PAYOUT_HISTORY_PAGE_SIZE), 1), 100);
  const requestedPage = Math.max(Math.trunc(input.page ?? 1), 1);
  const minPayoutCents = env().MIN_PAYOUT_CENTS;
  const mine = eq(payouts.creatorId, creator.id);

  const [balanceCents, [counts], [open]] = await Promise.all([
    creatorBalance(db, creator.id),
    db
      .select({
        total: sql<number>`count(*)::int`,
        inFlight: sql<string>`coalesce(sum(${payouts.amountCents}) filter (where ${payouts.status} = 'processing'), 0)`,
      })
      .from(payouts)
      .where(mine),
    // Open = not yet carried into a later period: the newest held or failed row is the one that matters now.
    db
      .select(columns)
      .from(payouts)
      .where(and(mine, inArray(payouts.status, ["held", "failed"])))
      .orderBy(desc(payouts.period))
      .limit(1),
  ]);
  const total = counts?.total ?? 0;
  const pageCount = Math.max(Math.ceil(total / pageSize), 1);
  const page = Math.min(requestedPage, pageCount);
  const rows = await db
    .select(columns)
    .from(payouts)
    .where(mine)
    .orderBy(desc(payouts.period), desc(payouts.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  return {
    balanceCents,
    payableCents: Math.max(balanceCents, 0),
    minPayoutCents,
    nextSettlementAt: nextSettlementDate(now),
    hold: open ? describeHold(toPayout(open), minPayoutCents) : null,
    inFlightCents: Number(counts?.inFlight ?? 0),
    history: { rows: rows.map(toPayout), page, pageSize, total, pageCount },
  };
}

/** Every payout of the signed-in creator, newest first (the CSV export). */
export async function creatorPayoutHistory(db: Db, actor: Actor | null): Promise<CreatorPayout[]> {
  const creator = assertPayoutReader(actor);
  const rows = await db.select(columns).from(payouts).where(eq(payouts.creatorId, creator.id)).orderBy(desc(payouts.period), desc(payouts.createdAt));
  return rows.map(toPayout);
}
