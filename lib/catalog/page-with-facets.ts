// A page and its facets from one read of the words' matches, when the facets count every match anyway.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { APPROXIMATE_FACETS_ABOVE, cubeSql, facetGroupsOfCube, facetMatches, summarize, type FacetRow, type Facets } from "./facets";
import { allOf, cardsOf, tsQuery } from "./filters";
import { COLLECT_COLUMNS, cursorFor, filterWhere } from "./page-statements";
import type { CatalogQuery } from "./params";
import { rowsWithPlan } from "./plan-settings";
import { pageOf, type CardRow, type SearchPage } from "./search";
import { afterCursor, BOOST_PLAN, orderBy, SORT_PLANS } from "./sort-orders";
import type { TextMatch } from "./text-match";

/** The most matches pageWithFacets reads: twice the most whose facets the estimate lets it count (APPROXIMATE_FACETS_ABOVE). */
export const READ_AT_MOST = 2 * APPROXIMATE_FACETS_ABOVE;

/**
 * One statement: every match of the words (with the storefront's creator and the license filter) is read once into
 * `m`, then the page is sorted from the matches passing the filters, and the facet cube is counted from all of them.
 * Counting facets from the matches reads each match's row (about 2.6 µs a row at 1M listings, 344 MB of rows); a
 * page that collects them read every row a second time, in a second statement. Under relevance, both tiers come from
 * `m` in one order: (tier, boost, id), the tier being whether the title and tags hold the words (tier 2) or only the
 * whole document (tier 1), as searchPageStatements' tiers are. Null for a relevance cursor without a tier (made by a
 * page without words), which the page statements handle on their own.
 *
 * At most `readAtMost` + 1 matches are read: the planner's estimate that chose this statement (at most 20,000,
 * APPROXIMATE_FACETS_ABOVE) multiplies the words' shares, and words found together more often than apart match many
 * more (`sho expla time` is in 120,297 listings at 1M, where the planner expected 17,850: reading and counting them
 * all took 400–500 ms). Up to twice the estimate's limit the read goes on, and its facets are still exact: stopping
 * there cost more than finishing (`youtubers examp`, 24,324 matches where 14,876 were expected: 181 ms in one read;
 * 20,001 of them and then the page statements, 350 ms). A read cut short there is the first matches in table order (a
 * bitmap scan reads the table's blocks in order): `matched` rows up to the `last` one's block, of the table's `pages`,
 * which pageWithFacets turns into an estimate of them all (its page is then not one).
 */
export function pageWithFacetsSql(query: CatalogQuery, text: TextMatch, readAtMost = READ_AT_MOST): SQL | null {
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
      select s.ctid, ${COLLECT_COLUMNS}${tier} from listing_search s where ${facetMatches(query, text)} limit ${readAtMost + 1}
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
      (select coalesce(json_agg(f), '[]'::json) from (${facetGroupsOfCube(query)}) f) as facets,
      count(*)::int as matched${relevance ? sql`, count(*) filter (where m.tier = 2)::int as head` : sql``}, max(m.ctid)::text as last,
      (select relpages from pg_class where oid = 'listing_search'::regclass) as pages
    from m`;
}

/**
 * A read cut short (pageWithFacetsSql): its facets are estimates, and `text` carries the estimates of all the matches
 * that the rows read tell, for the page statements to weigh their plans by.
 */
export type MoreMatches = { facets: Facets; text: TextMatch };

/**
 * The page and exact facets of a query with words (pageWithFacetsSql); when the words match more than `readAtMost`
 * listings, estimated facets and estimates of the matches instead (MoreMatches); null when that statement can't
 * answer the query.
 */
export async function pageWithFacets(
  db: Db,
  query: CatalogQuery,
  text: TextMatch,
  readAtMost = READ_AT_MOST,
): Promise<{ page: SearchPage; facets: Facets } | MoreMatches | null> {
  const statement = pageWithFacetsSql(query, text, readAtMost);
  if (!statement) return null;
  // Both drivers parse json columns (postgres-js and PGlite alike).
  const [row] = await rowsWithPlan<{ items: CardRow[]; facets: FacetRow[]; matched: number; head?: number; last: string | null; pages: number }>(
    db,
    { seqscan: false, bitmapscan: true },
    statement,
  );
  const matched = Number(row?.matched ?? 0);
  if (matched <= readAtMost) return { page: pageOf(row?.items ?? [], query), facets: summarize(row?.facets ?? []) };
  // The rows read are to all the matches as the blocks read (up to the last one's, `(block,row)`) are to the table's,
  // and all the matches are never more than the catalog.
  const share = (Number(/^\((\d+),/.exec(row?.last ?? "")?.[1] ?? 0) + 1) / Math.max(1, Number(row?.pages ?? 1));
  const scale = 1 / Math.min(1, Math.max(share, matched / Math.max(matched, text.catalogSize)));
  const bodyMatches = Math.round(matched * scale);
  const headMatches = row?.head == null ? Math.min(text.headMatches, bodyMatches) : Math.round(Number(row.head) * scale);
  return { facets: summarize(row?.facets ?? [], scale), text: { ...text, bodyMatches, headMatches } };
}
