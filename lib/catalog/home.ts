// The home page's discovery rails: featured, trending, new, top rated, top creators and category counts.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { entitledOrder } from "@/lib/orders/entitlement";
import type { ListingCard } from "./cards";
import { CARD_COLUMNS, CARD_FROM, PUBLISHED } from "./filters";
import { searchListings, toCard } from "./search";

/** A listing needs this many reviews before it can appear among the top rated. */
export const TOP_RATED_MIN_REVIEWS = 5;
export const TRENDING_DAYS = 7;
export const LEADERBOARD_DAYS = 30;

export type TopCreator = { handle: string; displayName: string; avatarImageId: string | null; sales: number; listings: number };
export type CategoryCount = { category: string; count: number };

/**
 * Featured: proven listings (≥ 3 reviews) ranked by Bayesian rating times log sales, one per creator so a
 * single prolific creator cannot fill the rail.
 */
export async function featuredListings(db: Db, limit = 8): Promise<ListingCard[]> {
  const rows = await queryRows<ListingCard>(
    db,
    sql`with ranked as (
          select l.id, row_number() over (partition by l.creator_id order by s.score desc, l.id desc) as n, s.score
          from listings l
          cross join lateral (select ((l.rating_sum + 17.5)::float8 / (l.rating_count + 5)) * ln(2 + l.sales_count::float8) as score) s
          where ${PUBLISHED} and l.rating_count >= 3
        ), top as (select id, score from ranked where n = 1 order by score desc, id desc limit ${limit})
        select ${CARD_COLUMNS} from top join ${CARD_FROM} on l.id = top.id order by top.score desc, top.id desc`,
  );
  return rows.map(toCard);
}

/**
 * Most sales (paid or disputed orders) in the last week among published listings. The week's orders come through
 * orders_entitled_paid_idx and each of their listings is looked up in listing_search (published listings of active
 * creators) by key: joining them to every published listing instead read the whole catalog (620 ms at 100k listings).
 */
export async function trendingListings(db: Db, limit = 8): Promise<(ListingCard & { recentSales: number })[]> {
  const rows = await queryRows<ListingCard & { recentSales: number }>(
    db,
    sql`with recent as (
          select o.listing_id, count(*)::int as n from orders o
          where ${entitledOrder("o")} and o.paid_at >= now() - make_interval(days => ${TRENDING_DAYS})
          group by o.listing_id
        ), top as (
          select recent.listing_id, recent.n, s.sales_count from recent
          cross join lateral (select s.sales_count from listing_search s where s.listing_id = recent.listing_id offset 0) s
          order by recent.n desc, s.sales_count desc, recent.listing_id desc limit ${limit}
        )
        select ${CARD_COLUMNS}, top.n as "recentSales" from top join ${CARD_FROM} on l.id = top.listing_id
        where ${PUBLISHED} order by top.n desc, top.sales_count desc, top.listing_id desc`,
  );
  return rows.map((r) => ({ ...toCard(r), recentSales: Number(r.recentSales) }));
}

export async function newListings(db: Db, limit = 8): Promise<ListingCard[]> {
  const page = await searchListings(db, { sort: "newest", limit, free: false }, null);
  return page.items;
}

/** Highest average rating among listings with at least TOP_RATED_MIN_REVIEWS reviews. */
export async function topRatedListings(db: Db, limit = 8): Promise<ListingCard[]> {
  const rows = await queryRows<ListingCard>(
    db,
    sql`select ${CARD_COLUMNS} from ${CARD_FROM}
        where ${PUBLISHED} and l.rating_count >= ${TOP_RATED_MIN_REVIEWS}
        order by l.rating_avg desc nulls last, l.id desc nulls last limit ${limit}`,
  );
  return rows.map(toCard);
}

/** Creators with the most sales of their published listings in the last 30 days. */
export async function topCreators(db: Db, limit = 8): Promise<TopCreator[]> {
  const rows = await queryRows<TopCreator>(
    db,
    sql`with recent as (
          select o.creator_id, count(*)::int as n from orders o join listings l on l.id = o.listing_id
          where ${entitledOrder("o")} and o.paid_at >= now() - make_interval(days => ${LEADERBOARD_DAYS}) and ${PUBLISHED}
          group by o.creator_id
        )
        select c.handle, c.display_name as "displayName", c.avatar_image_id as "avatarImageId", recent.n as sales,
               (select count(*)::int from listings l where l.creator_id = c.user_id and ${PUBLISHED}) as listings
        from recent join creator_profiles c on c.user_id = recent.creator_id
        where exists (select 1 from listings l where l.creator_id = c.user_id and ${PUBLISHED})
        order by recent.n desc, c.handle limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, sales: Number(r.sales), listings: Number(r.listings) }));
}

export async function categoryCounts(db: Db): Promise<CategoryCount[]> {
  const rows = await queryRows<CategoryCount>(
    db,
    // The kept cube (listing_facet_counts: published listings of active creators, kept by listing_search's triggers)
    // has a few thousand cells; counting listings read the whole catalog (150 ms at 100k listings).
    sql`select category, sum(n)::int as count from listing_facet_counts group by category having sum(n) > 0 order by count desc, category`,
  );
  return rows.map((r) => ({ category: r.category, count: Number(r.count) }));
}
