// Catalog search: ranking, typo and prefix tolerance, every filter and every sort.
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { LISTING_KINDS } from "@/lib/listings/kinds";
import { testDatabase } from "@/db/testing/setup";
import { parseCatalogQuery, type CatalogQuery } from "./params";
import { encodeCursor } from "./cursor";
import { catalogSearch } from "./catalog";
import { countedFacets, countFiltered } from "./facets";
import { andsBitmaps, pageRows, searchListings } from "./search";
import type { PageStatement } from "./page-statements";
import { refreshSearchTerms } from "./terms";
import { resolveTextQuery, type TextMatch } from "./text-match";
import { makeCreator, makeListingRow } from "@/lib/testing/fixtures";
import { recordingStatements } from "@/lib/testing/recording-db";

let db: Db;
let creator: { id: string };

function q(params: Record<string, string>): CatalogQuery {
  const parsed = parseCatalogQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

async function titles(params: Record<string, string>) {
  return (await searchListings(db, q(params))).items.map((i) => i.title);
}

beforeAll(async () => {
  db = testDatabase().db;
  creator = await makeCreator(db);
  const c = creator.id;
  await makeListingRow(db, {
    creatorId: c,
    title: "Cinematic portrait lighting prompt",
    tags: ["portrait", "film"],
    category: "image-generation",
    priceCents: 900,
    salesCount: 5,
    ratingSum: 40,
    ratingCount: 10,
  });
  await makeListingRow(db, {
    creatorId: c,
    title: "Street photo pack",
    summary: "Includes one cinematic portrait look",
    category: "photography",
    priceCents: 0,
    salesCount: 50,
  });
  await makeListingRow(db, {
    creatorId: c,
    title: "Quarterly report template",
    description: "Works for a portrait orientation page and a cinematic deck.",
    kind: "template",
    category: "business",
    priceCents: 2500,
    ratingSum: 15,
    ratingCount: 3,
  });
  await makeListingRow(db, {
    creatorId: c,
    title: "Python interview test",
    kind: "test",
    category: "coding",
    tags: ["python", "interview"],
    priceCents: 1500,
    salesCount: 300,
    ratingSum: 90,
    ratingCount: 20,
  });
  await makeListingRow(db, {
    creatorId: c,
    title: "Python data cleaning prompt",
    kind: "prompt",
    category: "data-analysis",
    tags: ["python", "pandas"],
    priceCents: 500,
    salesCount: 10,
    ratingSum: 9,
    ratingCount: 3,
  });
  await makeListingRow(db, {
    creatorId: c,
    title: "Python tutor model",
    kind: "model",
    category: "education",
    tags: ["python"],
    priceCents: 9900,
    salesCount: 0,
  });
  await refreshSearchTerms(db);
});

describe("collecting checked against Postgres's plan", () => {
  it("runs the other statement when Postgres would not read both indexes together", async () => {
    const titled = (title: string) => sql`select l.title from listings l where l.title = ${title}`;
    const page = (checked: ReturnType<typeof titled>): PageStatement => ({
      tier: null,
      strategy: "collect",
      statement: checked,
      fallbacks: [],
      planCheck: { statement: checked, otherwise: titled("Street photo pack") },
    });
    // One table read by one condition: no BitmapAnd in its plan.
    expect((await pageRows<{ title: string }>(db, page(titled("Python tutor model")), 1)).rows).toEqual([{ title: "Street photo pack" }]);
  });

  it("finds the page another way, walks and fallbacks included, when Postgres would not read both indexes of an exactly counted page", async () => {
    const titled = (title: string) => sql`select l.title from listings l where l.title = ${title}`;
    const declined: PageStatement = { tier: null, strategy: "walk", statement: titled("No such listing"), fallbacks: [titled("Python interview test")] };
    const checked = titled("Python tutor model");
    const page: PageStatement = {
      tier: null,
      strategy: "collect",
      statement: checked,
      fallbacks: [],
      planCheck: { statement: checked, otherwise: titled("Street photo pack"), declined },
    };
    // The declined page's walk comes up short and its collecting runs; neither the checked statement nor `otherwise`.
    expect((await pageRows<{ title: string }>(db, page, 1)).rows).toEqual([{ title: "Python interview test" }]);
  });

  it("tells a plan that ANDs bitmaps, at any depth, from one that reads a single bitmap", () => {
    const bitmap = (index: string) => ({ "Node Type": "Bitmap Index Scan", "Index Name": index });
    const heap = (child: object) => ({ "Node Type": "Bitmap Heap Scan", Plans: [child] });
    const sorted = (child: object) => ({ "Node Type": "Limit", Plans: [{ "Node Type": "Sort", Plans: [{ "Node Type": "Subquery Scan", Plans: [child] }] }] });
    expect(andsBitmaps(sorted(heap({ "Node Type": "BitmapAnd", Plans: [bitmap("listing_search_body_idx"), bitmap("listing_search_price_idx")] })))).toBe(true);
    expect(andsBitmaps(sorted(heap(bitmap("listing_search_price_idx"))))).toBe(false);
    expect(andsBitmaps(sorted(heap({ "Node Type": "BitmapOr", Plans: [bitmap("a"), bitmap("b")] })))).toBe(false);
  });
});

describe("ranking", () => {
  it("ranks title and tag matches above summary and description matches, then by sales and rating", async () => {
    expect(await titles({ q: "cinematic portrait" })).toEqual(["Cinematic portrait lighting prompt", "Street photo pack", "Quarterly report template"]);
  });

  it("lifts listings people buy and rate well among equal text matches", async () => {
    const result = await titles({ q: "python" });
    expect(result[0]).toBe("Python interview test");
    expect(result[result.length - 1]).toBe("Python tutor model");
  });

  it("finds cinematic portrait prompts from a typo and a partial word", async () => {
    const result = await searchListings(db, q({ q: "cinematc portrai" }));
    expect(result.items[0]?.title).toBe("Cinematic portrait lighting prompt");
  });

  it("reads a misspelling no listing holds as its one correction: the same listings, as a single word", async () => {
    const text = await resolveTextQuery(db, "pythn");
    expect(text?.source).toBe("python");
    expect(text?.didYouMean).toBe("python");
    expect(await titles({ q: "pythn" })).toEqual(await titles({ q: "python" }));
    // Stemmed, `pythons:*` is `python:*`, which listings hold: the misspelling stays one of the alternatives.
    expect((await resolveTextQuery(db, "pythons"))?.source).toBe("(pythons:* | python)");
  });

  it("keeps a misspelling's own prefix when a listing's stem starts with it, though no vocabulary word does", async () => {
    // "happy" is the vocabulary's word and `happi` its lexeme: no word starts with "happi", every such listing's document does.
    await makeListingRow(db, { creatorId: creator.id, title: "Happy birthday card", kind: "template", category: "writing", priceCents: 300 });
    await refreshSearchTerms(db);
    const text = await resolveTextQuery(db, "happi");
    expect(text?.corrections).toEqual([{ token: "happi", suggestions: ["happy"] }]);
    expect(text?.source).toBe("(happi:* | happy)");
    expect(await titles({ q: "happi" })).toEqual(["Happy birthday card"]);
  });

  it("matches a partial word as a prefix", async () => {
    expect(await titles({ q: "interv" })).toEqual(["Python interview test"]);
  });

  it("returns nothing for words that match nothing", async () => {
    expect(await titles({ q: "xylophonequartz" })).toEqual([]);
  });
});

describe("filters", () => {
  it("filters by kind", async () => {
    expect(await titles({ q: "python", kind: "model" })).toEqual(["Python tutor model"]);
  });
  it("filters by category", async () => {
    expect(await titles({ category: "coding" })).toEqual(["Python interview test"]);
  });
  it("filters by price range in cents (inclusive)", async () => {
    expect(await titles({ minPrice: "500", maxPrice: "1500", sort: "price_asc" })).toEqual([
      "Python data cleaning prompt",
      "Cinematic portrait lighting prompt",
      "Python interview test",
    ]);
  });
  it("filters free only", async () => {
    expect(await titles({ free: "1" })).toEqual(["Street photo pack"]);
  });
  it("filters by minimum rating", async () => {
    expect(await titles({ minRating: "4.5", sort: "rating" })).toEqual(["Quarterly report template", "Python interview test"]);
    expect(await titles({ minRating: "4", sort: "rating" })).toHaveLength(3);
  });
});

describe("sorts", () => {
  it("sorts by newest, popular, rating and price both ways", async () => {
    const all = (await searchListings(db, q({ sort: "newest", limit: "60" }))).items;
    expect(all.map((i) => i.publishedAt)).toEqual([...all.map((i) => i.publishedAt)].sort().reverse());
    const popular = (await searchListings(db, q({ sort: "popular" }))).items.map((i) => i.salesCount);
    expect(popular).toEqual([...popular].sort((a, b) => b - a));
    const rating = (await searchListings(db, q({ sort: "rating" }))).items.map((i) => i.ratingAvg);
    expect(rating).toEqual([...rating].sort((a, b) => b - a));
    const up = (await searchListings(db, q({ sort: "price_asc" }))).items.map((i) => i.priceCents);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    const down = (await searchListings(db, q({ sort: "price_desc" }))).items.map((i) => i.priceCents);
    expect(down).toEqual([...down].sort((a, b) => b - a));
  });

  it("defaults to relevance with a query and to popular without one", () => {
    expect(q({ q: "python" }).sort).toBe("relevance");
    expect(q({}).sort).toBe("popular");
  });
});

describe("query parameters", () => {
  it("names the parameter that is wrong", () => {
    expect(parseCatalogQuery(new URLSearchParams({ minPrice: "-1" }))).toMatchObject({ ok: false, parameter: "minPrice" });
    expect(parseCatalogQuery(new URLSearchParams({ sort: "cheapest" }))).toMatchObject({ ok: false, parameter: "sort" });
    expect(parseCatalogQuery(new URLSearchParams({ kind: "album" }))).toMatchObject({ ok: false, parameter: "kind" });
    expect(parseCatalogQuery(new URLSearchParams({ limit: "1000" }))).toMatchObject({ ok: false, parameter: "limit" });
    expect(parseCatalogQuery(new URLSearchParams({ cursor: "abc" }))).toMatchObject({ ok: false, parameter: "cursor" });
    expect(parseCatalogQuery(new URLSearchParams({ minPrice: "900", maxPrice: "100" }))).toMatchObject({ ok: false, parameter: "minPrice" });
    expect(parseCatalogQuery(new URLSearchParams({ minRating: "six" }))).toMatchObject({ ok: false, parameter: "minRating" });
  });
});

describe("whole words and partial words", () => {
  it("a whole word finds that word and its forms, a partial one every word it starts", async () => {
    await makeListingRow(db, { creatorId: creator.id, title: "Database schema designer", kind: "template", category: "coding", priceCents: 700 });
    await makeListingRow(db, { creatorId: creator.id, title: "Cleaned data dashboards", kind: "template", category: "data-analysis", priceCents: 800 });
    await refreshSearchTerms(db);
    // "data" is a word of the catalog: it matches "data" (not "database"); "clean" matches "cleaning" and "cleaned".
    expect((await titles({ q: "data" })).sort()).toEqual(["Cleaned data dashboards", "Python data cleaning prompt"]);
    expect((await titles({ q: "clean" })).sort()).toEqual(["Cleaned data dashboards", "Python data cleaning prompt"]);
    // "datab" is no word: it is the start of one.
    expect(await titles({ q: "datab" })).toEqual(["Database schema designer"]);
  });

  it("knows every kind the database does (collecting a category names them all to seek the facet index)", async () => {
    const [row] = await queryRows<{ kinds: string[] }>(db, sql`select enum_range(null::listing_kind)::text[] as kinds`);
    expect(row.kinds).toEqual([...LISTING_KINDS]);
  });
});

describe("walks near the end of an order", () => {
  it("a short page from a walk that read to the end of its order is the whole answer: no fallback collects every match", async () => {
    // As if in a big catalog where "python" is common and the filters pass a fifth: a walk comes first.
    const common: TextMatch = { source: "python", corrections: [], didYouMean: null, headMatches: 140_000, bodyMatches: 320_000, catalogSize: 1_000_000 };
    const filtered = { matching: 200_000, catalog: 1_000_000 };
    const all = await searchListings(db, q({ q: "python", sort: "popular", limit: "1" }), common, filtered);
    // After the first page (the best seller), the rest of the popular order holds fewer rows than a walk reads.
    const log: string[] = [];
    const rest = await searchListings(
      recordingStatements(db, log),
      q({ q: "python", kind: "prompt", sort: "popular", cursor: all.nextCursor! }),
      common,
      filtered,
    );
    expect(rest.items.map((i) => i.title)).toEqual(["Python data cleaning prompt"]);
    expect(log.some((text) => text.includes("walk_id"))).toBe(true);
    expect(log.some((text) => text.startsWith("select count(*)::int as n from (select 1 from listing_search s"))).toBe(true);
    // No collecting: the words' GIN index is never read for the whole match set.
    expect(log.filter((text) => text.includes("offset 0"))).toEqual([]);
  });

  it("a longer walk that comes up short having read to the end of its region is the whole answer too: nothing is collected after it", async () => {
    // Statements standing in for a page's: two walks that find nothing, then collecting; and how many rows each walk's region holds.
    const page = (longRegionRows: number) => ({
      tier: null,
      strategy: "walk" as const,
      statement: sql`select 'short walk' as x where false`,
      fallbacks: [sql`select 'long walk' as x where false`, sql`select 'collected' as x`],
      region: { statement: sql`select ${longRegionRows}::int as n`, rows: 1500 },
      longRegion: { statement: sql`select ${longRegionRows}::int as n`, rows: 12_000 },
    });
    // The region holds 5,000 rows: more than the short walk read, fewer than the long one — which read them all.
    const log: string[] = [];
    expect(await pageRows(recordingStatements(db, log), page(5000), 26)).toEqual({ rows: [], last: false });
    expect(log.some((text) => text.includes("long walk"))).toBe(true);
    expect(log.some((text) => text.includes("collected"))).toBe(false);
    // A region longer than the long walk: what lies past it may hold the page, so the matches are collected.
    expect(await pageRows(db, page(12_000), 26)).toEqual({ rows: [{ x: "collected" }], last: true });
  });

  it("a walk that came up short having found some rows walks once more, as far as they say a page needs, before collecting", async () => {
    // Statements standing in for a page's: a walk that finds one row of the two wanted, then collecting; the farther
    // walk finds `far` rows, and its region holds `regionRows` of the 5,000 it may read.
    const page = (far: number, regionRows: number) => ({
      tier: null,
      strategy: "walk" as const,
      statement: sql`select 'walked' as x`,
      fallbacks: [sql`select 'collected' as x`],
      farther: (found: number, wanted: number) =>
        found === 1 && wanted === 2
          ? {
              walk: sql`select 'farther ' || n as x from generate_series(1, ${far}::int) n`,
              region: { statement: sql`select ${regionRows}::int as n`, rows: 5000 },
            }
          : null,
    });
    // It finds the page: nothing is collected.
    const log: string[] = [];
    expect(await pageRows(recordingStatements(db, log), page(2, 5000), 2)).toEqual({ rows: [{ x: "farther 1" }, { x: "farther 2" }], last: false });
    expect(log.some((text) => text.includes("collected"))).toBe(false);
    // It comes up short having read to the end of its region: that is the whole answer.
    const ended: string[] = [];
    expect(await pageRows(recordingStatements(db, ended), page(1, 3000), 2)).toEqual({ rows: [{ x: "farther 1" }], last: false });
    expect(ended.some((text) => text.includes("collected"))).toBe(false);
    // It comes up short with more of the order past it: the matches are collected.
    expect(await pageRows(db, page(1, 5000), 2)).toEqual({ rows: [{ x: "collected" }], last: true });
    // No farther walk offered (the walk found none, or it would cost too much): collecting follows the walk.
    expect(await pageRows(db, { ...page(2, 5000), farther: () => null }, 2)).toEqual({ rows: [{ x: "collected" }], last: true });
  });

  it("under a minimum rating the filter count also tells how many listings are rated at all (the rated walks' region)", async () => {
    await db.execute(sql`analyze listing_search`);
    const [rated] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from listing_search where rating_avg > 0`);
    expect(rated.n).toBeGreaterThan(0);
    expect(await countFiltered(db, q({ minRating: "4.5" }))).toMatchObject({ rated: rated.n });
    expect(await countFiltered(db, q({ kind: "prompt" }))).not.toHaveProperty("rated");
    // While a bulk seed has dropped the rated indexes the count still answers, without a rated share (rolled back).
    const done = new Error("rolled back");
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`drop index listing_search_boost_rated_idx`);
        const count = await countFiltered(tx as unknown as Db, q({ minRating: "4.5" }));
        expect(count).not.toHaveProperty("rated");
        expect(count?.matching).toBeGreaterThan(0);
        throw done;
      }),
    ).rejects.toBe(done);
    expect(await countFiltered(db, q({ minRating: "4.5" }))).toMatchObject({ rated: rated.n });
  });

  it("under a minimum rating, a page after the last rated listing finds the rated region empty and collects nothing", async () => {
    // The last rated listing in price order: every listing after it is unrated, so none passes a minimum rating.
    const [last] = await queryRows<{ price: number; id: string }>(
      db,
      sql`select price_cents as price, listing_id::text as id from listing_search where rating_avg > 0 order by price_cents desc, listing_id desc limit 1`,
    );
    const unratedAfter = await queryRows(db, sql`select 1 from listing_search where (price_cents, listing_id) > (${last.price}, ${last.id}::uuid)`);
    expect(unratedAfter.length).toBeGreaterThan(0);
    // As if in a big catalog: the word in 1 % of listings, the filters passing 1 %, a sixth rated: collecting comes first.
    const word: TextMatch = { source: "portrait", corrections: [], didYouMean: null, headMatches: 5_000, bodyMatches: 10_000, catalogSize: 1_000_000 };
    const filtered = { matching: 10_000, catalog: 1_000_000, rated: 160_000 };
    const log: string[] = [];
    const cursor = encodeCursor({ sort: "price_asc", key: String(last.price), id: last.id });
    const after = await searchListings(recordingStatements(db, log), q({ q: "portrait", minRating: "1", sort: "price_asc", cursor }), word, filtered);
    expect(after.items).toEqual([]);
    expect(log.filter((text) => text.startsWith("select count(*)::int as n from (select 1 from listing_search s"))).toEqual([
      expect.stringContaining("s.rating_avg > 0"),
    ]);
    expect(log.filter((text) => text.includes("offset 0"))).toEqual([]);
    // From the first page the rated region holds rows: the same query collects and finds the rated listings with the word.
    const first = await searchListings(db, q({ q: "portrait", minRating: "1", sort: "price_asc" }), word, filtered);
    expect(first.items.map((i) => i.title).sort()).toEqual(["Cinematic portrait lighting prompt", "Quarterly report template"]);
  });
});

describe("a page and its counted facets from one read of the matches", () => {
  it("reads the words' matches in one statement, and pages through both relevance tiers as the page statements do", async () => {
    const params = { q: "cinematic portrait", limit: "1" };
    const log: string[] = [];
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      log.length = 0;
      const result = await catalogSearch(recordingStatements(db, log), q({ ...params, ...(cursor ? { cursor } : {}) }));
      // Not a frequent word (several words): its facets are counted, and the page comes from that same statement
      // (besides the planner's estimate of the matches, an EXPLAIN).
      expect(log.filter((text) => text.includes("s.body @@") && !text.startsWith("explain"))).toEqual([expect.stringContaining("m as materialized")]);
      const text = await resolveTextQuery(db, params.q);
      expect(result.facets).toEqual(await countedFacets(db, q(params), text));
      expect(result.items).toEqual((await searchListings(db, q({ ...params, ...(cursor ? { cursor } : {}) }), text)).items);
      seen.push(...result.items.map((i) => i.title));
      cursor = result.nextCursor ?? undefined;
    } while (cursor);
    // Tier 2 (title and tags) first, then tier 1 (summary, description): the ranking test's order, one per page.
    expect(seen).toEqual(["Cinematic portrait lighting prompt", "Street photo pack", "Quarterly report template"]);
  });

  it("applies filters and cursors to the page while the facets count every match under every other filter", async () => {
    const log: string[] = [];
    const first = await catalogSearch(recordingStatements(db, log), q({ q: "python", kind: "prompt", sort: "price_desc", limit: "1" }));
    expect(first.items.map((i) => i.title)).toEqual(["Python data cleaning prompt"]);
    // The count of listings passing the filters only steers page statements: none run, so it is not read.
    expect(log.filter((text) => text.includes("listing_facet_counts"))).toEqual([]);
    expect(first.nextCursor).toBeNull();
    // The kind facet counts the other kinds too (every filter but its own): one python listing of each.
    expect(first.facets.kind.filter((k) => k.count > 0).map((k) => [k.value, k.count])).toEqual([
      ["prompt", 1],
      ["test", 1],
      ["model", 1],
    ]);
    const all = await catalogSearch(db, q({ q: "python", sort: "price_asc", limit: "2" }));
    expect(all.items.map((i) => i.title)).toEqual(["Python data cleaning prompt", "Python interview test"]);
    const rest = await catalogSearch(db, q({ q: "python", sort: "price_asc", limit: "2", cursor: all.nextCursor! }));
    expect(rest.items.map((i) => i.title)).toEqual(["Python tutor model"]);
    expect(rest.facets).toEqual(all.facets);
  });
});
