// SQL pieces every public catalog query shares: the published-only predicate, card columns and filters.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { CatalogQuery } from "./params";

/**
 * listing_search's pages when the table outgrew Postgres's shared buffers, else 0 (page-statements.ts Density.pages):
 * read with a statement the search runs anyway, from the planner's statistics.
 */
export const OUTGROWN_PAGES = sql.raw(
  `(select case when relpages::bigint * current_setting('block_size')::int > pg_size_bytes(current_setting('shared_buffers')) then relpages else 0 end from pg_class where oid = 'listing_search'::regclass)::int`,
);

/**
 * The one rule of public visibility (ARCHITECTURE.md, "Listings and versions"): only `published` listings of creators
 * whose account is active (a suspended or banned creator's listings leave the catalog while the status lasts).
 */
export const PUBLISHED = sql.raw(`l.status = 'published' and exists (select 1 from users pu where pu.id = l.creator_id and pu.status = 'active')`);

/** The columns of a listing card, as camelCase JSON-safe values (text timestamps survive Next's data cache). */
export const CARD_COLUMNS = sql.raw(`l.id, l.slug, l.title, l.summary, l.kind, l.category,
  l.price_cents as "priceCents", l.currency, l.rating_avg::float8 as "ratingAvg", l.rating_count as "ratingCount",
  l.sales_count as "salesCount", l.cover_image_id as "coverImageId",
  to_char(l.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "publishedAt",
  c.handle as "creatorHandle", c.display_name as "creatorName"`);

export const CARD_FROM = sql.raw(`listings l join creator_profiles c on c.user_id = l.creator_id`);

/**
 * The cards (CARD_COLUMNS, under PUBLISHED) of the listings whose ids `ids` selects, as a table to join: a search page
 * joins its ids to it instead of to listings, creator_profiles and users, which Postgres would plan again for every
 * search (agora_listing_cards, migration 0031: planned once per connection).
 */
export function cardsOf(ids: SQL): SQL {
  return sql`agora_listing_cards(array(${ids}))`;
}

export type FilterPart = "kind" | "category" | "price" | "rating";

/**
 * One SQL condition per filter group over `listing_search s` (null when the filter is unset), so facets can
 * leave one group out. listing_search holds published listings only (kept in step by triggers).
 */
export function filterConditions(
  query: Pick<CatalogQuery, "kind" | "category" | "minPrice" | "maxPrice" | "free" | "minRating">,
): Record<FilterPart, SQL | null> {
  const price: SQL[] = [];
  if (query.free) price.push(sql`s.price_cents = 0`);
  if (query.minPrice !== undefined) price.push(sql`s.price_cents >= ${query.minPrice}`);
  if (query.maxPrice !== undefined) price.push(sql`s.price_cents <= ${query.maxPrice}`);
  return {
    kind: query.kind ? sql`s.kind = ${query.kind}` : null,
    category: query.category ? sql`s.category = ${query.category}` : null,
    price: price.length ? sql`(${sql.join(price, sql` and `)})` : null,
    rating: query.minRating !== undefined && query.minRating > 0 ? sql`s.rating_avg >= ${query.minRating}` : null,
  };
}

export function allOf(parts: (SQL | null | undefined)[]): SQL {
  const present = parts.filter((p): p is SQL => Boolean(p));
  return present.length ? sql.join(present, sql` and `) : sql`true`;
}

/** The license filter: a plain condition on every query (not a facet group; the kept facet cells don't know it). */
export function licenseCondition(query: Pick<CatalogQuery, "commercial">): SQL | null {
  return query.commercial ? sql`s.commercial_use` : null;
}

/** `to_tsquery` over a source built by buildTsQuery: tokens contain only letters and digits. */
export function tsQuery(source: string): SQL {
  return sql`to_tsquery('english'::regconfig, ${source})`;
}
