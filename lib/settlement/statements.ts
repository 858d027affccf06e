// A creator's monthly statement, read only from the ledger (ARCHITECTURE.md, "Where money moves"): opening balance, sales (gross, fee,
// net), refunds, payouts and their reversals, closing balance; and the months a creator has a statement for.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { creatorAccount } from "@/lib/ledger/journal";
import { assertPayoutReader } from "./creator-payouts";
import { periodBounds } from "./periods";

/** Sales and refunds of one listing within the period; all amounts positive cents. */
export type StatementListing = {
  listingId: string | null;
  title: string;
  sales: number;
  grossCents: number;
  feeCents: number;
  netCents: number;
  refunds: number;
  /** What the creator gave back (their share of the refunded amount). */
  refundedCents: number;
  /** The platform fee returned with those refunds. */
  refundedFeeCents: number;
};

export type StatementPayout = {
  journalId: string;
  kind: "payout" | "payout_reversal";
  payoutId: string | null;
  payoutPeriod: string | null;
  transferId: string | null;
  /** Positive: sent for a payout, returned for a reversal. */
  amountCents: number;
  at: Date;
};

export type CreatorStatement = {
  period: string;
  start: Date;
  end: Date;
  currency: string;
  openingCents: number;
  sales: { count: number; grossCents: number; feeCents: number; netCents: number };
  refunds: { count: number; grossCents: number; feeReturnedCents: number; creatorCents: number };
  payoutsCents: number;
  reversalsCents: number;
  /** Manual corrections, signed (rare; shown only when there are any). */
  adjustmentsCents: number;
  closingCents: number;
  listings: StatementListing[];
  payouts: StatementPayout[];
};

type KindRow = { kind: string; journals: number; creator: string; platform: string; buyers: string };
type ListingRow = { kind: string; listing_id: string | null; title: string | null; journals: number; creator: string; platform: string; buyers: string };
type PayoutRow = {
  journal_id: string;
  kind: "payout" | "payout_reversal";
  payout_id: string | null;
  payout_period: string | null;
  transfer_id: string | null;
  creator: string;
  at: Date | string;
};

const n = (v: string | number | null | undefined) => Number(v ?? 0);
// Negated without producing -0 (which prints as "-$0.00").
const neg = (v: string | number | null | undefined) => 0 - n(v);

/** The signed-in creator's statement for a closed or open month `YYYY-MM`. */
export async function creatorStatement(db: Db, actor: Actor | null, input: { period: string }): Promise<CreatorStatement> {
  const creator = assertPayoutReader(actor);
  const { start, end } = periodBounds(input.period);
  const account = creatorAccount(creator.id);
  const from = start.toISOString();
  const to = end.toISOString();
  // The creator's lines in the period pick the journals; the other lines of those journals give gross and fee.
  const mine = sql`select distinct journal_id from ledger_entries
                    where account = ${account} and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz`;
  const lineSums = sql`coalesce(sum(e.amount_cents) filter (where e.account = ${account}), 0)::text as creator,
                       coalesce(sum(e.amount_cents) filter (where e.account = 'platform'), 0)::text as platform,
                       coalesce(sum(e.amount_cents) filter (where e.account = 'buyers'), 0)::text as buyers`;

  const [balances, byKind, byListing, payoutLines] = await Promise.all([
    queryRows<{ opening: string; closing: string }>(
      db,
      sql`select coalesce(sum(amount_cents) filter (where created_at < ${from}::timestamptz), 0)::text as opening,
                 coalesce(sum(amount_cents) filter (where created_at < ${to}::timestamptz), 0)::text as closing
            from ledger_entries where account = ${account}`,
    ),
    queryRows<KindRow>(
      db,
      sql`select e.kind, count(distinct e.journal_id)::int as journals, ${lineSums}
            from ledger_entries e where e.journal_id in (${mine}) group by e.kind`,
    ),
    queryRows<ListingRow>(
      db,
      sql`select e.kind, o.listing_id::text as listing_id, max(l.title) as title, count(distinct e.journal_id)::int as journals, ${lineSums}
            from ledger_entries e
            left join orders o on o.id = e.order_id
            left join listings l on l.id = o.listing_id
           where e.journal_id in (${mine}) and e.kind in ('sale', 'refund')
           group by e.kind, o.listing_id`,
    ),
    queryRows<PayoutRow>(
      db,
      sql`select e.journal_id::text as journal_id, e.kind, e.payout_id::text as payout_id, p.period as payout_period,
                 p.stripe_transfer_id as transfer_id, e.amount_cents::text as creator, e.created_at as at
            from ledger_entries e left join payouts p on p.id = e.payout_id
           where e.account = ${account} and e.kind in ('payout', 'payout_reversal')
             and e.created_at >= ${from}::timestamptz and e.created_at < ${to}::timestamptz
           order by e.created_at, e.id`,
    ),
  ]);

  const kind = (k: string) => byKind.find((r) => r.kind === k);
  const sale = kind("sale");
  const refund = kind("refund");

  const listings = new Map<string, StatementListing>();
  for (const row of byListing) {
    const key = row.listing_id ?? "none";
    const entry = listings.get(key) ?? {
      listingId: row.listing_id,
      title: row.title ?? "Other sales",
      sales: 0,
      grossCents: 0,
      feeCents: 0,
      netCents: 0,
      refunds: 0,
      refundedCents: 0,
      refundedFeeCents: 0,
    };
    if (row.kind === "sale") {
      entry.sales += row.journals;
      entry.grossCents += neg(row.buyers);
      entry.feeCents += n(row.platform);
      entry.netCents += n(row.creator);
    } else {
      entry.refunds += row.journals;
      entry.refundedCents += neg(row.creator);
      entry.refundedFeeCents += neg(row.platform);
    }
    listings.set(key, entry);
  }

  return {
    period: input.period,
    start,
    end,
    currency: "usd",
    openingCents: n(balances[0]?.opening),
    sales: { count: sale?.journals ?? 0, grossCents: neg(sale?.buyers), feeCents: n(sale?.platform), netCents: n(sale?.creator) },
    refunds: {
      count: refund?.journals ?? 0,
      grossCents: n(refund?.buyers),
      feeReturnedCents: neg(refund?.platform),
      creatorCents: neg(refund?.creator),
    },
    payoutsCents: neg(kind("payout")?.creator),
    reversalsCents: n(kind("payout_reversal")?.creator),
    adjustmentsCents: n(kind("adjustment")?.creator),
    closingCents: n(balances[0]?.closing),
    listings: [...listings.values()].sort((a, b) => b.netCents - a.netCents || a.title.localeCompare(b.title)),
    payouts: payoutLines.map((p) => ({
      journalId: p.journal_id,
      kind: p.kind,
      payoutId: p.payout_id,
      payoutPeriod: p.payout_period,
      transferId: p.transfer_id,
      amountCents: Math.abs(n(p.creator)),
      at: new Date(p.at),
    })),
  };
}

/** opening + net sales − refunds − payouts + reversals + adjustments: must equal the closing balance. */
export function statementComputedClosing(s: CreatorStatement): number {
  return s.openingCents + s.sales.netCents - s.refunds.creatorCents - s.payoutsCents + s.reversalsCents + s.adjustmentsCents;
}

/** Months (YYYY-MM, newest first) in which the signed-in creator's account moved. */
export async function creatorStatementPeriods(db: Db, actor: Actor | null): Promise<string[]> {
  const creator = assertPayoutReader(actor);
  const rows = await queryRows<{ period: string }>(
    db,
    sql`select distinct to_char(created_at at time zone 'UTC', 'YYYY-MM') as period
          from ledger_entries where account = ${creatorAccount(creator.id)}
         order by period desc`,
  );
  return rows.map((r) => r.period);
}
