// The creator dashboard's numbers: this month, lifetime, the payable balance (ledger), a 30-day series,
// recent sales and per-listing performance. Earnings always come from the ledger; sales from orders.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { formatMonth } from "@/lib/format";
import { creatorAccount } from "@/lib/ledger/journal";
import { entitledOrder } from "@/lib/orders/entitlement";
import type { ListingStatus } from "@/db/schema";
import type { Kind } from "@/lib/listings/kinds";

export type DayPoint = { day: string; sales: number; earningsCents: number };

export type ListingPerformance = {
  id: string;
  title: string;
  slug: string;
  kind: Kind;
  status: ListingStatus;
  views30: number;
  sales30: number;
  salesTotal: number;
  earnings30Cents: number;
  /** Sales per view over 30 days, or null without views. */
  conversion30: number | null;
  ratingAvg: number;
  ratingCount: number;
};

export type RecentSale = {
  orderId: string;
  listingId: string;
  listingTitle: string;
  paidAt: string;
  priceCents: number;
  creatorShareCents: number;
  status: string;
  currency: string;
};

export type CreatorStats = {
  month: { label: string; sales: number; earningsCents: number };
  payableCents: number;
  lifetime: { sales: number; earningsCents: number; paidOutCents: number };
  daily: DayPoint[];
  recentSales: RecentSale[];
  listings: ListingPerformance[];
};

/** An order aliased `o` was sold: paid at some point (it may be disputed or refunded since). The admin overview counts sales by it too. */
export const SOLD = sql.raw(`o.paid_at is not null and o.status in ('paid', 'disputed', 'refunded')`);
// What counts as earnings on the creator's account: sales and their refunds (payouts only move the balance).
const EARNING_KINDS = sql.raw(`('sale', 'refund', 'adjustment')`);

/** Every number on the dashboard for the acting creator, as of `now` (UTC days and months). */
export async function creatorStats(db: Db, actor: Actor | null, now = new Date()): Promise<CreatorStats> {
  const user = assertSignedIn(actor);
  const account = creatorAccount(user.id);
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const today = now.toISOString().slice(0, 10);
  // The first instant of the 30-day window, in UTC whatever the session's time zone.
  const since = sql`((${today}::date - 29)::timestamp at time zone 'UTC')`;
  const [totals, daily, recentSales, perListing] = await Promise.all([
    queryRows<{ month_sales: number; month_earnings: string; sales: number; earnings: string; paid_out: string; balance: string }>(
      db,
      sql`select
            (select count(*)::int from orders o where o.creator_id = ${user.id} and ${SOLD} and o.paid_at >= ${monthStart.toISOString()}::timestamptz) as month_sales,
            (select coalesce(sum(amount_cents), 0) from ledger_entries where account = ${account} and kind in ${EARNING_KINDS} and created_at >= ${monthStart.toISOString()}::timestamptz) as month_earnings,
            (select count(*)::int from orders o where o.creator_id = ${user.id} and ${SOLD}) as sales,
            (select coalesce(sum(amount_cents), 0) from ledger_entries where account = ${account} and kind in ${EARNING_KINDS}) as earnings,
            (select coalesce(-sum(amount_cents), 0) from ledger_entries where account = ${account} and kind in ('payout', 'payout_reversal')) as paid_out,
            (select coalesce(sum(amount_cents), 0) from ledger_entries where account = ${account}) as balance`,
    ),
    queryRows<{ day: string; sales: number; earnings: string }>(
      db,
      sql`with days as (
            select generate_series(${today}::date - 29, ${today}::date, interval '1 day')::date as day
          )
          select to_char(d.day, 'YYYY-MM-DD') as day,
                 coalesce(s.n, 0)::int as sales,
                 coalesce(e.total, 0) as earnings
          from days d
          left join (
            select (o.paid_at at time zone 'UTC')::date as day, count(*) as n
            from orders o
            where o.creator_id = ${user.id} and ${SOLD} and o.paid_at >= ${since}
            group by 1
          ) s on s.day = d.day
          left join (
            select (created_at at time zone 'UTC')::date as day, sum(amount_cents) as total
            from ledger_entries
            where account = ${account} and kind in ${EARNING_KINDS} and created_at >= ${since}
            group by 1
          ) e on e.day = d.day
          order by d.day`,
    ),
    queryRows<RecentSale>(
      db,
      sql`select o.id as "orderId", l.id as "listingId", l.title as "listingTitle",
                 to_char(o.paid_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "paidAt",
                 o.price_cents as "priceCents", o.creator_share_cents as "creatorShareCents", o.status::text as status, o.currency
          from orders o join listings l on l.id = o.listing_id
          where o.creator_id = ${user.id} and ${SOLD}
          order by o.paid_at desc, o.id desc
          limit 10`,
    ),
    queryRows<{
      id: string;
      title: string;
      slug: string;
      kind: Kind;
      status: ListingStatus;
      views30: number;
      sales30: number;
      salesTotal: number;
      earnings30: string;
      ratingAvg: string;
      ratingCount: number;
    }>(
      db,
      sql`select l.id, l.title, l.slug, l.kind, l.status,
                 coalesce((select sum(st.views) from listing_daily_stats st where st.listing_id = l.id and st.day >= ${today}::date - 29), 0)::int as "views30",
                 coalesce(s.n, 0)::int as "sales30",
                 l.sales_count as "salesTotal",
                 coalesce(s.share, 0) as "earnings30",
                 l.rating_avg::float8 as "ratingAvg",
                 l.rating_count as "ratingCount"
          from listings l
          left join (
            select o.listing_id, count(*) as n, sum(o.creator_share_cents) as share
            from orders o
            where o.creator_id = ${user.id} and o.paid_at >= ${since} and ${entitledOrder("o")}
            group by o.listing_id
          ) s on s.listing_id = l.id
          where l.creator_id = ${user.id} and l.status in ('published', 'unpublished', 'removed')
          order by coalesce(s.n, 0) desc, l.sales_count desc, l.published_at desc nulls last
          limit 100`,
    ),
  ]);
  const t = totals[0];
  return {
    month: {
      label: formatMonth(monthStart),
      sales: t?.month_sales ?? 0,
      earningsCents: Number(t?.month_earnings ?? 0),
    },
    payableCents: Number(t?.balance ?? 0),
    lifetime: { sales: t?.sales ?? 0, earningsCents: Number(t?.earnings ?? 0), paidOutCents: Number(t?.paid_out ?? 0) },
    daily: daily.map((d) => ({ day: d.day, sales: Number(d.sales), earningsCents: Number(d.earnings) })),
    recentSales: recentSales.map((r) => ({ ...r, priceCents: Number(r.priceCents), creatorShareCents: Number(r.creatorShareCents) })),
    listings: perListing.map((l) => ({
      id: l.id,
      title: l.title,
      slug: l.slug,
      kind: l.kind,
      status: l.status,
      views30: Number(l.views30),
      sales30: Number(l.sales30),
      salesTotal: Number(l.salesTotal),
      earnings30Cents: Number(l.earnings30),
      conversion30: Number(l.views30) > 0 ? Number(l.sales30) / Number(l.views30) : null,
      ratingAvg: Number(l.ratingAvg),
      ratingCount: Number(l.ratingCount),
    })),
  };
}
