// Catalog search: typo-tolerant full text, filters, six sorts and exact keyset pages over published listings.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { ListingCard } from "./cards";
import { decodeCursor, encodeCursor } from "./cursor";
import { allOf, CARD_COLUMNS, filterConditions, PUBLISHED, relevanceScore, tsQuery } from "./filters";
import type { CatalogQuery, Sort } from "./params";
import { buildTsQuery, resolveTokens, tokenize } from "./terms";
import { DomainError } from "@/lib/errors";

/** What the text of a query became: the tsquery source, and the spelling fixes it used. */
export type TextMatch = { source: string; corrections: { token: string; suggestions: string[] }[]; didYouMean: string | null };

export async function resolveTextQuery(db: Db, q: string | undefined): Promise<TextMatch | null> {
  const tokens = q ? tokenize(q) : [];
  if (tokens.length === 0) return null;
  const resolved = await resolveTokens(db, tokens);
  const corrections = resolved.filter((r) => r.corrections.length > 0).map((r) => ({ token: r.token, suggestions: r.corrections }));
  const didYouMean = corrections.length ? resolved.map((r) => r.corrections[0] ?? r.token).join(" ") : null;
  return { source: buildTsQuery(resolved), corrections, didYouMean };
}

type SortPlan = {
  /** The sort key selected in the page subquery (an expression over `l`). */
  key: SQL;
  /** ORDER BY inside the page subquery; `desc nulls last` matches the partial indexes' direction. */
  order: SQL;
  /** ORDER BY of the outer query over the page's `k` and `id`. */
  outerOrder: SQL;
  /** Rows strictly after the cursor. */
  after: (key: string | null, id: string) => SQL;
  /** The key as exact text (never a JS Date or float). */
  keyText: SQL;
};

const desc = (column: string, cast: string): Omit<SortPlan, "key"> & { key?: SQL } => ({
  order: sql.raw(`${column} desc nulls last, l.id desc nulls last`),
  outerOrder: sql.raw(`p.k desc nulls last, p.id desc nulls last`),
  after: (key, id) => sql`${sql.raw(column)} <= ${key}::${sql.raw(cast)} and (${sql.raw(column)} < ${key}::${sql.raw(cast)} or l.id < ${id}::uuid)`,
  keyText: sql.raw(`p.k::text`),
});

function sortPlan(sort: Sort, text: TextMatch | null): SortPlan {
  switch (sort) {
    case "relevance": {
      if (!text) return { ...desc("l.sales_count", "int"), key: sql`l.sales_count` };
      const score = relevanceScore(tsQuery(text.source));
      return {
        key: score,
        order: sql`k desc nulls last, l.id desc nulls last`,
        outerOrder: sql.raw(`p.k desc nulls last, p.id desc nulls last`),
        after: (key, id) => sql`${score} <= ${key}::float8 and (${score} < ${key}::float8 or l.id < ${id}::uuid)`,
        keyText: sql.raw(`p.k::text`),
      };
    }
    case "newest":
      return {
        key: sql`l.published_at`,
        order: sql.raw(`l.published_at desc nulls last, l.id desc nulls last`),
        outerOrder: sql.raw(`p.k desc nulls last, p.id desc nulls last`),
        after: (key, id) =>
          key === null
            ? sql`l.published_at is null and l.id < ${id}::uuid`
            : sql`l.published_at <= ${key}::timestamptz and (l.published_at < ${key}::timestamptz or l.id < ${id}::uuid)`,
        keyText: sql.raw(`to_char(p.k at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`),
      };
    case "popular":
      return { ...desc("l.sales_count", "int"), key: sql`l.sales_count` };
    case "rating":
      return { ...desc("l.rating_avg", "numeric"), key: sql`l.rating_avg` };
    case "price_asc":
      return {
        key: sql`l.price_cents`,
        order: sql.raw(`l.price_cents asc, l.id asc`),
        outerOrder: sql.raw(`p.k asc, p.id asc`),
        after: (key, id) => sql`l.price_cents >= ${key}::int and (l.price_cents > ${key}::int or l.id > ${id}::uuid)`,
        keyText: sql.raw(`p.k::text`),
      };
    case "price_desc":
      // Backward scan of the (price_cents, id) index: descending with nulls first (both columns are not null).
      return {
        key: sql`l.price_cents`,
        order: sql.raw(`l.price_cents desc nulls first, l.id desc nulls first`),
        outerOrder: sql.raw(`p.k desc nulls first, p.id desc nulls first`),
        after: (key, id) => sql`l.price_cents <= ${key}::int and (l.price_cents < ${key}::int or l.id < ${id}::uuid)`,
        keyText: sql.raw(`p.k::text`),
      };
  }
}

export type SearchPage = { items: ListingCard[]; nextCursor: string | null };

/** The SQL of one page; exported so the benchmark can EXPLAIN exactly what the API runs. */
export function searchPageSql(query: CatalogQuery, text: TextMatch | null): SQL {
  const plan = sortPlan(query.sort, text);
  let after: SQL | null = null;
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, query.sort);
    if (!cursor) throw new DomainError("input.invalid_cursor", "cursor is not valid for this query", 400);
    after = plan.after(cursor.key, cursor.id);
  }
  const f = filterConditions(query);
  const where = allOf([PUBLISHED, text ? sql`l.search @@ ${tsQuery(text.source)}` : null, f.kind, f.category, f.price, f.rating, query.creatorId ? sql`l.creator_id = ${query.creatorId}::uuid` : null, after]);
  return sql`with p as (
      select l.id, ${plan.key} as k from listings l
      where ${where}
      order by ${plan.order}
      limit ${query.limit + 1}
    )
    select ${CARD_COLUMNS}, ${plan.keyText} as "sortKey"
    from p join listings l on l.id = p.id join creator_profiles c on c.user_id = l.creator_id
    order by ${plan.outerOrder}`;
}

type CardRow = ListingCard & { sortKey: string | null };

/** One page of results; `text` comes from resolveTextQuery so callers resolve a query once for items and facets. */
export async function searchListings(db: Db, query: CatalogQuery, text?: TextMatch | null): Promise<SearchPage> {
  const match = text === undefined ? await resolveTextQuery(db, query.q) : text;
  const rows = await queryRows<CardRow>(db, searchPageSql(query, match));
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
