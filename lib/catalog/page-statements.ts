// How one catalog page finds its rows: a bounded walk along the sort index, or collecting every match and sorting.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { DomainError } from "@/lib/errors";
import { decodeCursor, type CursorKey } from "./cursor";
import { allOf, CARD_COLUMNS, filterConditions, licenseCondition, PUBLISHED, tsQuery } from "./filters";
import type { CatalogQuery } from "./params";
import { afterCursor, BOOST_PLAN, orderBy, SORT_PLANS, type SortPlan } from "./sort-orders";
import type { TextMatch } from "./text-match";

/**
 * "walk": follow the sort index from the cursor and test each row, but never more than WALK_ROWS rows; cheap when
 * matches are dense. "collect": every match through the indexes the planner picks (GIN, price, rating, kind…),
 * then sort; cheap when they are few. A walk that does not fill its page falls back to collecting, so a wrong
 * density guess (a word that is common overall but rare under a filter) costs one bounded walk, never a full scan.
 */
export type Strategy = "walk" | "collect";

/**
 * Rows a walk may visit. Testing `head` (title and tags, inline) or plain columns costs a few µs a row; testing
 * `body` reads an out-of-line value (~20 µs), so those walks stop sooner.
 */
export const WALK_ROWS = { inline: 1500, body: 400 } as const;

/** The statements of one ordering's page: the first to run and, for a walk, what to run when it comes up short. */
export type PageStatement = { tier: number | null; strategy: Strategy; statement: SQL; fallback: SQL | null };

function pageSql(plan: SortPlan, source: SQL, limit: number, keyPrefix: string): SQL {
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

/** The first `rows` rows after the cursor in index order, then the conditions on those alone. */
function walkSql(plan: SortPlan, after: SQL | null, conditions: SQL[], limit: number, rows: number, keyPrefix: string): SQL {
  const region = sql`(select * from listing_search s where ${allOf([after])} order by ${sql.raw(orderBy(plan, plan.column, "s.listing_id"))} limit ${rows}) s`;
  return pageSql(plan, sql`${region} where ${allOf(conditions)}`, limit, keyPrefix);
}

/**
 * Every match, then sorted. With text, the matches come from the text's GIN index alone and the filters test inline
 * columns: the planner does not price reading `body` (out of line, ~20 µs a row), and left free it would scan a
 * kind or price index and test `body` on every row it finds. OFFSET 0 fences each step from the next.
 */
function collectSql(plan: SortPlan, after: SQL | null, conditions: SQL[], textCondition: SQL | null, limit: number, keyPrefix: string): SQL {
  const matches = textCondition
    ? sql`(select * from (select * from listing_search s where ${textCondition} offset 0) s where ${allOf([...conditions, after])} offset 0) s`
    : sql`(select * from listing_search s where ${allOf([...conditions, after])} offset 0) s`;
  return pageSql(plan, matches, limit, keyPrefix);
}

/**
 * Relevance tiers, best first: every word in the title or tags (2), or only with the summary and description
 * too (1). Inside a tier, listings people buy and rate well come first (boost). `head` (title and tags) is
 * inline, so testing it row by row is cheap; `body` is only ever read through its GIN index or for a few rows.
 */
function tierCondition(tier: number, text: TextMatch): { index: SQL; inline: SQL | null } {
  const q = tsQuery(text.source);
  return tier === 2 ? { index: sql`s.head @@ ${q}`, inline: null } : { index: sql`s.body @@ ${q}`, inline: sql`not (s.head @@ ${q})` };
}

function filterWhere(query: CatalogQuery): SQL[] {
  const f = filterConditions(query);
  return [query.creatorId ? sql`s.creator_id = ${query.creatorId}::uuid` : null, licenseCondition(query), f.kind, f.category, f.price, f.rating].filter(
    (c): c is SQL => Boolean(c),
  );
}

function cursorFor(query: CatalogQuery): CursorKey | null {
  if (!query.cursor) return null;
  const cursor = decodeCursor(query.cursor, query.sort);
  if (!cursor) throw new DomainError("input.invalid_cursor");
  return cursor;
}

/**
 * Walk when the expected matches are dense enough to fill the page within a third of the walk's rows; without text
 * and filters every row matches. Text density comes from the planner's estimate (filters are not counted: a
 * walk that comes up short falls back).
 */
function strategyFor(expected: number | null, catalogSize: number, limit: number, rows: number): Strategy {
  if (expected === null) return "walk";
  return expected * rows >= limit * catalogSize * 3 ? "walk" : "collect";
}

type Conditions = { filters: SQL[]; text: SQL | null; bodyTest: boolean };

function statementFor(
  tier: number | null,
  plan: SortPlan,
  after: SQL | null,
  where: Conditions,
  limit: number,
  expected: number | null,
  catalogSize: number,
  keyPrefix = "",
): PageStatement {
  const all = [...where.filters, ...(where.text ? [where.text] : [])];
  if (all.length === 0) return { tier, strategy: "walk", statement: walkSql(plan, after, [], limit, limit, keyPrefix), fallback: null };
  const rows = where.bodyTest ? WALK_ROWS.body : WALK_ROWS.inline;
  const collect = collectSql(plan, after, where.filters, where.text, limit, keyPrefix);
  if (strategyFor(expected, catalogSize, limit, rows) === "collect") return { tier, strategy: "collect", statement: collect, fallback: null };
  return { tier, strategy: "walk", statement: walkSql(plan, after, all, limit, rows, keyPrefix), fallback: collect };
}

/** The statements one page may run, in order (relevance continues into lower tiers when a tier runs out). */
export function searchPageStatements(query: CatalogQuery, text: TextMatch | null): PageStatement[] {
  const cursor = cursorFor(query);
  const base = filterWhere(query);
  const limit = query.limit + 1;
  if (query.sort === "relevance" && text) {
    const [tierText, boost] = cursor?.key?.split("|") ?? [];
    const startTier = cursor ? Math.min(2, Number(tierText)) : 2;
    const out: PageStatement[] = [];
    for (let tier = startTier; tier >= 1; tier--) {
      const after = cursor && tier === startTier ? afterCursor(BOOST_PLAN, boost, cursor.id) : null;
      const expected = tier === 2 ? text.headMatches : Math.max(0, text.bodyMatches - text.headMatches);
      const condition = tierCondition(tier, text);
      const filters = [...base, ...(condition.inline ? [condition.inline] : [])];
      out.push(statementFor(tier, BOOST_PLAN, after, { filters, text: condition.index, bodyTest: tier === 1 }, limit, expected, text.catalogSize, `${tier}|`));
    }
    return out;
  }
  const plan = SORT_PLANS[query.sort === "relevance" ? "popular" : query.sort];
  const after = cursor ? afterCursor(plan, cursor.key, cursor.id) : null;
  const where = { filters: base, text: text ? sql`s.body @@ ${tsQuery(text.source)}` : null, bodyTest: Boolean(text) };
  // Filters alone: density unknown, so a bounded walk first (the planner's column statistics pick the fallback's index).
  return [statementFor(null, plan, after, where, limit, text ? text.bodyMatches : null, text?.catalogSize ?? 1)];
}
