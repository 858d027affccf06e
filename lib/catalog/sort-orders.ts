// The six orderings of catalog pages over listing_search: their columns, index-matching ORDER BY and keyset cursors.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Sort } from "./params";

export type SortPlan = { column: string; cast: string; descending: boolean; keyText: string };

// Each order matches a listing_search index exactly (direction and nulls), so pages are index range scans.
export const SORT_PLANS: Record<Exclude<Sort, "relevance">, SortPlan> = {
  newest: { column: "s.published_at", cast: "timestamptz", descending: true, keyText: `to_char(p.k at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` },
  popular: { column: "s.sales_count", cast: "int", descending: true, keyText: "p.k::text" },
  rating: { column: "s.rating_avg", cast: "numeric", descending: true, keyText: "p.k::text" },
  price_asc: { column: "s.price_cents", cast: "int", descending: false, keyText: "p.k::text" },
  price_desc: { column: "s.price_cents", cast: "int", descending: true, keyText: "p.k::text" },
};

/** Inside a relevance tier: popularity × Bayesian rating, then id. */
export const BOOST_PLAN: SortPlan = { column: "s.boost", cast: "float8", descending: true, keyText: "p.k::text" };

export function orderBy(plan: SortPlan, prefix: string, id: string): string {
  // price_desc walks the ascending (price, id) index backwards: descending with nulls first.
  const nulls = plan === SORT_PLANS.price_desc ? "nulls first" : "nulls last";
  return plan.descending ? `${prefix} desc ${nulls}, ${id} desc ${nulls}` : `${prefix} asc, ${id} asc`;
}

/**
 * Rows strictly after the cursor's (key, id) in this ordering. A row comparison, so that the whole cursor is the
 * index condition of the (column, listing_id) index: `col <= key and (col < key or id < …)` bounds the scan by the
 * column only and filters every row of an equal key one by one (52,000 rows for a popular boost value at 100k).
 */
export function afterCursor(plan: SortPlan, key: string | null, id: string): SQL {
  const col = sql.raw(plan.column);
  const cast = sql.raw(plan.cast);
  if (key === null) return sql`${col} is null and s.listing_id < ${id}::uuid`;
  return plan.descending ? sql`(${col}, s.listing_id) < (${key}::${cast}, ${id}::uuid)` : sql`(${col}, s.listing_id) > (${key}::${cast}, ${id}::uuid)`;
}

/**
 * The same rows as afterCursor, spelled `col < key or (col = key and id < …)` so the planner estimates it from both
 * columns' statistics: for a row comparison it looks at the leading column alone, and at the bottom of a big tie
 * (every listing without sales, deep in the popular order) it expects no rows and reads half the catalog through the
 * sort index. Spelled out, it weighs the sort index (few rows left after the cursor) against the filters' indexes.
 */
export function afterCursorSpelledOut(plan: SortPlan, key: string | null, id: string): SQL {
  const col = sql.raw(plan.column);
  const cast = sql.raw(plan.cast);
  if (key === null) return sql`${col} is null and s.listing_id < ${id}::uuid`;
  return plan.descending
    ? sql`(${col} < ${key}::${cast} or (${col} = ${key}::${cast} and s.listing_id < ${id}::uuid))`
    : sql`(${col} > ${key}::${cast} or (${col} = ${key}::${cast} and s.listing_id > ${id}::uuid))`;
}
