// Random filter combinations (any words, prices in cents, ratings, sorts, page sizes) against a brute force: every
// page of items and every facet count must equal an evaluation over the listings table with nothing kept or chosen.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { listings, listingVersions } from "@/db/schema";
import { LICENSE_PRESETS, PRESET_LICENSE_IDS } from "@/lib/licenses/licenses";
import { testDatabase } from "@/db/testing/setup";
import { LISTING_KINDS } from "@/lib/listings/kinds";
import { CATEGORY_SLUGS } from "./categories";
import { countFiltered, facetsWithSource, keepTokenFacets, keptWordCells, matchesPassingFilters, PRICE_BANDS, RATING_THRESHOLDS } from "./facets";
import { tsQuery } from "./filters";
import { searchWithText } from "./catalog";
import { pageWithFacets } from "./page-with-facets";
import { parseCatalogQuery, SORTS, type CatalogQuery } from "./params";
import { searchListings } from "./search";
import { refreshSearchTerms } from "./terms";
import { resolveTextQuery } from "./text-match";
import { makeCreator, makeListingRow, seededRandom } from "@/lib/testing/fixtures";

const WORDS = ["sunset", "portrait", "resume", "invoice", "anime", "ledger", "lighting", "cinematic", "polished", "marketing"];
const KINDS = LISTING_KINDS;
const CATEGORIES = CATEGORY_SLUGS.slice(0, 4);

type Row = {
  id: string;
  kind: string;
  category: string;
  price: number;
  rating: number;
  sales: number;
  publishedAt: string;
  boost: number;
  head: boolean;
  body: boolean;
  commercial: boolean;
};

let db: Db;

beforeAll(async () => {
  db = testDatabase().db;
  const creators = [await makeCreator(db), await makeCreator(db)];
  const rand = seededRandom(11);
  const ids: string[] = [];
  for (let i = 0; i < 220; i++) {
    const ratingCount = rand(3) === 0 ? 0 : 1 + rand(7);
    const ratingSum = ratingCount ? ratingCount + rand(ratingCount * 4 + 1) : 0;
    const title = [WORDS[rand(WORDS.length)], WORDS[rand(WORDS.length)]].join(" ");
    // Ties on purpose: a few prices and sales counts repeat, so ids break them.
    const price = rand(4) === 0 ? [0, 499, 500, 1999, 2000, 4999][rand(6)] : rand(60000);
    const row = await makeListingRow(db, {
      creatorId: creators[rand(2)].id,
      kind: KINDS[rand(KINDS.length)],
      category: CATEGORIES[rand(CATEGORIES.length)],
      priceCents: price,
      ratingCount,
      ratingSum,
      salesCount: rand(3) === 0 ? 0 : rand(50),
      title: `Item ${title}`,
      summary: `About ${WORDS[rand(WORDS.length)]}`,
      description: `Works with ${WORDS[rand(WORDS.length)]} and ${WORDS[rand(WORDS.length)]}`,
      status: rand(10) > 0 ? "published" : (["draft", "pending_review", "unpublished", "removed"] as const)[rand(4)],
    });
    ids.push(row.id);
  }
  // Licenses on live versions (some none): listing_search.commercial_use follows them through the listings trigger.
  const licenses = [...PRESET_LICENSE_IDS.map((id) => LICENSE_PRESETS[id]), null];
  for (const [i, id] of ids.entries()) {
    const license = licenses[rand(licenses.length)];
    await db.insert(listingVersions).values({ listingId: id, number: 1, content: {}, reviewStatus: "approved", license: license ?? null });
    // A second version whose license differs: some listings switch to it below, some stay on version 1.
    if (i % 5 === 0)
      await db.insert(listingVersions).values({ listingId: id, number: 2, content: {}, reviewStatus: "approved", license: licenses[rand(licenses.length)] });
  }
  await db.execute(sql`update listings l set current_version_id = v.id from listing_versions v where v.listing_id = l.id and v.number = 1`);
  // Every word is "frequent" here, so kept facet cells are read; later writes must keep those cells exact.
  await refreshSearchTerms(db, { frequentFrom: 1 });
  // Partial words (the starts the queries below type) keep cells too, before the writes below that must keep them exact.
  for (const word of WORDS) for (const length of [3, 4, 5]) await keepTokenFacets(db, `${word.slice(0, length)}:*`);
  for (const id of ids.slice(0, 30)) {
    await db
      .update(listings)
      .set({ priceCents: rand(60000), salesCount: rand(80) })
      .where(eq(listings.id, id));
  }
  for (const id of ids.slice(30, 36)) await db.update(listings).set({ status: "unpublished" }).where(eq(listings.id, id));
  await db.execute(
    sql`update listings l set current_version_id = v.id from listing_versions v where v.listing_id = l.id and v.number = 2 and l.id = any(${sql.raw(
      `array[${ids
        .slice(0, 120)
        .map((id) => `'${id}'`)
        .join(",")}]::uuid[]`,
    )})`,
  );
  await keepTokenFacets(db, "sunset");
});

/** The brute force: the listings table itself (its own full-text vector and head), with no projection or cube. */
async function bruteRows(source: string | null): Promise<Row[]> {
  const q = source ? tsQuery(source) : null;
  return queryRows<Row>(
    db,
    sql`select l.id, l.kind, l.category, l.price_cents as price, l.rating_avg::float8 as rating, l.sales_count as sales,
               to_char(l.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "publishedAt",
               agora_listing_boost(l.sales_count, l.rating_sum, l.rating_count) as boost,
               ${q ? sql`agora_listing_head(l.title, l.tags, l.summary) @@ ${q}` : sql`true`} as head,
               ${q ? sql`l.search @@ ${q}` : sql`true`} as body,
               coalesce((select (v.license->>'commercialUse')::boolean from listing_versions v where v.id = l.current_version_id), false) as commercial
        from listings l where l.status = 'published'`,
  );
}

const byId = (desc: boolean) => (a: Row, b: Row) => (desc ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
function cmp<T>(x: T, y: T, desc: boolean) {
  if (x === y) return 0;
  return (x < y ? -1 : 1) * (desc ? -1 : 1);
}

function expectedOrder(query: CatalogQuery, rows: Row[], hasText: boolean): string[] {
  const ok = rows.filter((r) => r.body && passes(query, r));
  const sorted = [...ok];
  const then = (f: (a: Row, b: Row) => number, desc: boolean) => (a: Row, b: Row) => f(a, b) || byId(desc)(a, b);
  if (query.sort === "relevance" && hasText) sorted.sort(then((a, b) => cmp(Number(a.head), Number(b.head), true) || cmp(a.boost, b.boost, true), true));
  else if (query.sort === "newest") sorted.sort(then((a, b) => cmp(a.publishedAt, b.publishedAt, true), true));
  else if (query.sort === "rating") sorted.sort(then((a, b) => cmp(a.rating, b.rating, true), true));
  else if (query.sort === "price_asc") sorted.sort(then((a, b) => cmp(a.price, b.price, false), false));
  else if (query.sort === "price_desc") sorted.sort(then((a, b) => cmp(a.price, b.price, true), true));
  else sorted.sort(then((a, b) => cmp(a.sales, b.sales, true), true));
  return sorted.map((r) => r.id);
}

const kindOk = (q: CatalogQuery, r: Row) => !q.kind || r.kind === q.kind;
const categoryOk = (q: CatalogQuery, r: Row) => !q.category || r.category === q.category;
const priceOk = (q: CatalogQuery, r: Row) =>
  (!q.free || r.price === 0) && (q.minPrice === undefined || r.price >= q.minPrice) && (q.maxPrice === undefined || r.price <= q.maxPrice);
const ratingOk = (q: CatalogQuery, r: Row) => !q.minRating || r.rating >= q.minRating;
const commercialOk = (q: CatalogQuery, r: Row) => !q.commercial || r.commercial;
const passes = (q: CatalogQuery, r: Row) => commercialOk(q, r) && kindOk(q, r) && categoryOk(q, r) && priceOk(q, r) && ratingOk(q, r);

function expectedFacets(q: CatalogQuery, rows: Row[]) {
  // The license filter narrows every facet group (it is not a group of its own).
  const base = rows.filter((r) => r.body && commercialOk(q, r));
  return {
    kind: LISTING_KINDS.map((k) => base.filter((r) => r.kind === k && categoryOk(q, r) && priceOk(q, r) && ratingOk(q, r)).length),
    category: CATEGORY_SLUGS.map((c) => base.filter((r) => r.category === c && kindOk(q, r) && priceOk(q, r) && ratingOk(q, r)).length),
    price: PRICE_BANDS.map(
      (b) => base.filter((r) => r.price >= b.min && (b.max === null || r.price <= b.max) && kindOk(q, r) && categoryOk(q, r) && ratingOk(q, r)).length,
    ),
    rating: RATING_THRESHOLDS.map((t) => base.filter((r) => r.rating >= t && kindOk(q, r) && categoryOk(q, r) && priceOk(q, r)).length),
  };
}

// A word as typed: whole, cut short, misspelt, or nothing like any word.
const typedWord = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.tuple(fc.constantFrom(...WORDS), fc.integer({ min: 3, max: 6 })).map(([w, n]) => w.slice(0, n)),
  fc.tuple(fc.constantFrom(...WORDS), fc.integer({ min: 1, max: 4 })).map(([w, at]) => w.slice(0, at) + w.slice(at + 1)),
  fc.stringMatching(/^[a-z]{4,8}$/),
);

const queryParams = fc.record(
  {
    q: fc.array(typedWord, { minLength: 1, maxLength: 3 }).map((w) => w.join(" ")),
    kind: fc.constantFrom(...KINDS),
    category: fc.constantFrom(...CATEGORIES),
    free: fc.constant("1"),
    commercial: fc.constant("1"),
    minPrice: fc.integer({ min: 0, max: 60000 }),
    maxPrice: fc.integer({ min: 0, max: 60000 }),
    minRating: fc.integer({ min: 0, max: 500 }).map((n) => n / 100),
    sort: fc.constantFrom(...SORTS),
    limit: fc.integer({ min: 5, max: 60 }),
  },
  { requiredKeys: ["sort", "limit"] },
);

function toQuery(raw: Record<string, string | number>): CatalogQuery {
  const params: Record<string, string> = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
  if (params.minPrice !== undefined && params.maxPrice !== undefined && Number(params.minPrice) > Number(params.maxPrice)) {
    [params.minPrice, params.maxPrice] = [params.maxPrice, params.minPrice];
  }
  const parsed = parseCatalogQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

describe("catalog search against a brute force", () => {
  it("returns every page and every facet count a brute force finds, for 300 random queries", async () => {
    await fc.assert(
      fc.asyncProperty(queryParams, fc.boolean(), async (raw, knowJoint) => {
        const query = toQuery(raw);
        const text = await resolveTextQuery(db, query.q);
        const rows = await bruteRows(text?.source ?? null);
        const { facets } = await facetsWithSource(db, query, text);
        const expected = expectedFacets(query, rows);
        expect(facets.kind.map((f) => f.count)).toEqual(expected.kind);
        expect(facets.category.map((f) => f.count)).toEqual(expected.category);
        expect(facets.price.map((f) => f.count)).toEqual(expected.price);
        expect(facets.rating.map((f) => f.count)).toEqual(expected.rating);
        // As catalogSearch pages: with the filters' count from the kept cells, and (half the runs) the exact count of
        // matches passing them that a frequent word's kept facets give, which both steer how a page is found.
        const filtered = await countFiltered(db, query);
        const joint = knowJoint && text ? matchesPassingFilters(facets, query) : null;
        // And how many of those hold the words in the title or tags (the relevance order's first tier), when kept.
        const titleJoint = joint === null ? null : ((await keptWordCells(db, query, text))?.titleJoint ?? null);
        if (titleJoint !== null) expect(titleJoint).toBe(rows.filter((r) => r.body && r.head && passes(query, r)).length);
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await searchListings(db, { ...query, cursor }, text, filtered, joint, null, titleJoint);
          seen.push(...page.items.map((i) => i.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(expectedOrder(query, rows, Boolean(text)));
      }),
      { numRuns: 300, seed: 4242, endOnFailure: true },
    );
  });

  it("relevance pages of one kept word, its tiers told apart by the kept title cells, equal a brute force, for 300 random queries", async () => {
    // Pages where the title cells say a tier holds none of the filtered matches, so that tier runs no statement.
    let emptyTiers = 0;
    let read = 0;
    const keptWord = fc.oneof(
      fc.constantFrom(...WORDS),
      fc.tuple(fc.constantFrom(...WORDS), fc.integer({ min: 3, max: 5 })).map(([w, n]) => w.slice(0, n)),
    );
    await fc.assert(
      fc.asyncProperty(queryParams, keptWord, async (raw, word) => {
        const query = toQuery({ ...raw, q: word, sort: "relevance" });
        delete query.commercial;
        const text = await resolveTextQuery(db, query.q);
        const cells = await keptWordCells(db, query, text);
        // No cell relevant to any facet group under these filters reads as "not kept" (the facets are counted then).
        if (!cells) return;
        read++;
        if (cells.titleJoint === null) throw new Error(`${word}: kept cells without a title tier`);
        const rows = await bruteRows(text!.source);
        const joint = matchesPassingFilters(cells.facets, query)!;
        expect(joint).toBe(rows.filter((r) => r.body && passes(query, r)).length);
        expect(cells.titleJoint).toBe(rows.filter((r) => r.body && r.head && passes(query, r)).length);
        if (joint > 0 && (cells.titleJoint === 0 || cells.titleJoint === joint)) emptyTiers++;
        const filtered = await countFiltered(db, query);
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await searchListings(db, { ...query, cursor }, text, filtered, joint, null, cells.titleJoint);
          seen.push(...page.items.map((i) => i.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(expectedOrder(query, rows, true));
      }),
      { numRuns: 300, seed: 777, endOnFailure: true },
    );
    expect(read).toBeGreaterThanOrEqual(100);
    expect(emptyTiers).toBeGreaterThanOrEqual(5);
  });

  it("pages and facets from one read of the matches (pageWithFacets) equal a brute force, for 200 random queries with words", async () => {
    await fc.assert(
      fc.asyncProperty(queryParams, fc.array(typedWord, { minLength: 1, maxLength: 3 }), async (raw, words) => {
        const query = toQuery({ ...raw, q: words.join(" ") });
        const text = await resolveTextQuery(db, query.q);
        if (!text) throw new Error(`no words in ${query.q}`);
        const rows = await bruteRows(text.source);
        const expected = expectedFacets(query, rows);
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const answer = await pageWithFacets(db, { ...query, cursor }, text);
          if (!answer || !("page" in answer)) throw new Error(`no page for ${JSON.stringify({ ...query, cursor })}`);
          // Every page counts the same facets: all the matches, whatever the cursor.
          expect(answer.facets.approximate).toBe(false);
          expect(answer.facets.kind.map((f) => f.count)).toEqual(expected.kind);
          expect(answer.facets.category.map((f) => f.count)).toEqual(expected.category);
          expect(answer.facets.price.map((f) => f.count)).toEqual(expected.price);
          expect(answer.facets.rating.map((f) => f.count)).toEqual(expected.rating);
          seen.push(...answer.page.items.map((i) => i.id));
          cursor = answer.page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(expectedOrder(query, rows, true));
      }),
      { numRuns: 200, seed: 4343, endOnFailure: true },
    );
  });

  it("words matching more listings than the estimate said: the read stops past twice countAtMost, the facets are marked as estimates and every page still equals a brute force, for 120 random queries", async () => {
    const countAtMost = 4;
    // The read goes on to twice the estimate's limit (READ_AT_MOST), and counts every match up to there.
    const readAtMost = 2 * countAtMost;
    let cut = 0;
    let whole = 0;
    await fc.assert(
      fc.asyncProperty(queryParams, fc.array(typedWord, { minLength: 1, maxLength: 3 }), async (raw, words) => {
        const query = toQuery({ ...raw, q: words.join(" ") });
        const resolved = await resolveTextQuery(db, query.q);
        if (!resolved) throw new Error(`no words in ${query.q}`);
        // The planner's estimate as wrong as it gets (words found together far more often than their shares say).
        const text = { ...resolved, bodyMatches: 1, headMatches: Math.min(1, resolved.headMatches) };
        const rows = await bruteRows(text.source);
        // What the read counts: every match of the words under the license filter, whatever the other filters.
        const matches = rows.filter((r) => r.body && commercialOk(query, r)).length;
        const expected = expectedFacets(query, rows);
        const exact = [...expected.kind, ...expected.category, ...expected.price, ...expected.rating];
        const first = await pageWithFacets(db, query, text, readAtMost);
        if (!first) throw new Error(`no answer for ${JSON.stringify(query)}`);
        if (matches > readAtMost) {
          if ("page" in first) throw new Error(`a page from a read cut short: ${JSON.stringify(query)}`);
          // The estimate of all the matches is at least what was read, and at most the catalog.
          expect(first.text.bodyMatches).toBeGreaterThan(readAtMost);
          expect(first.text.bodyMatches).toBeLessThanOrEqual(Math.max(text.catalogSize, readAtMost + 1));
          expect(first.text.headMatches).toBeLessThanOrEqual(first.text.bodyMatches);
          cut++;
        } else {
          expect("page" in first).toBe(true);
          whole++;
        }
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const result = await searchWithText(db, { ...query, cursor }, text, { countAtMost });
          const { kind, category, price, rating } = result.facets;
          const counts = [...kind, ...category, ...price, ...rating].map((f) => f.count);
          expect(result.facets.approximate).toBe(matches > readAtMost);
          if (matches <= readAtMost) expect(counts).toEqual(exact);
          // Estimated from matches only: a value no match holds is never shown.
          else exact.forEach((n, i) => n === 0 && expect(counts[i]).toBe(0));
          seen.push(...result.items.map((i) => i.id));
          cursor = result.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(expectedOrder(query, rows, true));
      }),
      { numRuns: 120, seed: 2026, endOnFailure: true },
    );
    expect(cut).toBeGreaterThanOrEqual(20);
    expect(whole).toBeGreaterThanOrEqual(20);
  });
});
