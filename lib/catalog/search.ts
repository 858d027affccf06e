// Catalog search: typo-tolerant full text, filters, six sorts and exact keyset pages over published listings.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import type { ListingCard } from "./cards";
import { decodeCursor, encodeCursor, type CursorKey } from "./cursor";
import { allOf, CARD_COLUMNS, filterConditions, PUBLISHED, tsQuery } from "./filters";
import type { CatalogQuery, Sort } from "./params";
import { buildTsQuery, resolveTokens, tokenize } from "./terms";

/** What the text of a query became: tsquery sources (any field, and title/tags only) and the spelling fixes used. */
export type TextMatch = {
  source: string;
  corrections: { token: string; suggestions: string[] }[];
  didYouMean: string | null;
  /** The planner's estimates of listings matching in the title and tags, and anywhere. */
  headMatches: number;
  bodyMatches: number;
  /** Published listings in all. */
  catalogSize: number;
};

type PlanNode = { "Plan Rows"?: number; "Subplan Name"?: string; Plans?: PlanNode[] };

/** Row estimates for the title/tags and whole-document matches, from one EXPLAIN (statistics on the tsvectors). */
async function estimateMatches(db: Db, source: string): Promise<{ head: number; body: number }> {
  const q = tsQuery(source);
  const [row] = await queryRows<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
    db,
    sql`explain (format json) select (select count(*) from listing_search s where s.head @@ ${q}) as head, (select count(*) from listing_search s where s.body @@ ${q}) as body`,
  );
  const found: Record<string, number> = {};
  const visit = (node: PlanNode) => {
    const name = node["Subplan Name"];
    const child = node.Plans?.[0];
    if (name && child) found[name] = child.Plans?.[0]?.["Plan Rows"] ?? child["Plan Rows"] ?? 0;
    node.Plans?.forEach(visit);
  };
  visit(row["QUERY PLAN"][0].Plan);
  const [head = 0, body = 0] = Object.keys(found).sort().map((k) => found[k]);
  return { head, body: Math.max(head, body) };
}

export async function resolveTextQuery(db: Db, q: string | undefined): Promise<TextMatch | null> {
  const tokens = q ? tokenize(q) : [];
  if (tokens.length === 0) return null;
  const [resolved, [size]] = await Promise.all([
    resolveTokens(db, tokens),
    // The planner's own row count is enough to weigh strategies, and costs nothing to read.
    queryRows<{ n: number }>(db, sql`select greatest(reltuples, 1000)::int as n from pg_class where oid = 'listing_search'::regclass`),
  ]);
  const corrections = resolved.filter((r) => r.corrections.length > 0).map((r) => ({ token: r.token, suggestions: r.corrections }));
  const didYouMean = corrections.length ? resolved.map((r) => r.corrections[0] ?? r.token).join(" ") : null;
  const catalogSize = Math.max(1, Number(size?.n ?? 0));
  const source = buildTsQuery(resolved);
  const estimate = await estimateMatches(db, source);
  return { source, corrections, didYouMean, headMatches: estimate.head, bodyMatches: estimate.body, catalogSize };
}

/**
 * Relevance tiers, best first: every word in the title or tags (2), or only with the summary and description
 * too (1). Inside a tier, listings people buy and rate well come first (boost). `head` (title and tags) is
 * inline, so testing it row by row is cheap; `body` is only ever read through its GIN index or for a few rows.
 */
function tierCondition(tier: number, text: TextMatch): SQL {
  const q = tsQuery(text.source);
  return tier === 2 ? sql`s.head @@ ${q}` : sql`s.body @@ ${q} and not (s.head @@ ${q})`;
}

/**
 * How a page finds its rows. "walk": follow the sort index and test each row (cheap when matches are dense:
 * about limit / density rows). "bitmap": collect every match through GIN, then sort (cheap when they are few).
 * The planner cannot price reading out-of-line values, so the choice is made here from the vocabulary counts.
 */
export type Strategy = "walk" | "bitmap";
function strategyFor(text: TextMatch | null, limit: number, field: "head" | "body"): Strategy {
  if (!text) return "walk";
  const expected = field === "head" ? text.headMatches : text.bodyMatches;
  return expected * expected > limit * text.catalogSize * 4 ? "walk" : "bitmap";
}

type SortPlan = { column: string; cast: string; descending: boolean; keyText: string };

// Each order matches a listing_search index exactly (direction and nulls), so pages are index range scans.
const SORT_PLANS: Record<Exclude<Sort, "relevance">, SortPlan> = {
  newest: { column: "s.published_at", cast: "timestamptz", descending: true, keyText: `to_char(p.k at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` },
  popular: { column: "s.sales_count", cast: "int", descending: true, keyText: "p.k::text" },
  rating: { column: "s.rating_avg", cast: "numeric", descending: true, keyText: "p.k::text" },
  price_asc: { column: "s.price_cents", cast: "int", descending: false, keyText: "p.k::text" },
  price_desc: { column: "s.price_cents", cast: "int", descending: true, keyText: "p.k::text" },
};
const BOOST_PLAN: SortPlan = { column: "s.boost", cast: "float8", descending: true, keyText: "p.k::text" };

function orderBy(plan: SortPlan, prefix: string, id: string): string {
  // price_desc walks the ascending (price, id) index backwards: descending with nulls first.
  const nulls = plan === SORT_PLANS.price_desc ? "nulls first" : "nulls last";
  return plan.descending ? `${prefix} desc ${nulls}, ${id} desc ${nulls}` : `${prefix} asc, ${id} asc`;
}

function afterCursor(plan: SortPlan, key: string | null, id: string): SQL {
  const col = sql.raw(plan.column);
  const cast = sql.raw(plan.cast);
  if (key === null) return sql`${col} is null and s.listing_id < ${id}::uuid`;
  return plan.descending
    ? sql`${col} <= ${key}::${cast} and (${col} < ${key}::${cast} or s.listing_id < ${id}::uuid)`
    : sql`${col} >= ${key}::${cast} and (${col} > ${key}::${cast} or s.listing_id > ${id}::uuid)`;
}

/** One page of one ordering; `keyPrefix` tags relevance keys with their tier. Exported for the benchmark's EXPLAIN. */
export function pageSql(plan: SortPlan, where: SQL[], limit: number, keyPrefix = "", strategy: Strategy = "walk"): SQL {
  // OFFSET 0 fences the filter from the ORDER BY, so "bitmap" cannot be turned into an index walk.
  const source = strategy === "bitmap" ? sql`(select * from listing_search s where ${allOf(where)} offset 0) s` : sql`listing_search s where ${allOf(where)}`;
  return sql`with p as (
      select s.listing_id as id, ${sql.raw(plan.column)} as k from ${source}
      order by ${sql.raw(orderBy(plan, plan.column, "s.listing_id"))}
      limit ${limit}
    )
    select ${CARD_COLUMNS}, ${keyPrefix} || ${sql.raw(plan.keyText)} as "sortKey"
    from p join listings l on l.id = p.id join creator_profiles c on c.user_id = l.creator_id
    where ${PUBLISHED}
    order by ${sql.raw(orderBy(plan, "p.k", "p.id"))}`;
}

function filterWhere(query: CatalogQuery): SQL[] {
  const f = filterConditions(query);
  return [f.kind, f.category, f.price, f.rating, query.creatorId ? sql`s.creator_id = ${query.creatorId}::uuid` : null].filter((c): c is SQL => Boolean(c));
}

function cursorFor(query: CatalogQuery): CursorKey | null {
  if (!query.cursor) return null;
  const cursor = decodeCursor(query.cursor, query.sort);
  if (!cursor) throw new DomainError("input.invalid_cursor");
  return cursor;
}

/** The SQL statements one page runs, in order (relevance may continue into lower tiers). */
export type PageStatement = { tier: number | null; strategy: Strategy; statement: SQL };

export function searchPageStatements(query: CatalogQuery, text: TextMatch | null): PageStatement[] {
  const cursor = cursorFor(query);
  const base = filterWhere(query);
  if (query.sort === "relevance" && text) {
    const [tierText, boost] = cursor?.key?.split("|") ?? [];
    const startTier = cursor ? Math.min(2, Number(tierText)) : 2;
    const out: PageStatement[] = [];
    for (let tier = startTier; tier >= 1; tier--) {
      const after = cursor && tier === startTier ? afterCursor(BOOST_PLAN, boost, cursor.id) : null;
      const strategy = strategyFor(text, query.limit + 1, tier === 2 ? "head" : "body");
      out.push({ tier, strategy, statement: pageSql(BOOST_PLAN, [tierCondition(tier, text), ...base, ...(after ? [after] : [])], query.limit + 1, `${tier}|`, strategy) });
    }
    return out;
  }
  const plan = SORT_PLANS[query.sort === "relevance" ? "popular" : query.sort];
  const where = [...(text ? [sql`s.body @@ ${tsQuery(text.source)}`] : []), ...base];
  if (cursor) where.push(afterCursor(plan, cursor.key, cursor.id));
  const strategy = strategyFor(text, query.limit + 1, "body");
  return [{ tier: null, strategy, statement: pageSql(plan, where, query.limit + 1, "", strategy) }];
}

/**
 * Plan settings for the next statement of a catalog transaction (withCatalogPlans): each statement states what it
 * needs. Outside a transaction these are no-ops and the planner decides alone.
 */
export async function planNext(db: Db, opts: { seqscan: boolean; bitmapscan: boolean }): Promise<void> {
  await db.execute(
    sql`select set_config('enable_seqscan', ${opts.seqscan ? "on" : "off"}, true), set_config('enable_bitmapscan', ${opts.bitmapscan ? "on" : "off"}, true)`,
  );
}

/**
 * Runs a statement under plan settings in one round trip: both are sent together on the transaction's
 * connection, which runs them in order (postgres-js pipelines them; PGlite queues them).
 */
export async function rowsWithPlan<T>(db: Db, opts: { seqscan: boolean; bitmapscan: boolean }, statement: SQL): Promise<T[]> {
  const [, rows] = await Promise.all([planNext(db, opts), queryRows<T>(db, statement)]);
  return rows;
}

/** Runs one page statement: a walk turns bitmap scans off; nothing on listing_search may seq-scan (out-of-line body). */
export async function runPageStatement<T>(db: Db, { strategy, statement }: PageStatement, text: TextMatch | null): Promise<T[]> {
  if (text) return rowsWithPlan<T>(db, { seqscan: false, bitmapscan: strategy !== "walk" }, statement);
  return queryRows<T>(db, statement);
}

export type SearchPage = { items: ListingCard[]; nextCursor: string | null };
type CardRow = ListingCard & { sortKey: string | null };

/** One page of results; `text` comes from resolveTextQuery so callers resolve a query once for items and facets. */
export async function searchListings(db: Db, query: CatalogQuery, text?: TextMatch | null): Promise<SearchPage> {
  const match = text === undefined ? await resolveTextQuery(db, query.q) : text;
  const rows: CardRow[] = [];
  for (const statement of searchPageStatements(query, match)) {
    rows.push(...(await runPageStatement<CardRow>(db, statement, match)).slice(0, query.limit + 1 - rows.length));
    if (rows.length > query.limit) break;
  }
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ sort: query.sort, key: last.sortKey, id: last.id }) : null;
  return { items: page.map(toCard), nextCursor };
}

export function toCard(row: ListingCard & { sortKey?: unknown }): ListingCard {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    category: row.category,
    priceCents: Number(row.priceCents),
    currency: row.currency,
    ratingAvg: Number(row.ratingAvg),
    ratingCount: Number(row.ratingCount),
    salesCount: Number(row.salesCount),
    coverImageId: row.coverImageId,
    publishedAt: row.publishedAt,
    creatorHandle: row.creatorHandle,
    creatorName: row.creatorName,
  };
}
