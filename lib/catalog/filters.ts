// SQL pieces every public catalog query shares: the published-only predicate, filters, text match and ranking.
import { sql, type SQL } from "drizzle-orm";
import type { CatalogQuery } from "./params";

/** The one rule of public visibility (DESIGN §3): only `published` listings, anywhere public. */
export const PUBLISHED = sql.raw(`l.status = 'published'`);

/** The columns of a listing card, as camelCase JSON-safe values (text timestamps survive Next's data cache). */
export const CARD_COLUMNS = sql.raw(`l.id, l.slug, l.title, l.summary, l.kind, l.category,
  l.price_cents as "priceCents", l.currency, l.rating_avg::float8 as "ratingAvg", l.rating_count as "ratingCount",
  l.sales_count as "salesCount", l.cover_image_id as "coverImageId",
  to_char(l.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "publishedAt",
  c.handle as "creatorHandle", c.display_name as "creatorName"`);

export const CARD_FROM = sql.raw(`listings l join creator_profiles c on c.user_id = l.creator_id`);

export type FilterPart = "kind" | "category" | "price" | "rating";

/** One SQL condition per filter group (true when the filter is unset), so facets can leave one group out. */
export function filterConditions(query: Pick<CatalogQuery, "kind" | "category" | "minPrice" | "maxPrice" | "free" | "minRating">): Record<FilterPart, SQL | null> {
  const price: SQL[] = [];
  if (query.free) price.push(sql`l.price_cents = 0`);
  if (query.minPrice !== undefined) price.push(sql`l.price_cents >= ${query.minPrice}`);
  if (query.maxPrice !== undefined) price.push(sql`l.price_cents <= ${query.maxPrice}`);
  return {
    kind: query.kind ? sql`l.kind = ${query.kind}` : null,
    category: query.category ? sql`l.category = ${query.category}` : null,
    price: price.length ? sql.join(price, sql` and `) : null,
    rating: query.minRating !== undefined && query.minRating > 0 ? sql`l.rating_avg >= ${query.minRating}` : null,
  };
}

export function allOf(parts: (SQL | null | undefined)[]): SQL {
  const present = parts.filter((p): p is SQL => Boolean(p));
  return present.length ? sql.join(present, sql` and `) : sql`true`;
}

/** `to_tsquery` over a source built by buildTsQuery: tokens contain only letters and digits. */
export function tsQuery(source: string): SQL {
  return sql`to_tsquery('english'::regconfig, ${source})`;
}

/**
 * Relevance: weighted text rank (title and tags over summary over description), lifted by sales and by a
 * Bayesian rating (5 phantom reviews at 3.5 stars) so a single 5-star review does not outrank a proven listing.
 */
export function relevanceScore(tsquery: SQL): SQL {
  return sql`(ts_rank('{0.1, 0.2, 0.4, 1.0}'::float4[], l.search, ${tsquery})::float8
    * (1 + 0.25 * ln(1 + l.sales_count::float8))
    * (0.5 + (l.rating_sum + 17.5)::float8 / (l.rating_count + 5) / 5))`;
}
