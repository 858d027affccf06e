// Catalog search: one page of published listings for a query (text, filters, sort, keyset cursor) as cards.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { type Db } from "@/db/client";
import type { ListingCard } from "./cards";
import type { FilterCount, PriceSpan, PriceTail } from "./facets";
import { encodeCursor } from "./cursor";
import { searchPageStatements, type PageStatement } from "./page-statements";
import type { CatalogQuery } from "./params";
import { rowsWithPlan } from "./plan-settings";
import { resolveTextQuery, type TextMatch } from "./text-match";

export type SearchPage = { items: ListingCard[]; nextCursor: string | null };
export type CardRow = ListingCard & { sortKey: string | null };

/** Whether a walk's region holds all the rows it may read (PageStatement.region): false when it ends sooner. */
async function regionHoldsAll(db: Db, region: NonNullable<PageStatement["region"]>): Promise<boolean> {
  const [row] = await rowsWithPlan<{ n: number }>(db, { seqscan: false, bitmapscan: false }, region.statement);
  return Number(row?.n ?? 0) >= region.rows;
}

export type PlanNode = { "Node Type"?: string; Plans?: PlanNode[] };

/** Whether a plan (EXPLAIN's JSON) ANDs bitmaps anywhere in it. */
export function andsBitmaps(node: PlanNode | undefined): boolean {
  return node?.["Node Type"] === "BitmapAnd" || (node?.Plans ?? []).some(andsBitmaps);
}

/** Whether Postgres plans `statement` ANDing bitmaps (PageStatement.planCheck): one EXPLAIN, planning only. */
async function readsIndexesTogether(db: Db, statement: SQL): Promise<boolean> {
  const [row] = await rowsWithPlan<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(db, { seqscan: false, bitmapscan: true }, sql`explain (format json) ${statement}`);
  return andsBitmaps(row?.["QUERY PLAN"]?.[0]?.Plan);
}

/** Runs a statement of `page`; its checked collecting only as Postgres plans it (PageStatement.planCheck). */
async function runStatement<T>(db: Db, page: PageStatement, statement: SQL, bitmapscan: boolean, planned = false): Promise<T[]> {
  const check = page.planCheck;
  const chosen = check && !planned && statement === check.statement && !(await readsIndexesTogether(db, statement)) ? check.otherwise : statement;
  return rowsWithPlan<T>(db, { seqscan: false, bitmapscan }, chosen);
}

/**
 * Runs one ordering's page: a walk follows the sort index (no bitmaps); if it comes up short, a longer walk or collecting
 * every match — unless the walk read to the end of its order (PageStatement.region), or the longer walk did
 * (PageStatement.longRegion).
 */
export async function pageRows<T>(db: Db, page: PageStatement, wanted: number): Promise<{ rows: T[]; last: boolean }> {
  if (page.strategy === "collect" && page.region && !(await regionHoldsAll(db, page.region))) return { rows: [], last: false };
  // Collecting through both indexes at once, which Postgres may refuse: then the page as found without it.
  const declined = page.planCheck?.declined;
  const planned = Boolean(declined) && page.statement === page.planCheck?.statement;
  if (declined && planned && !(await readsIndexesTogether(db, page.statement))) return pageRows<T>(db, declined, wanted);
  const rows = await runStatement<T>(db, page, page.statement, page.strategy === "collect", planned);
  // `last`: whether the page's last statement ran (PageStatement.readsLowerTiers).
  if (!page.fallbacks.length) return { rows, last: true };
  let found = rows;
  // A short page from a walk that read to the end of its order is the whole answer.
  if (found.length < wanted && page.region && !(await regionHoldsAll(db, page.region))) return { rows: found, last: false };
  for (const [i, fallback] of page.fallbacks.entries()) {
    if (found.length >= wanted) return { rows: found, last: false };
    // A longer walk (the first fallback) that read to the end of its region is the whole answer too.
    if (i === 1 && page.longRegion && !(await regionHoldsAll(db, page.longRegion))) return { rows: found, last: false };
    const farther = fallback === page.fallbacks.at(-1) ? page.farther?.(found.length, wanted) : null;
    if (farther) {
      // One walk as far as the matches found so far say a page needs, before collecting (PageStatement.farther);
      // reading to the end of its region, it is the whole answer.
      const all = !farther.region || (await regionHoldsAll(db, farther.region));
      found = await runStatement<T>(db, page, farther.walk, false);
      if (found.length >= wanted || !all) return { rows: found, last: false };
    }
    found = await runStatement<T>(db, page, fallback, fallback === page.fallbacks.at(-1));
  }
  return { rows: found, last: true };
}

/**
 * One page of results; `text` comes from resolveTextQuery so callers resolve a query once for items and facets, and
 * `filtered` (countFiltered: listings passing the filters), `joint` (matchesPassingFilters: listings holding the
 * words and passing the filters, when known exactly), `span` (keptPriceSpan) and `titleJoint` (how many of those hold
 * them in the title or tags: keptWordCells) help choose how to find them.
 */
export async function searchListings(
  db: Db,
  query: CatalogQuery,
  text?: TextMatch | null,
  filtered: FilterCount | null = null,
  joint: number | null = null,
  span: PriceSpan | PriceTail | null = null,
  titleJoint: number | null = null,
): Promise<SearchPage> {
  const match = text === undefined ? await resolveTextQuery(db, query.q) : text;
  const rows: CardRow[] = [];
  for (const page of searchPageStatements(query, match, filtered, joint, span, titleJoint)) {
    const wanted = query.limit + 1 - rows.length;
    const found = await pageRows<CardRow>(db, page, wanted);
    rows.push(...found.rows.slice(0, wanted));
    if (rows.length > query.limit || (found.last && page.readsLowerTiers)) break;
  }
  return pageOf(rows, query);
}

/** A page from up to `query.limit + 1` rows in order: the last row only tells that there is a next page. */
export function pageOf(rows: CardRow[], query: Pick<CatalogQuery, "limit" | "sort">): SearchPage {
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
