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
import { countFiltered, keepTokenFacets, keptWordFacets, matchesPassingFilters } from "./facets";
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
  await refreshSearchTerms(db, { frequentFrom: 1 });
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

/** Every page of `query` as catalogSearch finds it for a kept word, and how many of them ran in two parts. */
async function allPages(query: CatalogQuery): Promise<{ ids: string[]; split: number }> {
  const text = await resolveTextQuery(db, query.q);
  const kept = await keptWordFacets(db, query, text);
  if (!kept) throw new Error(`no kept cells for ${query.q}`);
  const filtered = await countFiltered(db, query);
  const joint = matchesPassingFilters(kept, query);
  const ids: string[] = [];
  let split = 0;
  let cursor: string | undefined;
  do {
    const paged = { ...query, cursor };
    const span = await priceSpanOf(db, paged, text);
    if (searchPageStatements(paged, text, filtered, joint, span).length > 1) split++;
    const page = await searchListings(db, paged, text, filtered, joint, span);
    ids.push(...page.items.map((i) => i.id));
    // A page that ends where it began would be fetched forever.
    if (page.nextCursor && page.nextCursor === cursor) throw new Error(`the page after ${cursor} ends where it began`);
    if (ids.length > 400) throw new Error(`more pages than matches for ${JSON.stringify(query)}`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { ids, split };
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
    expect(span?.wordBefore).toBe(prices.filter((p) => p > price).length);
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
    expect(span?.wordBefore).toBeGreaterThan(0);
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

  it("pages through every match in price order exactly as a brute force does, for 120 random filter combinations", async () => {
    let split = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            q: fc.constantFrom("quartz", "quar"),
            sort: fc.constantFrom("price_asc", "price_desc"),
            limit: fc.integer({ min: 3, max: 20 }),
            kind: fc.constantFrom(...LISTING_KINDS),
            category: fc.constantFrom(...CATEGORIES),
            minPrice: fc.integer({ min: 0, max: 60_000 }),
            maxPrice: fc.integer({ min: 0, max: 60_000 }),
            minRating: fc.integer({ min: 0, max: 500 }).map((n) => n / 100),
          },
          { requiredKeys: ["q", "sort", "limit"] },
        ),
        async (params) => {
          const query = toQuery(params);
          const text = await resolveTextQuery(db, query.q);
          const pages = await allPages(query);
          split += pages.split;
          expect(pages.ids).toEqual(expectedOrder(query, await matches(text?.source ?? "")));
        },
      ),
      { numRuns: 120, seed: 515, endOnFailure: true },
    );
    // The two-part path ran on many of those pages, not only the plain one.
    expect(split).toBeGreaterThanOrEqual(15);
  });
});
