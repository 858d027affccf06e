// A page and its facets from one read of the words' matches, when the facets count every match anyway.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cubeSql, facetGroupsOfCube, facetMatches, summarize, type FacetRow, type Facets } from "./facets";
import { allOf, cardsOf, tsQuery } from "./filters";
import { COLLECT_COLUMNS, cursorFor, filterWhere } from "./page-statements";
import type { CatalogQuery } from "./params";
import { rowsWithPlan } from "./plan-settings";
import { pageOf, type CardRow, type SearchPage } from "./search";
import { afterCursor, BOOST_PLAN, orderBy, SORT_PLANS } from "./sort-orders";
import type { TextMatch } from "./text-match";

/**
 * One statement: every match of the words (with the storefront's creator and the license filter) is read once into
 * `m`, then the page is sorted from the matches passing the filters, and the facet cube is counted from all of them.
 * Counting facets from the matches reads each match's row (about 2.6 µs a row at 1M listings, 344 MB of rows); a
 * page that collects them read every row a second time, in a second statement. Under relevance, both tiers come from
 * `m` in one order: (tier, boost, id), the tier being whether the title and tags hold the words (tier 2) or only the
 * whole document (tier 1), as searchPageStatements' tiers are. Null for a relevance cursor without a tier (made by a
 * page without words), which the page statements handle on their own.
 */
export function pageWithFacetsSql(query: CatalogQuery, text: TextMatch): SQL | null {
  const cursor = cursorFor(query);
  const relevance = query.sort === "relevance";
  const plan = query.sort === "relevance" ? BOOST_PLAN : SORT_PLANS[query.sort];
  let after: SQL | null = null;
  if (cursor && relevance) {
    const [tierText, boost] = cursor.key?.split("|") ?? [];
    if (boost === undefined) return null;
    // A page's tier is at most 2 (as searchPageStatements reads a cursor's tier).
    after = sql`(s.tier, s.boost, s.listing_id) < (${Math.min(2, Number(tierText))}::int, ${boost}::float8, ${cursor.id}::uuid)`;
  } else if (cursor) {
    after = afterCursor(plan, cursor.key, cursor.id);
  }
  const tier = relevance ? sql`, case when s.head @@ ${tsQuery(text.source)} then 2 else 1 end as tier` : sql``;
  const order = (prefix: string, key: string, id: string) => `${relevance ? `${prefix} desc, ` : ""}${orderBy(plan, key, id)}`;
  const sortKey = relevance ? sql.raw(`p.t::text || '|' || ${plan.keyText}`) : sql.raw(plan.keyText);
  return sql`with m as materialized (
      select ${COLLECT_COLUMNS}${tier} from listing_search s where ${facetMatches(query, text)}
    ),
    c as materialized (${cubeSql(query, sql`m`)}),
    p as (
      select s.listing_id as id, ${sql.raw(plan.column)} as k${relevance ? sql`, s.tier as t` : sql``} from m s
      where ${allOf([...filterWhere(query).indexed, after])}
      order by ${sql.raw(order("s.tier", plan.column, "s.listing_id"))}
      limit ${query.limit + 1}
    ),
    items as (
      select l.*, ${sortKey} as "sortKey", p.k as "orderKey", p.id as "orderId"${relevance ? sql`, p.t as "orderTier"` : sql``}
      from p join ${cardsOf(sql`select id from p`)} l on l.id = p.id
    )
    select (select coalesce(json_agg(i order by ${sql.raw(order('i."orderTier"', 'i."orderKey"', 'i."orderId"'))}), '[]'::json) from items i) as items,
      (select coalesce(json_agg(f), '[]'::json) from (${facetGroupsOfCube(query)}) f) as facets`;
}

/** The page and exact facets of a query with words (pageWithFacetsSql), or null when that statement can't answer it. */
export async function pageWithFacets(db: Db, query: CatalogQuery, text: TextMatch): Promise<{ page: SearchPage; facets: Facets } | null> {
  const statement = pageWithFacetsSql(query, text);
  if (!statement) return null;
  // Both drivers parse json columns (postgres-js and PGlite alike).
  const [row] = await rowsWithPlan<{ items: CardRow[]; facets: FacetRow[] }>(db, { seqscan: false, bitmapscan: true }, statement);
  return { page: pageOf(row?.items ?? [], query), facets: summarize(row?.facets ?? []) };
}
