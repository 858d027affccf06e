// How one catalog page finds its rows: a bounded walk along the sort index, or collecting every match and sorting.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { DomainError } from "@/lib/errors";
import { decodeCursor, type CursorKey } from "./cursor";
import { allOf, cardsOf, filterConditions, licenseCondition, tsQuery } from "./filters";
import { LISTING_KINDS } from "@/lib/listings/kinds";
import type { CatalogQuery } from "./params";
import { afterCursor, afterCursorSpelledOut, BOOST_PLAN, orderBy, SORT_PLANS, type SortPlan } from "./sort-orders";
import type { FilterCount, PriceSpan, PriceTail } from "./facets";
import type { TextMatch } from "./text-match";

/**
 * "walk": follow the sort index from the cursor and test each row, but never more than its row budget (chooseStrategy); cheap when
 * matches are dense. "collect": every match through the indexes the planner picks (GIN, price, rating, kind…),
 * then sort; cheap when they are few. A walk that does not fill its page falls back to collecting, so a wrong
 * density guess (a word that is common overall but rare under a filter) costs one bounded walk, never a full scan.
 */
export type Strategy = "walk" | "collect";

/**
 * What a row costs, in µs (EXPLAIN ANALYZE on the bench catalogs): a walk reads the sort index and the row's inline
 * columns (testing `body`, out of line, costs ~20 µs more); collecting reads a match through a bitmap and sorts it.
 */
const COST = { walkRow: 1.3, collectRow: 0.7, headTest: 1, bodyTest: 20, outgrownBodyTest: 70, pageRead: 8, bitmapEntry: 0.12 } as const;

/**
 * When listing_search is larger than Postgres's shared buffers (Density.pages), the heap pages a statement reads mostly
 * come from the operating system: COST.pageRead each (at 1M listings, 344 MB of rows under 128 MB of buffers, collecting
 * 30,617 to 363,845 matches of a word read 22,185 to 44,008 pages at 7–9 µs a page, five to eight times the per-row
 * figure). `rows` matches spread through a table of `pages` pages fall on about this many of them. `body`'s out-of-line
 * pages are read so too: testing it cost about 70 µs a row there (12,976 listings over $353.58 tested in 938 ms).
 */
export function pagesRead(rows: number, pages: number): number {
  return pages * (1 - Math.exp(-rows / pages));
}

/** What reading `rows` listings through a bitmap costs (µs): their rows, and their pages when the table outgrew the buffers. */
function readCost(rows: number, perRow: number, pages: number | undefined): number {
  return rows * perRow + (pages ? pagesRead(rows, pages) * COST.pageRead : 0);
}

/** The longest walk (about 25 ms): tried before collecting only when collecting would cost more. */
export const MAX_WALK_ROWS = 20_000;

/** How much longer the second walk of a page is than its first, when matches' density along the order steered it. */
export const LONGER_WALK = 8;

/**
 * Listings passing the filters below which collecting them all is cheap enough to skip the walk (about 3 ms at
 * ~0.7 µs a row): the storefront of a creator, narrow filter combinations.
 */
export const COLLECT_AT_MOST = 4000;

/**
 * Rows a walk visits when the words decide: testing `head` (title and tags, inline) or plain columns costs a few µs a
 * row; `body` is out of line (~20 µs), tested only for rows that passed the inline conditions, so those walks stop sooner.
 */
export const WALK_ROWS = { inline: 1500, body: 400 } as const;

/**
 * What is known about a page's matches, as fractions of the catalog: `text` of rows matching the words (null: no
 * words; the planner's estimate), `filters` of rows passing the filters (null: unknown; exact from the kept cells),
 * how many rows collecting would read, whether a walk tests `body`, `passing`: how many listings pass the filters
 * (null: unknown, or no filters), and `joint`: the share of the catalog that passes the filters and holds the words,
 * exactly (a frequent word's kept facet cells; null: unknown). `region`: the share of the catalog a walk's region holds
 * (rated listings only under a minimum rating: ratedRegion), which the other shares are divided by for a walk.
 * `pages`: listing_search's pages when it outgrew Postgres's shared buffers (TextMatch.outgrownPages; absent when it
 * fits), so that reading a row's page costs COST.pageRead (readCost; and each row a walk tests on the row).
 * `catalog`: how many listings the shares are of (with an exact `joint`, how many rows collecting both indexes reads:
 * collectCosts).
 */
export type Density = {
  text: number | null;
  filters: number | null;
  collected: number;
  bodyTest: boolean;
  passing?: number | null;
  joint?: number | null;
  region?: number;
  pages?: number;
  catalog?: number;
};

/**
 * Walk or collect. A short walk is the default: what a page needs depends on how matches spread along the sort order,
 * and that is correlated with everything (a word's listings cluster in some kinds and categories, cheap kinds sit at
 * one end of the price order), so no density estimate is trusted to make a walk long. Collecting first when it is
 * surely cheap: the filters' exact count (kept cells) is small, or the words are rare by the planner's estimate.
 */
export function chooseStrategy(density: Density, limit: number): { strategy: Strategy; rows: number } {
  if (density.filters !== null && density.text === null && density.collected <= COLLECT_AT_MOST) return { strategy: "collect", rows: 0 };
  const rows = density.bodyTest ? WALK_ROWS.body : WALK_ROWS.inline;
  if (density.text === null) return { strategy: "walk", rows };
  return density.text * rows >= limit * 3 ? { strategy: "walk", rows } : { strategy: "collect", rows: 0 };
}

/**
 * The statements of one ordering's page: the first to run and, for a walk, what to run when it comes up short.
 * `region`, for a walk that starts after a cursor or within a range (Conditions.range): how many of the rows it may walk
 * exist (an index-only count, at most `rows`). Fewer than `rows` means the walk read to the end of its order, so a short
 * page is the whole answer and no fallback runs (a last page, or a price range near the end of a price order, would
 * otherwise go on to a long walk and to collecting every match of the words). For collecting (`rows` 1), run first:
 * an empty region (a cursor past the last rated listing under a minimum rating) has nothing to collect. `longRegion`:
 * the same for a longer walk that is the first fallback, asked when that walk comes up short too (a region of 12,976
 * listings over $310.73 read whole by a 20,000-row walk needs no collecting of 415,745 matches after it).
 * `readsLowerTiers`: the page's last statement (its last fallback, or the statement itself) reads the lower relevance
 * tiers too (bothTiersPage): once it ran, the page is complete and no later page statement runs.
 * `planCheck`: the page's collecting (`statement`, the statement itself or its last fallback) reads the words' index and
 * the filters' together only if Postgres plans a BitmapAnd for it (EXPLAIN, before running it); else `otherwise` runs.
 * `declined`, for a page that collects that way at once because kept cells count the rows in both exactly: the page
 * found as if reading both were not possible (walks weighed against the other ways of collecting), run instead when
 * Postgres does not plan the BitmapAnd.
 */
export type PageStatement = {
  tier: number | null;
  strategy: Strategy;
  statement: SQL;
  fallbacks: SQL[];
  region?: { statement: SQL; rows: number };
  longRegion?: { statement: SQL; rows: number };
  readsLowerTiers?: boolean;
  planCheck?: { statement: SQL; otherwise: SQL; declined?: PageStatement };
  farther?: (found: number, wanted: number) => FartherWalk | null;
};

/**
 * One more walk before collecting (PageStatement.farther): when the last walk came up short but found some matches,
 * they tell how densely matches lie along the order from the cursor, and a walk twice as long as a page needs at that
 * density comes next if it costs under a third of collecting. A deep relevance page of `pronpts tool` over $240.63 at
 * 1M: a 20,000-row walk found 24 of the 25 rows it needed in 11 ms, and collecting the words' 130,042 matches took
 * 337 ms. With its `region` (the rows it may read), as PageStatement.region.
 */
export type FartherWalk = { walk: SQL; region: PageStatement["region"] };

/** How many times a farther walk's expected cost collecting must cost, at least (PageStatement.farther). */
export const FARTHER_WALK_SAVING = 3;

/**
 * The page's rows from `source` in the plan's order, as cards. `keyPrefix` starts every cursor key (a relevance tier's
 * `2|`); null: each row's own `s.tier` leads the order and its key (both relevance tiers at once: bothTiersSql).
 */
function pageSql(plan: SortPlan, source: SQL, limit: number, keyPrefix: string | null): SQL {
  const tiered = keyPrefix === null;
  const order = (tier: string, key: string, id: string) => `${tiered ? `${tier} desc, ` : ""}${orderBy(plan, key, id)}`;
  return sql`with p as (
      select s.listing_id as id, ${sql.raw(plan.column)} as k${tiered ? sql`, s.tier as t` : sql``} from ${source}
      order by ${sql.raw(order("s.tier", plan.column, "s.listing_id"))}
      limit ${limit}
    )
    select l.*, ${tiered ? sql`p.t::text || '|'` : keyPrefix} || ${sql.raw(plan.keyText)} as "sortKey"
    from p join ${cardsOf(sql`select id from p`)} l on l.id = p.id
    order by ${sql.raw(order("p.t", "p.k", "p.id"))}`;
}

/**
 * The walk's columns: the row's key, the sort column and the filter columns every sort index also holds (kind, category,
 * price, rating), so the walk is an index-only scan. At 1M listings the table is larger than Postgres's buffers and rows
 * lie in the index order at random pages: reading each row cost about 16 µs (a 20,000-row walk, 335 ms), the index
 * alone about 0.2 µs. `walk_id` lets a row test look the row up by its key (rowTest).
 */
function walkColumns(plan: SortPlan): SQL {
  const columns = [...new Set(["s.listing_id", plan.column, "s.kind", "s.category", "s.price_cents", "s.rating_avg"])];
  return sql.raw(`${columns.join(", ")}, s.listing_id as walk_id`);
}

/**
 * Conditions on what the sort index does not hold (words, the creator, the license), tested on the row itself: one
 * primary-key lookup, made only for rows that passed the index's conditions. A scalar subquery, not EXISTS: the planner
 * would hash an EXISTS, reading every match of the words first.
 */
function rowTest(conditions: SQL[]): SQL {
  return sql`coalesce((select ${allOf(conditions)} from listing_search s where s.listing_id = walk_id), false)`;
}

/** The first `rows` rows of a walk's order after `after`, within `range`: the region it reads (`columns` of each). */
function regionSql(plan: SortPlan, columns: SQL, after: SQL | null, range: SQL | null, rows: number): SQL {
  return sql`select ${columns} from listing_search s where ${allOf([after, range])} order by ${sql.raw(orderBy(plan, plan.column, "s.listing_id"))} limit ${rows}`;
}

/**
 * The first `rows` rows after the cursor in index order (index-only when there are conditions on the index's
 * columns: walkColumns), then the conditions on those alone: the index's first, the row's (rowTest) only for rows that
 * passed them (a CASE fixes that order; the planner would reorder plain ANDs, and a subquery fence would lose the index
 * order and sort the whole region). Rows flow through lazily, so the walk stops as soon as the page is full.
 */
function walkSql(plan: SortPlan, after: SQL | null, indexed: SQL[], row: SQL[], limit: number, rows: number, keyPrefix: string, range: SQL | null = null): SQL {
  // Without conditions on the index's columns every row is tested on the row: reading it along the index is cheaper.
  const region = sql`(${regionSql(plan, indexed.length ? walkColumns(plan) : sql`*`, after, range, rows)}) s`;
  const test = indexed.length && row.length ? sql`case when ${allOf(indexed)} then ${rowTest(row)} else false end` : allOf([...indexed, ...row]);
  return pageSql(plan, sql`${region} where ${test}`, limit, keyPrefix);
}

/** How many rows a walk of `rows` from `after` within `range` can read (PageStatement.region). */
function walkRegion(plan: SortPlan, after: SQL | null, range: SQL | null, rows: number): PageStatement["region"] {
  if (!after && !range) return undefined;
  return { statement: sql`select count(*)::int as n from (${regionSql(plan, sql`1`, after, range, rows)}) r`, rows };
}

/** Rows after a cursor: as a row comparison (an index condition for walks) and spelled out (afterCursorSpelledOut). */
type After = { row: SQL; spelledOut: SQL };

function afterBoth(plan: SortPlan, key: string | null, id: string): After {
  return { row: afterCursor(plan, key, id), spelledOut: afterCursorSpelledOut(plan, key, id) };
}

/**
 * What collecting carries from each match to the sort: the key, every sort column and the filter columns. Never `body`
 * or `head`: a row leaving a fenced subquery with them reads them whole (`body` from its TOAST table), about 13 µs a
 * row — collecting 8,011 matches of a word took 120 ms with every column and 16 ms with these.
 */
export const COLLECT_COLUMNS = sql.raw("s.listing_id, s.boost, s.published_at, s.sales_count, s.rating_avg, s.price_cents, s.kind, s.category");

/**
 * Every match, then sorted. With text, the matches come from the text's GIN index alone (the conditions on the row
 * itself, like tier 1's "not in the title and tags", tested there) and the filters test inline columns: the planner
 * does not price reading `body` (out of line, ~20 µs a row), and left free it would scan a kind or price index and test
 * `body` on every row it finds. OFFSET 0 fences each step from the next.
 */
function collectSql(plan: SortPlan, after: After | null, where: Conditions, limit: number, keyPrefix: string): SQL {
  return pageSql(plan, collectedMatches(after, where), limit, keyPrefix);
}

function collectedMatches(after: After | null, where: Conditions): SQL {
  return where.text
    ? sql`(select * from (select ${COLLECT_COLUMNS} from listing_search s where ${allOf([where.text, where.bound, ...where.rowFilters])} offset 0) s where ${allOf([...where.filters, after?.row])} offset 0) s`
    : sql`(select ${COLLECT_COLUMNS} from listing_search s where ${allOf([...where.filters, ...where.rowFilters, where.seek, where.bound, after?.spelledOut])} offset 0) s`;
}

/**
 * The words' GIN index and the filters' indexes read as bitmaps and ANDed before any row is read: only the rows holding
 * the words and passing the filters are fetched. For a word common overall and rare under the filters (`management`
 * is in the title of 49,707 listings at 1M and of 465 marketing ones; collecting read all 49,707 rows to keep 465 in
 * 182 ms, the two bitmaps took 10 and 17 ms and their 465 rows 3). Chosen only when the word's kept cells say exactly
 * how few rows pass both (collectCosts). Free to use the filters' indexes, the planner may read a filter's bitmap alone
 * when the words would spare it few pages, and test `body` on every row of it, which it does not price: for words tested
 * on `body` in more than SPAN_WORD_SHARE_AT_MOST of the catalog this runs only when its plan ANDs the bitmaps
 * (PageStatement.planCheck).
 */
function bitmapMatches(after: After | null, where: Conditions): SQL {
  const both = sql`(select ${COLLECT_COLUMNS} from listing_search s where ${allOf([where.text, where.bound, ...where.filters, where.seek, ...where.rowFilters])} offset 0) s`;
  return after ? sql`(select * from ${both} where ${after.row} offset 0) s` : both;
}

/**
 * Every listing passing the filters, read through their indexes, then the words tested on each of those rows alone:
 * the other way round from collectSql, for filters much narrower than the words (a common word in one category and a
 * typed price range: 137,000 matches of 1M read and sorted to keep none, where the filters pass a few dozen).
 */
function filterFirstMatches(after: After | null, where: Conditions, text: SQL): SQL {
  const passing = sql`(select * from listing_search s where ${allOf([...where.filters, ...where.rowFilters, where.seek, where.bound, after?.spelledOut])} offset 0) s`;
  return sql`(select * from ${passing} where ${text} offset 0) s`;
}

/**
 * A category without a kind can't seek listing_search_facets_idx (kind, category, price, rating), whose first column
 * is the kind; naming every kind (always true) turns it into five seeks: 10,000 matches of 1M read through that
 * index instead of 130,000 free listings through the price index and filtered.
 */
function facetIndexSeek(query: CatalogQuery): SQL | null {
  return query.category && !query.kind ? sql`s.kind = any(${`{${LISTING_KINDS.join(",")}}`}::listing_kind[])` : null;
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

/** The filters as conditions: on columns every sort index holds (`indexed`), and on the row alone (`row`). */
export function filterWhere(query: CatalogQuery): { indexed: SQL[]; row: SQL[] } {
  const f = filterConditions(query);
  const present = (parts: (SQL | null)[]) => parts.filter((c): c is SQL => Boolean(c));
  return {
    indexed: present([f.kind, f.category, f.price, f.rating]),
    row: present([query.creatorId ? sql`s.creator_id = ${query.creatorId}::uuid` : null, licenseCondition(query)]),
  };
}

/**
 * Under a minimum rating only rated listings can pass, and at 1M listings 5 in 6 have no rating (they never sold): a
 * walk reads the sort orders' rated twins (`rating_avg > 0`, migration 0029), so it reads only rows that may pass, and
 * after a cursor deep among the unrated its region is empty at once instead of the rest of the catalog. `share`: the
 * rated share of the catalog (FilterCount.rated; unknown before the first ANALYZE: then 1).
 */
function ratedRegion(query: CatalogQuery, filtered: FilterCount | null): { condition: SQL; share: number } | null {
  if (!filterConditions(query).rating) return null;
  const share = filtered?.rated ? Math.min(1, Math.max(filtered.rated, 1) / filtered.catalog) : 1;
  return { condition: sql`s.rating_avg > 0`, share };
}

/** The conditions present, ANDed; null when none is. */
function presentAll(parts: (SQL | null)[]): SQL | null {
  return parts.some(Boolean) ? allOf(parts) : null;
}

export function cursorFor(query: CatalogQuery): CursorKey | null {
  if (!query.cursor) return null;
  const cursor = decodeCursor(query.cursor, query.sort);
  if (!cursor) throw new DomainError("input.invalid_cursor");
  return cursor;
}

/**
 * `filters` are on columns the sort indexes hold, `rowFilters` on the row alone. `text` is read through its GIN index
 * when collecting; a walk tests it, with `rowFilters`, on the rows that passed `filters`.
 * `seek`: an always-true condition that lets collecting filters alone seek an index (facetIndexSeek). `range`:
 * conditions the walk's region itself holds, so the walk reads no row they exclude: a price range under a price order
 * (the walk starts at the range instead of reading every listing on the wrong side of it), a minimum rating under the
 * rating order (the walk ends where ratings drop below it), rated listings only under a minimum rating (ratedRegion).
 * `bound`: a price span collecting reads with the words, so that Postgres may read the words' GIN index and the price
 * index together and fetch only the rows both hold (spanPages).
 */
type Conditions = { filters: SQL[]; rowFilters: SQL[]; text: SQL | null; seek?: SQL | null; range?: SQL | null; bound?: SQL | null };

/**
 * What collecting costs (µs): reading the words' matches and testing the filters, or (filterFirstMatches) the other way
 * round, or (bitmapMatches) both indexes' entries and the rows in both; `bodyTest`:
 * testing `body` on one row.
 */
function collectCosts(
  where: Conditions,
  density: Density,
): { textFirstCost: number; filterFirstCost: number; bitmapCost: number; checkedBitmapCost: number; bodyTest: number } {
  const bodyTest = density.pages ? COST.outgrownBodyTest : COST.bodyTest;
  const textFirstCost = readCost(density.collected, COST.collectRow, density.pages);
  const filterFirstCost =
    where.text && density.passing != null
      ? readCost(density.passing, COST.collectRow + (density.bodyTest ? bodyTest : COST.headTest), density.pages)
      : Infinity;
  // How many rows both indexes hold: exactly (a kept word's cells), else as if the words and the filters were
  // independent. Never more than the words' matches, which collecting reads anyway: a wrong guess costs the filters'
  // bitmap at most.
  const jointRows =
    density.joint != null && density.catalog
      ? density.joint * density.catalog
      : density.passing != null && density.catalog
        ? (density.collected * Math.min(density.passing, density.catalog)) / density.catalog
        : null;
  const both =
    where.text && where.filters.length && density.passing != null && jointRows !== null
      ? (density.collected + density.passing) * COST.bitmapEntry + readCost(jointRows, COST.collectRow, density.pages)
      : Infinity;
  // Words tested on `body` in more listings than SPAN_WORD_SHARE_AT_MOST may narrow the filters' pages too little for
  // the planner to read both indexes (`answe:*` in 36 % at 1M: it read 147,585 listings of a price range and tested
  // `body` on each, 995 ms): reading both is then `checkedBitmapCost`, run only when Postgres plans it so (planCheck).
  // So too when the rows in both are only guessed: walks are weighed against the other ways, as before, and the
  // collecting after them reads both indexes when Postgres plans that (`learnes` among templates at 1M: none of
  // the 25,556 listings holding `learn:*` is a template; reading their rows took 164–334 ms for the title tier and 158
  // for the body tier, the two bitmaps about 50 ms each).
  const words = density.catalog ? density.collected / density.catalog : 1;
  const checked = (density.bodyTest && words > SPAN_WORD_SHARE_AT_MOST) || density.joint == null;
  return { textFirstCost, filterFirstCost, bitmapCost: checked ? Infinity : both, checkedBitmapCost: checked ? both : Infinity, bodyTest };
}

/** The cheapest way to collect (collectCosts): its matches, for pageSql, and what it costs. */
function cheapestCollect(where: Conditions, costs: ReturnType<typeof collectCosts>, after: After | null): { cost: number; matches: SQL } {
  const { textFirstCost, filterFirstCost, bitmapCost } = costs;
  const cost = Math.min(textFirstCost, filterFirstCost, bitmapCost);
  if (!where.text || cost === textFirstCost) return { cost, matches: collectedMatches(after, where) };
  return { cost, matches: cost === bitmapCost ? bitmapMatches(after, where) : filterFirstMatches(after, where, where.text) };
}

function statementFor(
  tier: number | null,
  plan: SortPlan,
  after: After | null,
  where: Conditions,
  limit: number,
  density: Density,
  keyPrefix = "",
  bitmapDeclined = false,
): PageStatement {
  if (where.filters.length === 0 && where.rowFilters.length === 0 && !where.text) {
    return { tier, strategy: "walk", statement: walkSql(plan, after?.row ?? null, [], [], limit, limit, keyPrefix, where.range), fallbacks: [] };
  }
  const allCosts = collectCosts(where, density);
  const costs = bitmapDeclined ? { ...allCosts, bitmapCost: Infinity, checkedBitmapCost: Infinity } : allCosts;
  const { filterFirstCost, bodyTest } = costs;
  const cheapest = cheapestCollect(where, costs, after);
  const collectCost = cheapest.cost;
  const plainCollect = pageSql(plan, cheapest.matches, limit, keyPrefix);
  // Both indexes where only Postgres's plan can tell whether it reads them together: that statement, else the cheapest
  // other (walks are weighed against the other's cost, as the plan may refuse).
  const checked =
    costs.checkedBitmapCost < collectCost ? { statement: pageSql(plan, bitmapMatches(after, where), limit, keyPrefix), otherwise: plainCollect } : undefined;
  // Both indexes because kept cells count the rows in both exactly: Postgres may still estimate them as if the words and
  // the filters were independent and read the words' matches alone, testing the filters on each row (`local` among
  // prompts at 1M: 3,445 of its 74,122 listings, estimated 25,342; 36,093 pages read, 240 ms, where ANDing the
  // bitmaps reads 3,331 in 37–77 ms). Its plan is checked too, and the page found without it runs when it refuses.
  const declined =
    !checked && where.text && collectCost === costs.bitmapCost && collectCost < Infinity
      ? statementFor(tier, plan, after, where, limit, density, keyPrefix, true)
      : undefined;
  const planCheck = checked ?? (declined ? { statement: plainCollect, otherwise: declined.fallbacks.at(-1) ?? declined.statement, declined } : undefined);
  const collect = planCheck?.statement ?? plainCollect;
  const walk = (rows: number) =>
    walkSql(plan, after?.row ?? null, where.filters, [...where.rowFilters, ...(where.text ? [where.text] : [])], limit, rows, keyPrefix, where.range);
  // A walk that tests `body` does so for every row passing the filters, so their share (of the rows it reads) counts;
  // when the table outgrew the buffers, testing the words on the row (a page read) costs for those rows too.
  const region = density.region ?? 1;
  const rowTestCost = density.bodyTest ? bodyTest : where.text && density.pages ? COST.pageRead : 0;
  const perRow = COST.walkRow + Math.min(1, (density.filters ?? 1) / region) * rowTestCost;
  // After the last walk (of `walked` rows) before collecting, one farther walk (PageStatement.farther).
  const farther =
    (walked: number) =>
    (found: number, wanted: number): FartherWalk | null => {
      if (found <= 0 || found >= wanted) return null;
      const rows = Math.ceil((walked * wanted * 2) / found);
      if (rows * perRow * FARTHER_WALK_SAVING >= collectCost) return null;
      return { walk: walk(rows), region: walkRegion(plan, after?.row ?? null, where.range ?? null, rows) };
    };
  // How densely rows passing everything lie along the order: exactly (a frequent word's kept cells), else the words'
  // share times the filters' as if independent. A walk twice the length a page needs at that density comes first when
  // it costs less than collecting (a word in 320,000 listings, 28,000 of them of the chosen kind: 1,800 rows walked
  // instead of 320,000 collected). Matches bunch up along some orders, so collecting stays the fallback, and a wrong
  // guess costs one walk cheaper than the collecting that follows it.
  const everywhere = density.joint ?? (density.text !== null && density.filters !== null ? density.text * density.filters : null);
  const joint = everywhere === null ? null : Math.min(1, everywhere / region);
  if (joint !== null && joint > 0 && where.text) {
    const rows = Math.max(density.bodyTest ? WALK_ROWS.body : WALK_ROWS.inline, Math.ceil((limit * 2) / joint));
    if (rows <= MAX_WALK_ROWS && rows * perRow < collectCost) {
      // Matches thinner along this order than on average (a word rare among the dearest listings) leave the walk short:
      // one walk LONGER_WALK times as long comes next when it costs under a quarter of collecting, so a wrong guess
      // costs little beside the collecting that follows, and a right one saves most of it.
      const longer = Math.min(MAX_WALK_ROWS, rows * LONGER_WALK);
      const longWalk = longer > rows && longer * perRow * 4 < collectCost;
      return {
        tier,
        strategy: "walk",
        statement: walk(rows),
        fallbacks: longWalk ? [walk(longer), collect] : [collect],
        farther: farther(longWalk ? longer : rows),
        planCheck,
        region: walkRegion(plan, after?.row ?? null, where.range ?? null, rows),
        longRegion: longWalk ? walkRegion(plan, after?.row ?? null, where.range ?? null, longer) : undefined,
      };
    }
  }
  const choice = chooseStrategy(density, limit);
  // Collecting many matches after a cursor or within a region first asks whether the region holds any row at all.
  const collecting: PageStatement = {
    tier,
    strategy: "collect",
    statement: collect,
    fallbacks: [],
    planCheck,
    region: collectCost > COLLECT_AT_MOST * COST.collectRow ? walkRegion(plan, after?.row ?? null, where.range ?? null, 1) : undefined,
  };
  if (choice.strategy === "collect") return collecting;
  // Knowing exactly how many rows pass everything, a walk that was not worth its cost above is expected to come up
  // short: `management` in marketing at 1M (465 of 49,707 title matches) walked 1,500 and 20,000 rows, finding 7, in
  // 46 ms before collecting.
  if (density.joint != null && where.text) return collecting;
  // Filters so narrow that testing the words on every listing passing them costs less than the short walk: no walk.
  if (filterFirstCost <= choice.rows * perRow) return collecting;
  // When collecting would read more than a long walk costs (a common word or a broad filter in a big catalog, whose
  // matches the short walk found too sparse under the rest of the query), a long walk comes first.
  const longWalk = collectCost > MAX_WALK_ROWS * perRow;
  return {
    tier,
    strategy: "walk",
    statement: walk(choice.rows),
    fallbacks: longWalk ? [walk(MAX_WALK_ROWS), collect] : [collect],
    farther: farther(longWalk ? MAX_WALK_ROWS : choice.rows),
    planCheck,
    region: walkRegion(plan, after?.row ?? null, where.range ?? null, choice.rows),
    longRegion: longWalk ? walkRegion(plan, after?.row ?? null, where.range ?? null, MAX_WALK_ROWS) : undefined,
  };
}

/**
 * How many pages' worth of title matches are expected to pass the filters at most for the title tier to be likely to
 * come up short (bothTiersPage): the expectation treats the words and the filters as independent, which they are not
 * quite. Measured at 1M listings on the bench's mix: title tiers expected to fill 4 pages or more came up short 6
 * times in 531, and reading both tiers at once for those cost more than it saved (a title tier of `owners` under a
 * maximum price that filled its page from 2,865 title matches in 18 ms read the 5,071 document matches in 42 ms).
 */
const UNDER_FILLED = 4;

/** One relevance tier's conditions, what is known of its matches, and its statements. */
type Tier = { where: Conditions; density: Density; page: PageStatement };

/**
 * The title tier's page, its collecting replaced by reading both relevance tiers from one read of the words' matches
 * (each row's tier told by testing `head`, inline, on it), when the body tier would collect too and the title tier's
 * page is likely to come up short: collecting it read its matches only to read them again (every title match is a
 * document match) for the body tier. Likely short: fewer title matches are expected to pass the filters than
 * UNDER_FILLED pages (as if independent; at most the exact count of document matches passing them, when kept). A walk
 * of the title tier still comes first, and the body tier's page runs only when the title tier's walk ended its region
 * without collecting (PageStatement.readsLowerTiers). Null when the tiers are better run one after the other.
 */
function bothTiersPage(
  tiers: Tier[],
  text: TextMatch,
  base: ReturnType<typeof filterWhere>,
  query: CatalogQuery,
  boost: string | null,
  id: string | null,
  limit: number,
): PageStatement | null {
  const [title, body] = tiers;
  if (!title || !body || body.page.strategy !== "collect") return null;
  const joint = body.density.joint == null ? Infinity : body.density.joint * Math.max(1, text.catalogSize);
  if (Math.min(text.headMatches * (title.density.filters ?? 1), joint) >= limit * UNDER_FILLED) return null;
  const bodyCosts = collectCosts(body.where, body.density);
  const q = tsQuery(text.source);
  const tier = sql`case when s.head @@ ${q} then 2 else 1 end as tier`;
  const words = sql`s.body @@ ${q}`;
  const cheapest = Math.min(bodyCosts.textFirstCost, bodyCosts.filterFirstCost, bodyCosts.bitmapCost);
  const matches =
    cheapest === bodyCosts.textFirstCost
      ? sql`(select * from (select ${COLLECT_COLUMNS}, ${tier} from listing_search s where ${allOf([words, ...base.row])} offset 0) s where ${allOf(base.indexed)} offset 0)`
      : cheapest === bodyCosts.bitmapCost
        ? sql`(select ${COLLECT_COLUMNS}, ${tier} from listing_search s where ${allOf([words, ...base.indexed, facetIndexSeek(query), ...base.row])} offset 0)`
        : sql`(select ${COLLECT_COLUMNS}, ${tier} from (select * from listing_search s where ${allOf([...base.indexed, ...base.row, facetIndexSeek(query)])} offset 0) s where ${words} offset 0)`;
  // After a cursor in the title tier: the rest of it, then the whole body tier.
  const after = id === null ? null : sql`(s.tier, s.boost, s.listing_id) < (2, ${boost}::float8, ${id}::uuid)`;
  const source = after ? sql`(select * from ${matches} s where ${after} offset 0) s` : sql`${matches} s`;
  const both = pageSql(BOOST_PLAN, source, limit, null);
  // A collecting page's region check asks about the title tier's order alone: the body tier may still hold rows.
  if (!title.page.fallbacks.length) return { tier: 2, strategy: "collect", statement: both, fallbacks: [], readsLowerTiers: true };
  return { ...title.page, fallbacks: [...title.page.fallbacks.slice(0, -1), both], readsLowerTiers: true };
}

/**
 * The statements one page may run, in order (relevance continues into lower tiers when a tier runs out).
 * `filtered`: how many listings pass the filters, of how many (countFiltered; null when unknown). `joint`: how many
 * listings hold the words and pass every filter, exactly (matchesPassingFilters; null when unknown): none, no statement.
 * `span`: where a price-ordered page of a frequent word lies (keptPriceSpan; null when unknown). `titleJoint`: how
 * many of the `joint` listings hold the words in the title or tags (keptWordCells; null when unknown), which splits
 * `joint` between the relevance tiers: a tier none of them is in runs no statement.
 */
export function searchPageStatements(
  query: CatalogQuery,
  text: TextMatch | null,
  filtered: FilterCount | null = null,
  joint: number | null = null,
  span: PriceSpan | PriceTail | null = null,
  titleJoint: number | null = null,
): PageStatement[] {
  const cursor = cursorFor(query);
  if (text && joint === 0) return [];
  const base = filterWhere(query);
  const limit = query.limit + 1;
  const size = Math.max(1, text?.catalogSize ?? filtered?.catalog ?? 1);
  const unfiltered = base.indexed.length + base.row.length === 0;
  const filters = unfiltered ? 1 : filtered === null ? null : Math.min(1, filtered.matching / filtered.catalog);
  const rated = ratedRegion(query, filtered);
  if (query.sort === "relevance" && text) {
    const [tierText, boost] = cursor?.key?.split("|") ?? [];
    const startTier = cursor ? Math.min(2, Number(tierText)) : 2;
    const tiers: Tier[] = [];
    for (let tier = startTier; tier >= 1; tier--) {
      // Exactly how many of the tier's matches pass the filters, when the kept cells tell (else at most `joint`):
      // `test` of kind model is in the document of 27,788 models at 1M listings and in the title of none, whose
      // walks and collecting of 140,923 title matches found nothing in 258 ms.
      const tierJoint = joint === null || titleJoint === null ? null : tier === 2 ? titleJoint : Math.max(0, joint - titleJoint);
      if (tierJoint === 0) continue;
      const after = cursor && tier === startTier ? afterBoth(BOOST_PLAN, boost, cursor.id) : null;
      const expected = tier === 2 ? text.headMatches : Math.max(0, text.bodyMatches - text.headMatches);
      const condition = tierCondition(tier, text);
      // Tier 1 also asks that the words are not all in the title and tags (tier 2 had those): a test on the row.
      const where: Conditions = {
        filters: base.indexed,
        rowFilters: [...base.row, ...(condition.inline ? [condition.inline] : [])],
        text: condition.index,
        seek: facetIndexSeek(query),
        range: rated?.condition ?? null,
      };
      const density: Density = {
        text: expected / size,
        filters,
        collected: tier === 2 ? text.headMatches : text.bodyMatches,
        bodyTest: tier === 1,
        passing: unfiltered ? null : (filtered?.matching ?? null),
        joint: joint === null ? null : (tierJoint ?? joint) / size,
        region: rated?.share,
        pages: text.outgrownPages || undefined,
        catalog: size,
      };
      tiers.push({ where, density, page: statementFor(tier, BOOST_PLAN, after, where, limit, density, `${tier}|`) });
    }
    // Both tiers' pages from one read only while both tiers are there (bothTiersPage takes the first as the title tier's).
    const both = startTier === 2 && tiers.length === 2 ? bothTiersPage(tiers, text, base, query, cursor ? boost : null, cursor?.id ?? null, limit) : null;
    return both ? [both, ...tiers.slice(1).map((t) => t.page)] : tiers.map((t) => t.page);
  }
  const plan = SORT_PLANS[query.sort === "relevance" ? "popular" : query.sort];
  const after = cursor ? afterBoth(plan, cursor.key, cursor.id) : null;
  // A price order walks from the price range's start (maxPrice=12796 under price_desc: the first 25 rows at or below
  // $127.96, not 820,553 collected and sorted once a walk from the top found none), within the chosen kind
  // (listing_search_kind_price_idx: prompts all cost under $15, so a walk from $88.45 down read only models first).
  // The rating order under a minimum rating reads only the ratings at or above it; other orders read the rated listings.
  const f = filterConditions(query);
  const priceRange = plan.column === SORT_PLANS.price_asc.column && (f.kind || f.price) ? allOf([f.kind, f.price]) : null;
  const range = plan === SORT_PLANS.rating ? f.rating : presentAll([priceRange, rated?.condition ?? null]);
  const where: Conditions = {
    filters: base.indexed,
    rowFilters: base.row,
    text: text ? sql`s.body @@ ${tsQuery(text.source)}` : null,
    seek: facetIndexSeek(query),
    range,
  };
  // Collecting reads every text match, or (filters alone) about every listing that passes them.
  const density: Density = text
    ? {
        text: text.bodyMatches / size,
        filters,
        collected: text.bodyMatches,
        bodyTest: true,
        passing: unfiltered ? null : (filtered?.matching ?? null),
        joint: joint === null ? null : joint / size,
        region: rated?.share,
        pages: text.outgrownPages || undefined,
        catalog: size,
      }
    : {
        text: null,
        filters: filtered === null ? null : filters,
        collected: filtered?.matching ?? size,
        bodyTest: false,
        region: rated?.share,
        // Collecting reads the rows passing the filters from the table, a walk only the sort index (unless a filter is on
        // the row alone): once the table outgrew the buffers, those rows' pages count (listings over $491.15 by
        // popularity at 1M: a 1,500-row walk found 20 of the 26 wanted, then 12,976 rows on 11,239 pages were collected).
        pages: base.row.length ? undefined : filtered?.outgrownPages || undefined,
      };
  const priced = text && span && plan.column === SORT_PLANS.price_asc.column ? span : null;
  if (priced && "tail" in priced) {
    const tail = tailPages(plan, after, cursor, where, density, limit, priced);
    if (tail) return tail;
  }
  const spanned = priced && !("tail" in priced) ? spanPages(plan, after, cursor, where, density, limit, priced, size) : null;
  return spanned ?? [statementFor(null, plan, after, where, limit, density)];
}

/**
 * Listings holding the words before a span's price (PriceSpan.wordBefore) above which collecting them costs more than
 * the walk it would spare (~14 ms at 1M listings, their pages read outside the buffers).
 */
export const SPAN_COLLECT_AT_MOST = 2000;

/**
 * The largest share of the catalog the words may match for a span (spanPages): Postgres reads the words' index and the
 * price index together only while the words narrow the price span's rows in its own estimate. At 1M listings it did
 * so for all 180 spans measured whose words were in up to 16% of listings (8–38 ms), and for a word in 44% it read
 * the price span alone and tested every row's `body` (146,000 rows, 714 ms).
 */
export const SPAN_WORD_SHARE_AT_MOST = 0.2;

/**
 * A price-ordered page of a frequent word, found where its kept cells say it lies (PriceSpan): the few matches before
 * the span's price, collected through the words' index and the price index together, then the rest from that price
 * on, as any page is found, knowing how densely matches lie there. A walk from the top of the order otherwise tests
 * rows where the words are rare (`apply` under price_desc: 400 of the dearest listings tested, none held it), then
 * collects every match (137,042 at 1M listings, 224 ms) to keep 25; here 20 matches above $24.99 are collected and a
 * walk starts at $24.99, where one listing in three holds the word. Each part reads every row of its span, so a listing
 * published or removed there in between is handled like any other; the one thing the counts decide is that a first
 * page whose matches before the span's price all fail the filters reads nothing there (the same race as a kept word
 * whose cells show no match passes: a listing published there in between shows from the next search on).
 */
function spanPages(
  plan: SortPlan,
  after: After | null,
  cursor: CursorKey | null,
  where: Conditions,
  density: Density,
  limit: number,
  span: PriceSpan,
  size: number,
): PageStatement[] | null {
  // Before the span's price nothing is read when no match there passes the filters, which a first page knows from the
  // counts (after a cursor, rows at its own price count for no side): `answe:*`, in 36 % of 1M listings, over $24.59
  // under price_asc has its first 16,995 matches at $29.99, where a walk found none in the 1,261 cheapest listings
  // of the range and collecting then read all 363,845 matches (400–1,000 ms). Only the part before it is what the
  // limits below guard: collecting it is what Postgres may plan as the price span alone with `body` tested on each row.
  const readsBefore = span.wordBefore > 0 && (span.above > 0 || cursor?.key != null);
  if (readsBefore && (span.wordBefore > SPAN_COLLECT_AT_MOST || (density.text ?? 1) > SPAN_WORD_SHARE_AT_MOST)) return null;
  const at = span.price;
  const before = plan.descending ? sql`s.price_cents > ${at}` : sql`s.price_cents < ${at}`;
  const from = plan.descending ? sql`s.price_cents <= ${at}` : sql`s.price_cents >= ${at}`;
  const fromCursor = cursor?.key == null ? null : plan.descending ? sql`s.price_cents <= ${Number(cursor.key)}` : sql`s.price_cents >= ${Number(cursor.key)}`;
  const pages: PageStatement[] = [];
  if (readsBefore) {
    pages.push({
      tier: null,
      strategy: "collect",
      statement: collectSql(plan, after, { ...where, bound: allOf([before, fromCursor]) }, limit, ""),
      fallbacks: [],
    });
  }
  // From the span's price on, every row lies after the cursor (the span's price is past the cursor's).
  const rest: Conditions = { ...where, range: presentAll([where.range ?? null, from]), bound: from };
  const atDensity = densityAt(density, { word: span.wordFrom, passing: span.atPrice, listings: span.listingsAtPrice, region: span.regionAtPrice }, size);
  pages.push(statementFor(null, plan, null, rest, limit, atDensity));
  return pages;
}

/**
 * How densely matches lie where the kept cells place a page (a price, or prices): `word` listings there hold the words
 * (what collecting reads), `passing` of them pass the filters, among `listings` passing the filters and `region`
 * listings a walk reads there.
 */
function densityAt(density: Density, at: { word: number; passing: number; listings: number; region: number }, size: number): Density {
  return { ...density, collected: at.word, joint: at.passing / size, filters: at.listings / size, region: Math.max(1, at.region) / size };
}

/**
 * The last page (or pages) of a price-ordered frequent word, when its kept cells show that fewer matches passing the
 * filters are left after the cursor than a page needs (PriceTail): they all lie between the cursor's price and the last
 * price holding one, so the page is read there alone — nothing when none is left. `planning` under `price_asc` after
 * $149.99 at 1M listings, where no listing holding it costs that much or more: a 400-row walk, then its 107,802 matches
 * collected to find none (282–530 ms). The counts do not say how many of those left at the cursor's own price lie
 * after it, so the page is found as any other, only a walk's region ends at the last price (its count then tells that
 * the walk read to the end). Collecting is not bounded to those prices: reading the price index with the words' (for
 * `prd` after $0.00, a bitmap of the 128,892 free listings, 41 ms) may cost more than the words' matches alone.
 */
function tailPages(
  plan: SortPlan,
  after: After | null,
  cursor: CursorKey | null,
  where: Conditions,
  density: Density,
  limit: number,
  tail: PriceTail,
): PageStatement[] | null {
  if (tail.passing === 0 || tail.last === null) return [];
  if (cursor?.key == null) return null;
  const at = Number(cursor.key);
  const prices = plan.descending ? sql`s.price_cents between ${tail.last} and ${at}` : sql`s.price_cents between ${at} and ${tail.last}`;
  const within: Conditions = { ...where, range: presentAll([where.range ?? null, prices]) };
  return [statementFor(null, plan, after, within, limit, density)];
}
