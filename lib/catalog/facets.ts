// Facet counts for kind, category, price band and rating: each group counts under every other filter (not its own).
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { LISTING_KINDS, type Kind } from "@/lib/listings/kinds";
import { CATEGORIES } from "./categories";
import { allOf, filterConditions, licenseCondition, OUTGROWN_PAGES, tsQuery } from "./filters";
import type { CatalogQuery } from "./params";
import { rowsWithPlan } from "./plan-settings";
import type { TextMatch } from "./text-match";

/** Price bands in cents: [min, max] inclusive, max null = no upper bound. */
export const PRICE_BANDS = [
  { id: "free", label: "Free", min: 0, max: 0 },
  { id: "under-5", label: "Under $5", min: 1, max: 499 },
  { id: "5-20", label: "$5 – $20", min: 500, max: 1999 },
  { id: "20-50", label: "$20 – $50", min: 2000, max: 4999 },
  { id: "over-50", label: "$50 and up", min: 5000, max: null },
] as const;

/**
 * Above this many matches (the planner's estimate) facets are counted from a sample of FACET_SAMPLE_ROWS matches and
 * shown as approximate: counting every match costs ~0.7 µs a row (30 ms for 40,000 at 100k listings, ten times that at
 * 1M), and "about 12,000" tells a buyer as much as 12,346. Smaller match sets — nearly every query — are counted exactly.
 */
export const APPROXIMATE_FACETS_ABOVE = 20_000;
export const FACET_SAMPLE_ROWS = 8_000;

/** Rating thresholds shown as "4.5 & up", "4 & up"… (counts are cumulative). */
export const RATING_THRESHOLDS = [4.5, 4, 3, 2, 1] as const;

export type Facets = {
  /** Counts estimated from a sample of a very large match set (shown as "about"); exact otherwise. */
  approximate: boolean;
  kind: { value: Kind; count: number }[];
  category: { value: string; count: number }[];
  price: { value: (typeof PRICE_BANDS)[number]["id"]; label: string; min: number; max: number | null; count: number }[];
  rating: { value: number; count: number }[];
};

const BAND_SQL = sql.raw(
  `case ${PRICE_BANDS.map((b, i) => `when s.price_cents ${b.max === null ? `>= ${b.min}` : `between ${b.min} and ${b.max}`} then ${i}`).join(" ")} end`,
);
const RATING_SQL = sql.raw(`case ${RATING_THRESHOLDS.map((t, i) => `when s.rating_avg >= ${t} then ${i}`).join(" ")} else -1 end`);

/** One facet count as the database sums it: group (0 kind, 1 category, 2 price band, 3 rating bucket), value, count. */
export type FacetRow = { g: number; v: string; n: number };

/**
 * Sums a cube (kind × category × price band × rating bucket × price ok × rating ok → n) into the four facet groups in
 * the database, each under every filter but its own, so a request reads a few dozen rows instead of the whole cube.
 */
function facetGroupsSql(query: CatalogQuery, cube: SQL, sample: SQL | null = null): SQL {
  // A sample's size comes back as group 4 and the share of the table it covered as group 5 (its last heap block of
  // all the table's blocks: matches spread evenly through the table, so rows ÷ share estimates them all).
  const sampled = sample
    ? sql` union all select 4, 'sampled', (select count(*) from m)::int
           union all select 5, ((select max((m.ctid::text::point)[0]) + 1 from m) / greatest(1, (select relpages from pg_class where oid = 'listing_search'::regclass)))::text, 0`
    : sql``;
  return sql`with ${sample ? sql`m as materialized (${sample}), ` : sql``}c as materialized (${cube})
    ${facetGroupsOfCube(query)}${sampled}`;
}

/** The four facet groups (FacetRow) summed from a cube `c` (facetGroupsSql), each under every filter but its own. */
export function facetGroupsOfCube(query: CatalogQuery): SQL {
  const kindOk = query.kind ? sql`c.kind = ${query.kind}` : sql`true`;
  const categoryOk = query.category ? sql`c.category = ${query.category}` : sql`true`;
  return sql`select 0 as g, c.kind::text as v, sum(c.n) filter (where ${categoryOk} and c.p and c.r)::int as n from c group by c.kind
    union all
    select 1, c.category, sum(c.n) filter (where ${kindOk} and c.p and c.r)::int from c group by c.category
    union all
    select 2, c.band::text, sum(c.n) filter (where ${kindOk} and ${categoryOk} and c.r)::int from c where c.band is not null group by c.band
    union all
    select 3, c.rating::text, sum(c.n) filter (where ${kindOk} and ${categoryOk} and c.p)::int from c group by c.rating`;
}

/**
 * The facet SQL (exported for the benchmark's EXPLAIN): one pass over the narrow listing_search rows that
 * match the text, grouped into a small cube (kind × category × price band × rating bucket × price ok × rating ok).
 * Every facet group is then summed from the cube under all filters but its own, exactly.
 */
export function facetSql(query: CatalogQuery, text: TextMatch | null, sample: number | null = null) {
  if (!text && !query.creatorId && !query.commercial) {
    // No text: sum the maintained cube (a few thousand cells) instead of counting the catalog.
    return facetGroupsSql(query, cubeSql(query, sql`listing_facet_counts`, sql`sum(s.n)::int`));
  }
  const matches = facetMatches(query, text);
  if (sample !== null) {
    // The first `sample` matches in table order (unrelated to kind, category, price or rating), then the same cube.
    const rows = sql`select s.ctid, s.kind, s.category, s.price_cents, s.rating_avg from listing_search s where ${matches} limit ${sample}`;
    return facetGroupsSql(query, cubeSql(query, sql`m`), rows);
  }
  return facetGroupsSql(query, cubeSql(query, sql`listing_search`, sql`count(*)::int`, matches));
}

/** The listings facets count (listing_search as `s`): the words' matches, on a storefront its creator's, under the license filter. */
export function facetMatches(query: CatalogQuery, text: TextMatch | null): SQL {
  return allOf([
    text ? sql`s.body @@ ${tsQuery(text.source)}` : null,
    query.creatorId ? sql`s.creator_id = ${query.creatorId}::uuid` : null,
    licenseCondition(query),
  ]);
}

/**
 * The cube of rows `s` of `from` (kind × category × price band × rating bucket × price ok × rating ok → n, as
 * facetGroupsOfCube sums it), counting only rows that matter to some facet group: those failing at most one filter group.
 */
export function cubeSql(query: CatalogQuery, from: SQL, count: SQL = sql`count(*)::int`, where: SQL | null = null): SQL {
  const f = filterConditions(query);
  const ok = (part: keyof typeof f) => f[part] ?? sql`true`;
  const relevant =
    [f.kind, f.category, f.price, f.rating].filter(Boolean).length >= 2
      ? sql`((${ok("kind")})::int + (${ok("category")})::int + (${ok("price")})::int + (${ok("rating")})::int) >= 3`
      : null;
  return sql`select s.kind, s.category, ${BAND_SQL} as band, ${RATING_SQL} as rating, ${ok("price")} as p, ${ok("rating")} as r, ${count} as n
    from ${from} s where ${allOf([where, relevant])} group by 1, 2, 3, 4, 5, 6`;
}

/**
 * A query whose facet cells search_token_facets can keep: one whole vocabulary word (`invoice`), or one partial word
 * (`doc:*`, every word starting so), a misspelling no listing holds that has one correction (its source is that
 * word: ResolvedToken.unmatched) — not a misspelling's alternatives, not several words.
 */
export function singleTerm(text: TextMatch | null): string | null {
  return text && /^[\p{L}\p{N}]+(:\*)?$/u.test(text.source) ? text.source : null;
}

/**
 * At most this many partial words keep cells. Whole words are bounded by the vocabulary; the starts of words are not
 * (each is one more tsquery every listing write is tested against), so past this many a partial word is counted.
 */
export const MAX_KEPT_PREFIXES = 2000;

/**
 * The term of a kept term's title-and-tags matches: the same term limited to the weights `body` gives the title (A)
 * and the tags (B), which is exactly `head @@ term` (head is the title and tags alone, with the same lexemes). Kept as
 * another key, by the same triggers, it tells how many listings passing the filters the relevance order's title tier
 * holds (`invoice` → `invoice:AB`, `doc:*` → `doc:*AB`).
 */
export function titleTerm(term: string): string {
  return term.endsWith(":*") ? `${term}AB` : `${term}:AB`;
}

/**
 * The same cube query over a frequent word's kept cells (exported for the benchmark's EXPLAIN), and as group 6 how
 * many of its title-and-tags matches pass every filter (null when that key is not kept).
 */
export function tokenFacetSql(query: CatalogQuery, source: string) {
  const f = filterConditions(query);
  const ok = (part: keyof typeof f) => f[part] ?? sql`true`;
  const title = sql`to_tsquery('english'::regconfig, ${titleTerm(source)})::text`;
  return sql`${facetGroupsSql(
    query,
    sql`select s.kind, s.category, ${BAND_SQL} as band, ${RATING_SQL} as rating, ${ok("price")} as p, ${ok("rating")} as r, sum(s.n)::int as n
      from search_token_facets s where s.key = ${tsQuery(source)}::text and s.n > 0
      group by 1, 2, 3, 4, 5, 6`,
  )}
    union all
    select 6, 'title', (select case when exists (select 1 from search_token_keys k where k.key = ${title})
      then (select coalesce(sum(s.n), 0) from search_token_facets s where ${allOf([sql`s.key = ${title}`, f.kind, f.category, f.price, f.rating])}) end)::int`;
}

/** A frequent word's facets and how many of its listings passing the filters hold it in the title or tags (null: not kept). */
export type KeptCells = { facets: Facets; titleJoint: number | null };

/**
 * A frequent word's facets, summed from its kept cells (about a millisecond), with its title tier's count; null when
 * the query is not one such word alone (or its cells are not kept yet: an unknown or rare word is counted by
 * facetsWithSource).
 */
export async function keptWordCells(db: Db, query: CatalogQuery, text: TextMatch | null): Promise<KeptCells | null> {
  // Kept cells (the catalog's, a frequent word's) count every license: the license filter counts the matches instead.
  const single = query.creatorId || query.commercial ? null : singleTerm(text);
  if (!single) return null;
  // Kept cells only need their primary key.
  const rows = await rowsWithPlan<FacetRow>(db, { seqscan: false, bitmapscan: true }, tokenFacetSql(query, single));
  const cells = rows.filter((r) => Number(r.g) < 4);
  if (cells.length === 0) return null;
  const title = rows.find((r) => Number(r.g) === 6)?.n;
  return { facets: summarize(cells), titleJoint: title == null ? null : Number(title) };
}

/**
 * The words' source (buildTsQuery) as the terms each of its parts may be: `a & (b | c)` → [[a], [b, c]] (a word, or a
 * misspelling read as its alternatives). Null when a part is anything else.
 */
export function termGroups(source: string): string[][] | null {
  const groups = source.split(" & ").map((part) => (/^\(.+\)$/.test(part) ? part.slice(1, -1).split(" | ") : [part]));
  return groups.every((terms) => terms.every((t) => /^[\p{L}\p{N}]+(:\*)?$/u.test(t))) ? groups : null;
}

/**
 * Whether the kept cells show that no listing holding the words passes the filters: some part of the words is terms
 * none of whose listings passes them (every alternative of a misspelling, when it is read as several). `plannign`
 * in video at 1M listings is `planning | planner | plan`, in 128,911 listings and in no video one: an OR no cell
 * keeps, whose two walks and two collectings found nothing in about 450 ms. An alternative that keeps no cells but is
 * a rare word (rareWord: `documentary` beside `documentation | document`) has its matches counted when there are at
 * most `countAtMost` of them and every other alternative shows none (a second statement, only then), and is unknown
 * otherwise, as is any other term that keeps none. False when any part is unknown, or has listings that pass (the
 * alternatives' counts only bound their OR's, which overlap). The license and the creator, which cells do not know,
 * only narrow what passes.
 */
export async function keptTermsShowNone(db: Db, query: CatalogQuery, groups: string[][], countAtMost = RARE_WORD_MATCHES): Promise<boolean> {
  const f = filterConditions(query);
  const filters = allOf([f.kind, f.category, f.price, f.rating]);
  const terms = (list: string[]) =>
    sql`unnest(array[${sql.join(
      list.map((t) => sql`${t}`),
      sql`, `,
    )}]::text[]) as t(term) cross join lateral (select to_tsquery('english'::regconfig, t.term) as query) q`;
  // Kept terms' counts first (null: not kept), and whether a term that is not could be counted (rareWord).
  const rows = await rowsWithPlan<{ term: string; n: number | null; rare: boolean }>(
    db,
    { seqscan: false, bitmapscan: true },
    sql`select t.term, (case when exists (select 1 from search_token_keys k where k.key = q.query::text)
          then (select coalesce(sum(s.n), 0) from search_token_facets s where s.key = q.query::text and ${filters}) end)::int as n,
          ${rareWord(sql`t.term`, countAtMost)} as rare
        from ${terms([...new Set(groups.flat())])}`,
  );
  const known = new Map(rows.map((r) => [r.term, r]));
  const none = (t: string) => known.get(t)?.n != null && Number(known.get(t)?.n) === 0;
  if (groups.some((alternatives) => alternatives.every(none))) return true;
  // A misspelling's alternatives all show none but for rare words that keep no cells: those few matches are counted
  // (only a misspelling's: a word of several, `sho:*` in `sho expla time`, may be in hundreds of thousands of listings).
  const open = groups.filter(
    (alternatives) => alternatives.length > 1 && alternatives.every((t) => none(t) || (known.get(t)?.n == null && known.get(t)?.rare)),
  );
  const uncounted = [...new Set(open.flat().filter((t) => !none(t)))];
  if (uncounted.length === 0) return false;
  const counted = await rowsWithPlan<{ term: string; n: number | null }>(
    db,
    { seqscan: false, bitmapscan: true },
    sql`select t.term, (select case when count(*) <= ${countAtMost} then count(*) filter (where ${filters}) end
          from (select s.kind, s.category, s.price_cents, s.rating_avg from listing_search s where s.body @@ q.query limit ${countAtMost + 1}) s)::int as n
        from ${terms(uncounted)}`,
  );
  const zero = new Set(counted.filter((r) => r.n !== null && Number(r.n) === 0).map((r) => r.term));
  return open.some((alternatives) => alternatives.every((t) => none(t) || zero.has(t)));
}

/**
 * Whether `term` is a vocabulary word in at most `atMost` listings when it was last counted: one that keeps no cells
 * can have its matches counted, a few index entries and rows. Not the start of words (`repor:*`, which `reporing`
 * stems to, is in 19,836 listings at 1M), whose count nothing bounds.
 */
function rareWord(term: SQL, atMost: number): SQL {
  return sql`exists (select 1 from search_terms v where v.term = ${term} and v.listing_count <= ${atMost})`;
}

/** keptWordCells' facets alone. */
export async function keptWordFacets(db: Db, query: CatalogQuery, text: TextMatch | null): Promise<Facets | null> {
  return (await keptWordCells(db, query, text))?.facets ?? null;
}

/**
 * How many matches pass every filter, from exact facets: the kind group counts under every filter but the kind's, so
 * the chosen kind's count (or all kinds' without one) is the query's own.
 */
export function matchesPassingFilters(facets: Facets, query: Pick<CatalogQuery, "kind">): number | null {
  if (facets.approximate) return null;
  return facets.kind.filter((k) => !query.kind || k.value === query.kind).reduce((sum, k) => sum + k.count, 0);
}

/**
 * Facets and how they were found: from kept cells (the catalog's or a frequent word's) or by counting the
 * matches (`counted`, exactly or from a sample), after which a frequent vocabulary word is worth keeping (catalogSearch does that).
 */
export async function facetsWithSource(
  db: Db,
  query: CatalogQuery,
  text: TextMatch | null,
  sampling?: { above: number; rows: number },
): Promise<{ facets: Facets; counted: boolean }> {
  const kept = await keptWordFacets(db, query, text);
  if (kept) return { facets: kept, counted: false };
  return { facets: await countedFacets(db, query, text, sampling), counted: Boolean(text) };
}

/** Whether counted facets count every match of the words (the planner expects at most `above`), not a sample. */
export function countsEveryMatch(text: TextMatch, above = APPROXIMATE_FACETS_ABOVE): boolean {
  return text.bodyMatches <= above;
}

/** Facets counted from the matches (or the catalog cube without words): exactly, or from a sample when very many match. */
export async function countedFacets(
  db: Db,
  query: CatalogQuery,
  text: TextMatch | null,
  sampling: { above: number; rows: number } = { above: APPROXIMATE_FACETS_ABOVE, rows: FACET_SAMPLE_ROWS },
): Promise<Facets> {
  // Very many matches (a common partial word, a misspelling of a common word): counted from a sample, shown as "about".
  const estimate = text?.bodyMatches ?? 0;
  const sample = text && !countsEveryMatch(text, sampling.above) ? sampling.rows : null;
  // The catalog cube is small: a sequential scan is the right plan there; listing_search must go through its indexes.
  const rows = await rowsWithPlan<FacetRow>(db, { seqscan: !text && !query.creatorId, bitmapscan: true }, facetSql(query, text, sample));
  const sampled = Number(rows.find((r) => Number(r.g) === 4)?.n ?? 0);
  const share = Number(rows.find((r) => Number(r.g) === 5)?.v ?? 1);
  const scale = sample !== null && sampled >= sample ? 1 / Math.min(1, Math.max(share, sample / Math.max(estimate, sample) / 4)) : null;
  return summarize(
    rows.filter((r) => Number(r.g) < 4),
    scale,
  );
}

/**
 * `matching` of `catalog` listings pass the filters; under a minimum rating, `rated` listings have any rating at all
 * (the planner's row count of the rated sort indexes: the region a walk then reads, page-statements.ts).
 */
export type FilterCount = { matching: number; catalog: number; rated?: number; outgrownPages?: number };

/**
 * How many listings pass the query's filters (not its words), for choosing how to find a page: summed from the kept
 * catalog cells, or counted through the creator index on a storefront. Null without filters. The license filter is
 * not in the cells: its count is left out (an overestimate, which only makes a walk more likely; a short walk collects).
 */
export async function countFiltered(db: Db, query: CatalogQuery): Promise<FilterCount | null> {
  const f = filterConditions(query);
  const parts = [f.kind, f.category, f.price, f.rating].filter((c): c is SQL => Boolean(c));
  if (!query.creatorId && parts.length === 0) return null;
  const matching = query.creatorId
    ? sql`(select count(*) from listing_search s where s.creator_id = ${query.creatorId}::uuid and ${allOf(parts)})`
    : sql`(select coalesce(sum(s.n), 0) from listing_facet_counts s where ${allOf(parts)})`;
  // The planner's row count is enough for a catalog size, and costs nothing to read.
  const rated = f.rating ? sql`, (select greatest(reltuples, 0)::int from pg_class where oid = to_regclass('listing_search_boost_rated_idx')) as rated` : sql``;
  const [row] = await queryRows<{ matching: number; catalog: number; rated?: number; outgrown: number }>(
    db,
    sql`select ${matching}::int as matching, (select greatest(reltuples, 1000)::int from pg_class where oid = 'listing_search'::regclass) as catalog,
               ${OUTGROWN_PAGES} as outgrown${rated}`,
  );
  const count: FilterCount = { matching: Number(row?.matching ?? 0), catalog: Math.max(1, Number(row?.catalog ?? 1)) };
  if (row?.outgrown) count.outgrownPages = Number(row.outgrown);
  // Before the first ANALYZE the row count is unknown (0), and while a bulk seed has dropped the index there is none:
  // no rated share, so walks are weighed as over the whole catalog.
  if (row?.rated) count.rated = Number(row.rated);
  return count;
}

/**
 * Keeps a frequent term's facet cells from now on (see agora_add_search_token); idempotent. `term` is singleTerm's: a
 * vocabulary word, or the start of one (`doc:*`) while fewer than MAX_KEPT_PREFIXES are kept.
 */
export async function keepTokenFacets(db: Db, term: string, opts: { maxPrefixes?: number } = {}): Promise<boolean> {
  const prefix = term.endsWith(":*") ? term.slice(0, -2) : null;
  const [row] = await queryRows<{ key: string | null }>(
    db,
    prefix === null
      ? sql`select agora_add_search_token(term) as key from search_terms where term = ${term} and listing_count >= 1`
      : sql`select agora_add_search_token(${term}) as key
            where exists (select 1 from search_terms where term like ${prefix} || '%')
              and (select count(*) from search_token_keys where key like '%:*') < ${opts.maxPrefixes ?? MAX_KEPT_PREFIXES}`,
  );
  await keepTitleFacets(db, term);
  return Boolean(row?.key);
}

/**
 * Keeps the title tier's cells (titleTerm) of a kept term whose query is one lexeme (or the start of one), also for a
 * term kept before title cells were (idempotent). Counted from `head` (the title and tags alone, inline, with its own
 * index), not from `body` at the title's weights, which reads every document match of the word. Writers wait while
 * this counts, as agora_add_search_token makes them: no change slips between the count and the triggers.
 */
export async function keepTitleFacets(db: Db, term: string): Promise<void> {
  const title = sql`to_tsquery('english'::regconfig, ${titleTerm(term)})`;
  // Nothing to keep (already kept, or a term with no one-lexeme key): no lock, so writers never wait for nothing.
  const [due] = await queryRows<{ due: boolean }>(
    db,
    sql`select exists (select 1 from search_token_keys where key = to_tsquery('english'::regconfig, ${term})::text and key ~ '^''[^'']+''(:[*])?$')
          and not exists (select 1 from search_token_keys where key = ${title}::text) as due`,
  );
  if (!due?.due) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table listing_search in share mode`);
    await tx.execute(sql`
      with fresh as (
        insert into search_token_keys (key, query)
        select ${title}::text, ${title}
        where exists (select 1 from search_token_keys where key = to_tsquery('english'::regconfig, ${term})::text and key ~ '^''[^'']+''(:[*])?$')
        on conflict (key) do nothing
        returning key
      )
      insert into search_token_facets (key, kind, category, price_cents, rating_avg, n)
      select f.key, s.kind, s.category, s.price_cents, s.rating_avg, count(*)::int
      from fresh f cross join listing_search s where s.head @@ to_tsquery('english'::regconfig, ${term})
      group by 1, 2, 3, 4, 5
      order by 1, 2, 3, 4, 5`);
  });
}

/** Facet counts from summed rows; `scale` (a sample's) turns sample counts into estimates, rounded to two figures. */
export function summarize(rows: FacetRow[], scale: number | null = null): Facets {
  const groups = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const estimate = (n: number) => (scale === null || n === 0 ? n : roundToTwoFigures(n * scale));
  for (const row of rows) groups[Number(row.g)].set(String(row.v), Number(row.n ?? 0));
  const [kinds, categories, bands, ratings] = groups;
  let cumulative = 0;
  const rating = RATING_THRESHOLDS.map((value, i) => {
    cumulative += ratings.get(String(i)) ?? 0;
    return { value, count: estimate(cumulative) };
  });
  return {
    approximate: scale !== null,
    kind: LISTING_KINDS.map((value) => ({ value, count: estimate(kinds.get(value) ?? 0) })),
    category: CATEGORIES.map((c) => ({ value: c.slug, count: estimate(categories.get(c.slug) ?? 0) })),
    price: PRICE_BANDS.map((b, i) => ({ value: b.id, label: b.label, min: b.min, max: b.max, count: estimate(bands.get(String(i)) ?? 0) })),
    rating,
  };
}

/** 12,345 → 12,000; 87 → 87; never below 1 for a count that was seen. */
export function roundToTwoFigures(n: number): number {
  if (n < 100) return Math.max(1, Math.round(n));
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

/**
 * Where a price-ordered page of a frequent word lies, from its kept cells (exact prices): `price` is the first price, in
 * the order and after the cursor's price, by which `needed` matches passing the filters have come. Strictly before it
 * lie `above` of them (fewer than `needed`), on `wordBefore` listings holding the word whatever the filters; at it,
 * `atPrice` of them among `listingsAtPrice` listings passing the filters and `regionAtPrice` listings a walk reads
 * there (those of the chosen kind; under a minimum rating, those rated: page-statements' walk regions), and
 * `wordAtPrice` listings holding the word; from it on, `wordFrom`. Null when fewer than `needed` pass after the
 * cursor, or the word keeps no cells.
 *
 * `terms` may also be a misspelling's alternatives (`documenttaion` → `documentation | document | documentary`): the
 * kept ones' cells and the others' matches (rare words, counted here: rareWord) are summed as if no
 * listing held two of them, so each count is at least the real one and at most the alternatives' own counts added up.
 * That is all a span needs: nothing passes before the price only when the sum `above` is 0, the matches read before
 * it are at most `wordBefore`, and the counts at and from the price only steer how it is read. Alternatives with
 * the same stem (`documentation`, `document`) are one key, counted once.
 */
export type PriceSpan = {
  price: number;
  above: number;
  wordBefore: number;
  atPrice: number;
  wordAtPrice: number;
  listingsAtPrice: number;
  regionAtPrice: number;
  wordFrom: number;
};

/**
 * After a cursor, when fewer matches passing the filters are left than a page needs (so no PriceSpan): how many are
 * left (`passing`, counting those at the cursor's own price on both sides of it) and the last price in the order that
 * holds one (`last`, null when none does). Every match left lies between the cursor's price and `last`.
 */
export type PriceTail = { tail: true; passing: number; last: number | null };

/**
 * A misspelling's alternative that keeps no cells is counted (keptTermsShowNone, keptPriceSpan) when it is a vocabulary
 * word in at most this many listings, and still holds at most this many: reading that many rows costs about 10 ms at 1M
 * listings, from outside Postgres's buffers.
 */
export const RARE_WORD_MATCHES = 2000;

export async function keptPriceSpan(
  db: Db,
  query: CatalogQuery,
  terms: string[],
  cursorPrice: number | null,
  needed: number,
  countAtMost = RARE_WORD_MATCHES,
): Promise<PriceSpan | PriceTail | null> {
  const f = filterConditions(query);
  const filters = allOf([f.kind, f.category, f.price, f.rating]);
  const region = allOf([f.kind, f.rating ? sql`s.rating_avg > 0` : null]);
  const descending = query.sort === "price_desc";
  const order = sql.raw(descending ? "desc" : "asc");
  // The cursor's own price holds rows on both sides of it: its listings hold the word (wordBefore) but count for no side.
  const after = (column: SQL) => (cursorPrice === null ? sql`true` : descending ? sql`${column} < ${cursorPrice}` : sql`${column} > ${cursorPrice}`);
  const reached = cursorPrice === null ? sql`true` : descending ? sql`s.price_cents <= ${cursorPrice}` : sql`s.price_cents >= ${cursorPrice}`;
  const cells = (keys: SQL) => sql`select s.price_cents as p, coalesce(sum(s.n) filter (where ${filters}), 0) as m, sum(s.n) as u
        from search_token_facets s where ${keys} and s.n > 0 and ${reached}
        group by s.price_cents`;
  // Several terms: the kept ones' cells and the others' matches counted (rareWord: vocabulary words in at most
  // `countAtMost` listings when last counted); no span when another keeps no cells, or these are more after all.
  const w =
    terms.length === 1
      ? cells(sql`s.key = ${tsQuery(terms[0])}::text`)
      : sql`select p, sum(m) as m, sum(u) as u from (
          ${cells(sql`s.key in (select a.key from a where a.kept)`)}
          union all
          select s.price_cents, count(*) filter (where ${filters}), count(*) from r s where ${reached} group by s.price_cents
        ) x group by p`;
  const alternatives =
    terms.length === 1
      ? sql``
      : sql`a as (
          select t.term, q.key, k.kept, k.kept or ${rareWord(sql`t.term`, countAtMost)} as known
          from unnest(array[${sql.join(
            terms.map((t) => sql`${t}`),
            sql`, `,
          )}]::text[]) as t(term) cross join lateral (select to_tsquery('english'::regconfig, t.term)::text as key) q
          cross join lateral (select exists (select 1 from search_token_keys k where k.key = q.key) as kept) k
        ), r as materialized (
          select s.price_cents, s.kind, s.category, s.rating_avg from listing_search s
          where (select bool_and(a.known) from a) and s.body @@ (select to_tsquery('english'::regconfig, coalesce(string_agg(a.term, ' | '), '')) from a where not a.kept)
          limit ${countAtMost + 1}
        ), `;
  const counted = terms.length === 1 ? sql`true` : sql`(select bool_and(a.known) from a) and (select count(*) from r) <= ${countAtMost}`;
  // After a cursor with fewer than `needed` matches left: how many, and the last price in the order holding one (PriceTail).
  const tail = cursorPrice === null ? sql`null::int as "tailPassing"` : sql`(select coalesce(sum(w.m), 0) from w)::int as "tailPassing"`;
  const [row] = await queryRows<Record<keyof PriceSpan | "tailPassing" | "tailLast", number | null>>(
    db,
    sql`with ${alternatives}w as (${w}), c as (
        select p, m, u, sum(case when ${after(sql`p`)} then m else 0 end) over (order by p ${order}) as cum,
          sum(u) over (order by p ${order}) as ucum
        from w
      ), t as (select * from c where ${after(sql`p`)} and cum >= ${needed} order by p ${order} limit 1)
      select t.p as "price", (t.cum - t.m)::int as "above", (t.ucum - t.u)::int as "wordBefore", t.m::int as "atPrice", t.u::int as "wordAtPrice",
        (select coalesce(sum(s.n), 0) from listing_facet_counts s where s.price_cents = t.p and ${filters})::int as "listingsAtPrice",
        (select coalesce(sum(s.n), 0) from listing_facet_counts s where s.price_cents = t.p and ${region})::int as "regionAtPrice",
        (select coalesce(sum(w.u), 0) from w where ${descending ? sql`w.p <= t.p` : sql`w.p >= t.p`})::int as "wordFrom",
        ${tail}, x.last as "tailLast"
      from (select ${descending ? sql`min` : sql`max`}(w.p) filter (where w.m > 0) as last from w) x left join t on true
      where ${counted}`,
  );
  if (!row) return null;
  if (row.price === null) {
    if (cursorPrice === null || row.tailPassing === null) return null;
    return { tail: true, passing: Number(row.tailPassing), last: row.tailLast === null ? null : Number(row.tailLast) };
  }
  return {
    price: Number(row.price),
    above: Number(row.above),
    wordBefore: Number(row.wordBefore),
    atPrice: Number(row.atPrice),
    wordAtPrice: Number(row.wordAtPrice),
    listingsAtPrice: Number(row.listingsAtPrice),
    regionAtPrice: Number(row.regionAtPrice),
    wordFrom: Number(row.wordFrom),
  };
}
