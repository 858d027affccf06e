// The admin overview's numbers: money per month (current and the 12 before it) read from the ledger, orders per day
// for 30 days, top creators and listings by revenue, and the queues waiting for an admin. Money always comes from
// ledger_entries (ARCHITECTURE.md, "Where money moves"); counts of sales from orders.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { OrderStatus, PayoutStatus, Report } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { JournalKind, LedgerAccount } from "@/lib/ledger/journal";
import { approvalQueuePage } from "@/lib/moderation/queue";
import { SOLD } from "@/lib/sales-stats/creator-stats";
import { STUCK_AFTER_MS } from "@/lib/settlement/admin-runs";
import { periodLabel, periodOf } from "@/lib/settlement/periods";

// The ledger's names, typed against lib/ledger so a rename there fails here.
const BUYERS = "buyers" satisfies LedgerAccount;
const PLATFORM = "platform" satisfies LedgerAccount;
const PAYOUTS = "payouts" satisfies LedgerAccount;
const SALE = "sale" satisfies JournalKind;
const REFUND = "refund" satisfies JournalKind;
const DISPUTED = "disputed" satisfies OrderStatus;
const NEEDS_ATTENTION = ["failed", "held"] as const satisfies readonly PayoutStatus[];
const PROCESSING = "processing" satisfies PayoutStatus;
const OPEN_REPORT = "open" satisfies Report["status"];

/** One month of money, in cents, all positive except net, which is what the platform kept. */
export type MonthFigures = {
  period: string;
  label: string;
  /** What buyers paid for sales booked this month. */
  grossCents: number;
  /** The platform's fee on those sales. */
  feesCents: number;
  /** Given back to buyers (refunds and lost disputes) this month. */
  refundsCents: number;
  /** The part of those refunds that came out of the platform's fees. */
  feesReturnedCents: number;
  /** Orders sold this month that are disputed now, and what they put at stake. */
  disputes: number;
  disputedCents: number;
  /** Sent to creators this month, less transfers reversed. */
  payoutsCents: number;
  /** What the platform kept: the platform account's movement (fees less fees returned). */
  netCents: number;
  /** Orders sold (paid, including free ones) this month. */
  orders: number;
};

export type OverviewDay = { day: string; orders: number; grossCents: number };

export type TopCreator = { creatorId: string; email: string; handle: string | null; name: string; sales: number; revenueCents: number };
export type TopListing = { listingId: string; title: string; slug: string; creatorHandle: string | null; sales: number; revenueCents: number };

export type OverviewQueues = {
  /** New versions and live listings' text changes waiting for approval (the approval queue's count and its first item). */
  approvals: { waiting: number; oldestSubmittedAt: Date | null };
  reports: { open: number; oldestAt: Date | null };
  payouts: { failed: number; held: number; stuck: number; oldestPeriod: string | null };
};

export type PlatformOverview = {
  /** The current month last, the twelve before it first. */
  months: MonthFigures[];
  currentMonth: MonthFigures;
  daily: OverviewDay[];
  topCreators: TopCreator[];
  topListings: TopListing[];
  queues: OverviewQueues;
};

type MonthRow = {
  period: string;
  gross: string;
  fees: string;
  refunds: string;
  fees_returned: string;
  payouts: string;
  net: string;
  disputes: number;
  disputed: string;
  orders: number;
};

const n = (v: string | number | null | undefined) => Number(v ?? 0);
const date = (v: Date | string | null) => (v === null ? null : new Date(v));
const TOP = 10;

/** Every figure on the overview as of `now` (UTC months and days). Revenue tops cover the last 30 days. */
export async function platformOverview(db: Db, actor: Actor | null, now = new Date()): Promise<PlatformOverview> {
  assertAdmin(actor);
  const current = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 1));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const today = day(now);
  // The first instant of the 30-day window in UTC, whatever the session's time zone.
  const since = sql`((${today}::date - 29)::timestamp at time zone 'UTC')`;

  const [months, daily, creators, topListings, queues, approvals] = await Promise.all([
    queryRows<MonthRow>(
      db,
      sql`with months as (
            select generate_series(${day(first)}::timestamp, ${day(current)}::timestamp, interval '1 month') as m
          ),
          ledger as (
            select date_trunc('month', e.created_at at time zone 'UTC') as m,
                   coalesce(-sum(e.amount_cents) filter (where e.kind = ${SALE} and e.account = ${BUYERS}), 0) as gross,
                   coalesce(sum(e.amount_cents) filter (where e.kind = ${SALE} and e.account = ${PLATFORM}), 0) as fees,
                   coalesce(sum(e.amount_cents) filter (where e.kind = ${REFUND} and e.account = ${BUYERS}), 0) as refunds,
                   coalesce(-sum(e.amount_cents) filter (where e.kind = ${REFUND} and e.account = ${PLATFORM}), 0) as fees_returned,
                   coalesce(sum(e.amount_cents) filter (where e.account = ${PAYOUTS}), 0) as payouts,
                   coalesce(sum(e.amount_cents) filter (where e.account = ${PLATFORM}), 0) as net
              from ledger_entries e
             where e.created_at >= (${day(first)}::timestamp at time zone 'UTC') and e.account in (${BUYERS}, ${PLATFORM}, ${PAYOUTS})
             group by 1
          ),
          sold as (
            select date_trunc('month', o.paid_at at time zone 'UTC') as m,
                   count(*)::int as orders,
                   (count(*) filter (where o.status = ${DISPUTED}))::int as disputes,
                   coalesce(sum(o.price_cents - o.refunded_cents) filter (where o.status = ${DISPUTED}), 0) as disputed
              from orders o
             where ${SOLD} and o.paid_at >= (${day(first)}::timestamp at time zone 'UTC')
             group by 1
          )
          select to_char(months.m, 'YYYY-MM') as period,
                 coalesce(l.gross, 0)::text as gross, coalesce(l.fees, 0)::text as fees, coalesce(l.refunds, 0)::text as refunds,
                 coalesce(l.fees_returned, 0)::text as fees_returned, coalesce(l.payouts, 0)::text as payouts, coalesce(l.net, 0)::text as net,
                 coalesce(s.disputes, 0)::int as disputes, coalesce(s.disputed, 0)::text as disputed, coalesce(s.orders, 0)::int as orders
            from months
            left join ledger l on l.m = months.m
            left join sold s on s.m = months.m
           order by months.m`,
    ),
    queryRows<{ day: string; orders: number; gross: string }>(
      db,
      sql`with days as (
            select generate_series(${today}::date - 29, ${today}::date, interval '1 day')::date as day
          ),
          sold as (
            select (o.paid_at at time zone 'UTC')::date as day, count(*)::int as orders, sum(o.price_cents) as gross
              from orders o
             where ${SOLD} and o.paid_at >= ${since}
             group by 1
          )
          select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(s.orders, 0)::int as orders, coalesce(s.gross, 0)::text as gross
            from days d left join sold s on s.day = d.day
           order by d.day`,
    ),
    queryRows<{ creator_id: string; email: string; handle: string | null; name: string; sales: number; revenue: string }>(
      db,
      sql`with revenue as (
            select o.creator_id, (count(*) filter (where e.kind = ${SALE}))::int as sales, -sum(e.amount_cents) as revenue
              from ledger_entries e join orders o on o.id = e.order_id
             where e.account = ${BUYERS} and e.kind in (${SALE}, ${REFUND}) and e.created_at >= ${since}
             group by o.creator_id
          )
          select r.creator_id::text as creator_id, u.email, cp.handle, coalesce(cp.display_name, u.name) as name, r.sales, r.revenue::text as revenue
            from revenue r join users u on u.id = r.creator_id left join creator_profiles cp on cp.user_id = r.creator_id
           where r.revenue > 0
           order by r.revenue desc, r.sales desc, u.email
           limit ${TOP}`,
    ),
    queryRows<{ listing_id: string; title: string; slug: string; handle: string | null; sales: number; revenue: string }>(
      db,
      sql`with revenue as (
            select o.listing_id, (count(*) filter (where e.kind = ${SALE}))::int as sales, -sum(e.amount_cents) as revenue
              from ledger_entries e join orders o on o.id = e.order_id
             where e.account = ${BUYERS} and e.kind in (${SALE}, ${REFUND}) and e.created_at >= ${since}
             group by o.listing_id
          )
          select r.listing_id::text as listing_id, l.title, l.slug, cp.handle, r.sales, r.revenue::text as revenue
            from revenue r join listings l on l.id = r.listing_id left join creator_profiles cp on cp.user_id = l.creator_id
           where r.revenue > 0
           order by r.revenue desc, r.sales desc, l.title
           limit ${TOP}`,
    ),
    queryRows<{
      open_reports: number;
      oldest_report: Date | string | null;
      failed: number;
      held: number;
      stuck: number;
      oldest_period: string | null;
    }>(
      db,
      sql`select
            (select count(*)::int from reports where status = ${OPEN_REPORT}) as open_reports,
            (select min(created_at) from reports where status = ${OPEN_REPORT}) as oldest_report,
            (select count(*)::int from payouts where status = ${NEEDS_ATTENTION[0]}) as failed,
            (select count(*)::int from payouts where status = ${NEEDS_ATTENTION[1]}) as held,
            (select count(*)::int from payouts where status = ${PROCESSING}
                and claimed_at < ${new Date(now.getTime() - STUCK_AFTER_MS).toISOString()}::timestamptz) as stuck,
            (select min(period) from payouts where status in (${NEEDS_ATTENTION[0]}, ${NEEDS_ATTENTION[1]})) as oldest_period`,
    ),
    // Oldest first, so the first entry is the longest wait.
    approvalQueuePage(db, actor, {}, 1),
  ]);

  const figures: MonthFigures[] = months.map((m) => ({
    period: m.period,
    label: periodLabel(m.period),
    grossCents: n(m.gross),
    feesCents: n(m.fees),
    refundsCents: n(m.refunds),
    feesReturnedCents: n(m.fees_returned),
    disputes: n(m.disputes),
    disputedCents: n(m.disputed),
    payoutsCents: n(m.payouts),
    netCents: n(m.net),
    orders: n(m.orders),
  }));
  const q = queues[0];
  return {
    months: figures,
    currentMonth: figures.find((f) => f.period === periodOf(now)) ?? figures[figures.length - 1],
    daily: daily.map((d) => ({ day: d.day, orders: n(d.orders), grossCents: n(d.gross) })),
    topCreators: creators.map((c) => ({
      creatorId: c.creator_id,
      email: c.email,
      handle: c.handle,
      name: c.name,
      sales: n(c.sales),
      revenueCents: n(c.revenue),
    })),
    topListings: topListings.map((l) => ({
      listingId: l.listing_id,
      title: l.title,
      slug: l.slug,
      creatorHandle: l.handle,
      sales: n(l.sales),
      revenueCents: n(l.revenue),
    })),
    queues: {
      approvals: { waiting: approvals.total, oldestSubmittedAt: approvals.rows[0]?.submittedAt ?? null },
      reports: { open: n(q?.open_reports), oldestAt: date(q?.oldest_report ?? null) },
      payouts: { failed: n(q?.failed), held: n(q?.held), stuck: n(q?.stuck), oldestPeriod: q?.oldest_period ?? null },
    },
  };
}
