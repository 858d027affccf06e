// Price-ordered pages of a frequent word found from its kept cells (keptPriceSpan, spanPages): the word is rare among
// the dearest listings, so a page is collected before the span's price and found from it on. Every page must equal a
// brute force over the listings table, whatever the filters and the cursor, and the two-part path must really run.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { LISTING_KINDS } from "@/lib/listings/kinds";
import { makeCreator, makeListingRow, seededRandom } from "@/lib/testing/fixtures";
import { priceSpanOf } from "./catalog";
import { CATEGORY_SLUGS } from "./categories";
import { encodeCursor } from "./cursor";
import { countFiltered, keepTokenFacets, keptPriceSpan, keptWordFacets, matchesPassingFilters, type PriceSpan } from "./facets";
import { tsQuery } from "./filters";
import { searchPageStatements } from "./page-statements";
import { parseCatalogQuery, type CatalogQuery } from "./params";
import { searchListings } from "./search";
import { refreshSearchTerms } from "./terms";
import { resolveTextQuery } from "./text-match";

const CATEGORIES = CATEGORY_SLUGS.slice(0, 3);
/** Prices that repeat, so that pages break ties on ids, and a cursor sits inside a run of equal prices. */
const TIED_PRICES = [0, 499, 999, 1999, 2999];

let db: Db;

beforeAll(async () => {
  db = testDatabase().db;
  const creator = await makeCreator(db);
  const rand = seededRandom(7);
  for (let i = 0; i < 320; i++) {
    // The 70 dearest listings hold the word three times; below them about one listing in six does, on tied prices.
    const dear = i < 70;
    const quartz = dear ? i % 25 === 0 : rand(6) === 0;
    const price = dear ? 40_000 + rand(20_000) : rand(3) === 0 ? rand(40_000) : TIED_PRICES[rand(TIED_PRICES.length)];
    const ratingCount = rand(3) === 0 ? 0 : 1 + rand(5);
    await makeListingRow(db, {
      creatorId: creator.id,
      kind: LISTING_KINDS[rand(LISTING_KINDS.length)],
      category: CATEGORIES[rand(CATEGORIES.length)],
      priceCents: price,
      ratingCount,
      ratingSum: ratingCount ? ratingCount + rand(ratingCount * 4 + 1) : 0,
      title: quartz && rand(2) === 0 ? "Quartz studio pack" : "Studio pack",
      summary: "Everyday tools",
      description: quartz ? "Tuned for quartz textures and more" : "Tuned for textures and more",
    });
  }
  // Words a misspelling (`quartx`) is read as: `quarter`, in 45 listings, and `quartet`, in a handful (too rare to
  // keep cells at frequentFrom 10), on their own random prices; some listings also hold `quartz` or both.
  const rand2 = seededRandom(11);
  for (let i = 0; i < 140; i++) {
    const word = i < 45 ? "Quarter" : i < 51 ? "Quartet" : null;
    const alsoQuartz = word !== null && rand2(4) === 0;
    const price = rand2(2) === 0 ? rand2(60_000) : TIED_PRICES[rand2(TIED_PRICES.length)];
    const ratingCount = rand2(3) === 0 ? 0 : 1 + rand2(5);
    await makeListingRow(db, {
      creatorId: creator.id,
      kind: LISTING_KINDS[rand2(LISTING_KINDS.length)],
      category: CATEGORIES[rand2(CATEGORIES.length)],
      priceCents: price,
      ratingCount,
      ratingSum: ratingCount ? ratingCount + rand2(ratingCount * 4 + 1) : 0,
      title: word ? `${word} ${alsoQuartz ? "quartz " : ""}pack` : "Studio pack",
      summary: "Everyday tools",
      description: "Tuned for textures and more",
    });
  }
  // A quartet pack first in its kind and category between two runs of quarter packs at tied prices.
  for (const [word, price] of [["Quartet", 1000], ...[999, 999, 999, 1001, 1001, 1001].map((p) => ["Quarter", p] as const)] as const) {
    await makeListingRow(db, {
      creatorId: creator.id,
      kind: LISTING_KINDS[0],
      category: CATEGORIES[0],
      priceCents: price,
      title: `${word} pack`,
      summary: "Everyday tools",
      description: "Tuned for textures and more",
    });
  }
  await refreshSearchTerms(db, { frequentFrom: 10 });
  await keepTokenFacets(db, "quar:*");
});

type Row = { id: string; kind: string; category: string; price: number; rating: number };

async function matches(source: string): Promise<Row[]> {
  return queryRows<Row>(
    db,
    sql`select l.id, l.kind, l.category, l.price_cents as price, l.rating_avg::float8 as rating
        from listings l where l.status = 'published' and l.search @@ ${tsQuery(source)}`,
  );
}

function expectedOrder(query: CatalogQuery, rows: Row[]): string[] {
  const desc = query.sort === "price_desc";
  return rows
    .filter(
      (r) =>
        (!query.kind || r.kind === query.kind) &&
        (!query.category || r.category === query.category) &&
        (!query.free || r.price === 0) &&
        (query.minPrice === undefined || r.price >= query.minPrice) &&
        (query.maxPrice === undefined || r.price <= query.maxPrice) &&
        (!query.minRating || r.rating >= query.minRating),
    )
    .sort((a, b) => (a.price - b.price || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) * (desc ? -1 : 1))
    .map((r) => r.id);
}

function toQuery(params: Record<string, string | number>): CatalogQuery {
  const text: Record<string, string> = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  if (text.minPrice !== undefined && text.maxPrice !== undefined && Number(text.minPrice) > Number(text.maxPrice)) {
    [text.minPrice, text.maxPrice] = [text.maxPrice, text.minPrice];
  }
  const parsed = parseCatalogQuery(new URLSearchParams(text));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

/** Price-ordered queries for `q`, with any of the filters at random values and a page of `minLimit` to `maxLimit`. */
function priceOrderedQueries(q: fc.Arbitrary<string>, minLimit: number, maxLimit: number) {
  return fc.record(
    {
      q,
      sort: fc.constantFrom("price_asc", "price_desc"),
      limit: fc.integer({ min: minLimit, max: maxLimit }),
      kind: fc.constantFrom(...LISTING_KINDS),
      category: fc.constantFrom(...CATEGORIES),
      minPrice: fc.integer({ min: 0, max: 60_000 }),
      maxPrice: fc.integer({ min: 0, max: 60_000 }),
      minRating: fc.integer({ min: 0, max: 500 }).map((n) => n / 100),
    },
    { requiredKeys: ["q", "sort", "limit"] },
  );
}

/**
 * Every page of `query` as catalogSearch finds it for a kept word (or a misspelling read as several words, whose count
 * passing the filters is not known), and how many of them ran in two parts.
 */
async function allPages(query: CatalogQuery): Promise<{ ids: string[]; split: number; tails: number }> {
  const text = await resolveTextQuery(db, query.q);
  const kept = await keptWordFacets(db, query, text);
  if (!kept && !text?.source.includes(" | ")) throw new Error(`no kept cells for ${query.q}`);
  const filtered = await countFiltered(db, query);
  const joint = kept ? matchesPassingFilters(kept, query) : null;
  const ids: string[] = [];
  let split = 0;
  let tails = 0;
  let cursor: string | undefined;
  do {
    const paged = { ...query, cursor };
    const span = await priceSpanOf(db, paged, text);
    if (searchPageStatements(paged, text, filtered, joint, span).length > 1) split++;
    if (span && "tail" in span) tails++;
    const page = await searchListings(db, paged, text, filtered, joint, span);
    ids.push(...page.items.map((i) => i.id));
    // A page that ends where it began would be fetched forever.
    if (page.nextCursor && page.nextCursor === cursor) throw new Error(`the page after ${cursor} ends where it began`);
    if (ids.length > 400) throw new Error(`more pages than matches for ${JSON.stringify(query)}`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { ids, split, tails };
}

describe("price-ordered pages of a kept word", () => {
  it("tells where a page lies: the first price by which a page of matches has come, and how many come before it", async () => {
    const query = toQuery({ q: "quartz", sort: "price_desc", limit: 10 });
    const text = await resolveTextQuery(db, query.q);
    const span = await priceSpanOf(db, query, text);
    const prices = (await matches("quartz")).map((r) => r.price).sort((a, b) => b - a);
    // The 11th match from the top (a page and one more) sets the span's price; those strictly dearer come before it.
    const price = prices[10];
    expect(span).toMatchObject({ price, above: prices.filter((p) => p > price).length, atPrice: prices.filter((p) => p === price).length });
    expect(span).toMatchObject({ wordBefore: prices.filter((p) => p > price).length });
    // A page whose start the kept cells know is found in two parts: the matches before that price, then the rest.
    expect(searchPageStatements(query, text, null, prices.length, span).map((s) => s.strategy)[0]).toBe("collect");
    expect(searchPageStatements(query, text, null, prices.length, span)).toHaveLength(2);
  });

  it("reads nothing before the span's price on a first page when no match before it passes the filters", async () => {
    const prices = (await matches("quartz")).map((r) => r.price).sort((a, b) => a - b);
    const count = (price: number) => prices.filter((p) => p === price).length;
    // The cheapest price two matches share with a cheaper match below it; the minimum price leaves that one out.
    const price = prices.find((p, i) => i > 0 && prices[i - 1] < p && count(p) >= 2)!;
    const minPrice = Math.max(...prices.filter((p) => p < price)) + 1;
    const query = toQuery({ q: "quartz", sort: "price_asc", minPrice, limit: count(price) - 1 });
    const text = await resolveTextQuery(db, query.q);
    const span = await priceSpanOf(db, query, text);
    expect(span).toMatchObject({ price, above: 0 });
    expect((span as PriceSpan).wordBefore).toBeGreaterThan(0);
    const kept = await keptWordFacets(db, query, text);
    const filtered = await countFiltered(db, query);
    const joint = matchesPassingFilters(kept!, query);
    // One statement from the span's price on, not the matches before it collected first.
    const statements = searchPageStatements(query, text, filtered, joint, span);
    expect(statements).toHaveLength(1);
    expect(statements[0].statement).not.toEqual(searchPageStatements(query, text, filtered, joint, null)[0].statement);
    const page = await searchListings(db, query, text, filtered, joint, span);
    expect(page.items.map((i) => i.id)).toEqual(expectedOrder(query, await matches("quartz")).slice(0, query.limit));
  });

  it("reads nothing after a cursor past the last match passing the filters, and the last page between the cursor's price and the last match", async () => {
    const prices = (await matches("quartz")).map((r) => r.price).sort((a, b) => a - b);
    const dearest = prices[prices.length - 1];
    const text = await resolveTextQuery(db, "quartz");
    // A cursor dearer than every match: no statement at all, and an empty page.
    const past = toQuery({
      q: "quartz",
      sort: "price_asc",
      limit: 5,
      cursor: encodeCursor({ sort: "price_asc", key: String(dearest + 1), id: "00000000-0000-4000-8000-000000000000" }),
    });
    expect(await priceSpanOf(db, past, text)).toEqual({ tail: true, passing: 0, last: null });
    expect(searchPageStatements(past, text, null, null, await priceSpanOf(db, past, text))).toEqual([]);
    expect((await searchListings(db, past, text, null, null, await priceSpanOf(db, past, text))).items).toEqual([]);
    // A cursor with three matches left: they lie between its price and the dearest match's.
    const third = prices[prices.length - 3];
    const from = toQuery({
      q: "quartz",
      sort: "price_asc",
      limit: 5,
      cursor: encodeCursor({ sort: "price_asc", key: String(third - 1), id: "ffffffff-ffff-4fff-bfff-ffffffffffff" }),
    });
    const span = await priceSpanOf(db, from, text);
    expect(span).toMatchObject({ tail: true, passing: prices.filter((p) => p >= third - 1).length, last: dearest });
    const page = await searchListings(db, from, text, null, null, span);
    expect(page.items.map((i) => i.id)).toEqual(
      expectedOrder(
        from,
        (await matches("quartz")).filter((r) => r.price >= third),
      ),
    );
  });

  it("walks the last pages from the cursor, among the matches tied at its price, to the last match and no further", async () => {
    const text = await resolveTextQuery(db, "quartz");
    for (const sort of ["price_desc", "price_asc"] as const) {
      const sign = sort === "price_desc" ? -1 : 1;
      // Per kind and category, its matches in the order, and the cursor on the first of the last ones tied at a price:
      // the combination with the fewest left after it (a short page, which a walk finds).
      const cases = LISTING_KINDS.flatMap((kind) => CATEGORIES.map((category) => ({ kind, category, rows: [] as Row[], first: -1 })));
      for (const r of await matches("quartz")) cases.find((c) => c.kind === r.kind && c.category === r.category)!.rows.push(r);
      for (const c of cases) {
        c.rows.sort((a, b) => sign * (a.price - b.price || (a.id < b.id ? -1 : 1)));
        const tied = [...c.rows].reverse().find((r, i, all) => all.filter((x) => x.price === r.price).length >= 2);
        c.first = tied ? c.rows.findIndex((r) => r.price === tied.price) : -1;
      }
      const found = cases.filter((c) => c.first >= 0).sort((a, b) => a.rows.length - a.first - (b.rows.length - b.first))[0];
      const { kind, category, rows, first } = found;
      const left = rows.length - first - 1;
      expect(rows[first + 1].price).toBe(rows[first].price);
      // A page as long as the matches left: one fewer than a span needs.
      const cursor = encodeCursor({ sort, key: String(rows[first].price), id: rows[first].id });
      const query = toQuery({ q: "quartz", sort, kind, category, limit: left, cursor });
      const span = await priceSpanOf(db, query, text);
      expect(span).toEqual({ tail: true, passing: left + 1, last: rows[rows.length - 1].price });
      // Without an exact count the page is walked; its region ends at the last match's price.
      const statements = searchPageStatements(query, text, null, null, span);
      expect(statements.map((st) => st.strategy)).toEqual(["walk"]);
      const page = await searchListings(db, query, text, null, null, span);
      expect(page.items.map((i) => i.id)).toEqual(rows.slice(first + 1).map((r) => r.id));
    }
  });

  it("pages through every match in price order exactly as a brute force does, for 120 random filter combinations", async () => {
    let split = 0;
    let tails = 0;
    await fc.assert(
      fc.asyncProperty(priceOrderedQueries(fc.constantFrom("quartz", "quar"), 3, 20), async (params) => {
        const query = toQuery(params);
        const text = await resolveTextQuery(db, query.q);
        const pages = await allPages(query);
        split += pages.split;
        tails += pages.tails;
        expect(pages.ids).toEqual(expectedOrder(query, await matches(text?.source ?? "")));
      }),
      { numRuns: 120, seed: 515, endOnFailure: true },
    );
    // The two-part path and the last pages' path ran on many of those pages, not only the plain one.
    expect(split).toBeGreaterThanOrEqual(15);
    expect(tails).toBeGreaterThanOrEqual(15);
  });
});

describe("price-ordered pages of a misspelling read as several words", () => {
  it("reads `quartx` as three words, two of them kept and one too rare to be", async () => {
    const text = await resolveTextQuery(db, "quartx");
    expect(text?.source).toBe("(quartz | quarter | quartet)");
    const keys = await queryRows<{ key: string }>(db, sql`select key from search_token_keys where key in ('''quartz''', '''quarter''', '''quartet''')`);
    expect(keys.map((k) => k.key).sort()).toEqual(["'quarter'", "'quartz'"]);
  });

  it("tells where a page lies from the words' counts added up: the kept ones' cells and the rare one's matches", async () => {
    for (const sort of ["price_asc", "price_desc"] as const) {
      const query = toQuery({ q: "quartx", sort, kind: LISTING_KINDS[0], limit: 6 });
      const text = await resolveTextQuery(db, query.q);
      const span = await priceSpanOf(db, query, text);
      // Each word's matches passing the filters, added up (a listing holding two words counts twice), in price order.
      const prices = (await Promise.all(["quartz", "quarter", "quartet"].map(matches)))
        .flat()
        .filter((r) => r.kind === query.kind)
        .map((r) => r.price)
        .sort((a, b) => (sort === "price_asc" ? a - b : b - a));
      const price = prices[query.limit];
      const before = (p: number) => (sort === "price_asc" ? p < price : p > price);
      expect(span).toMatchObject({ price, above: prices.filter(before).length, atPrice: prices.filter((p) => p === price).length });
    }
  });

  it("finds the rare word's listing where it comes first in the order, before tied matches of kept words", async () => {
    const rare = (await matches("quartet")).find((r) => r.price === 1000)!;
    for (const sort of ["price_asc", "price_desc"] as const) {
      // The quartet pack at $10.00 first, then three quarter packs tied at $9.99 or $10.01: the kept cells alone would
      // put the whole page at that tied price, with nothing before it.
      const query = toQuery({
        q: "quartx",
        sort,
        kind: LISTING_KINDS[0],
        category: CATEGORIES[0],
        limit: 2,
        ...(sort === "price_desc" ? { minPrice: 999, maxPrice: 1000 } : { minPrice: 1000, maxPrice: 1001 }),
      });
      const span = await priceSpanOf(db, query, await resolveTextQuery(db, query.q));
      expect(span).toMatchObject({ price: sort === "price_desc" ? 999 : 1001, above: 1 });
      const { ids } = await allPages(query);
      expect(ids[0]).toBe(rare.id);
      expect(ids).toEqual(expectedOrder(query, await matches("quartz | quarter | quartet")));
    }
  });

  it("has no span when the rare words' matches are more than it counts", async () => {
    const query = toQuery({ q: "quartx", sort: "price_desc" });
    const text = await resolveTextQuery(db, query.q);
    const terms = ["quartz", "quarter", "quartet"];
    const rare = (await matches("quartet")).length;
    expect(await keptPriceSpan(db, query, terms, null, query.limit + 1, rare)).not.toBeNull();
    expect(await keptPriceSpan(db, query, terms, null, query.limit + 1, rare - 1)).toBeNull();
    expect(text?.source).toBe(`(${terms.join(" | ")})`);
  });

  it("pages through every match in price order exactly as a brute force does, for 80 random filter combinations", async () => {
    let split = 0;
    await fc.assert(
      fc.asyncProperty(priceOrderedQueries(fc.constant("quartx"), 2, 12), async (params) => {
        const query = toQuery(params);
        const pages = await allPages(query);
        split += pages.split;
        expect(pages.ids).toEqual(expectedOrder(query, await matches("quartz | quarter | quartet")));
      }),
      { numRuns: 80, seed: 616, endOnFailure: true },
    );
    expect(split).toBeGreaterThanOrEqual(10);
  });
});
