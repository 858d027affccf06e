// Facet counts checked against a brute-force count over the same listings, for many filter combinations.
import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { listings } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { LISTING_KINDS } from "@/lib/listings/kinds";
import { catalogSearch, keepFrequentTerm } from "./catalog";
import { CATEGORY_SLUGS } from "./categories";
import {
  facetsWithSource,
  keepTitleFacets,
  keepTokenFacets,
  keptTermsShowNone,
  PRICE_BANDS,
  singleTerm,
  RATING_THRESHOLDS,
  roundToTwoFigures,
  termGroups,
} from "./facets";
import { parseCatalogQuery, type CatalogQuery } from "./params";
import { searchListings } from "./search";
import { resolveTextQuery } from "./text-match";
import { FREQUENT_TOKEN_MATCHES, refreshSearchTerms } from "./terms";
import { makeCreator, makeListingRow, seededRandom } from "@/lib/testing/fixtures";
import { recordingStatements } from "@/lib/testing/recording-db";

type Row = { id?: string; kind: string; category: string; price: number; rating: number; words: string[]; published: boolean };
const rows: Row[] = [];
let db: Db;

const WORDS = ["sunset", "portrait", "resume", "invoice", "anime", "ledger"];
const PRICES = [0, 0, 299, 499, 500, 1500, 1999, 2000, 4999, 5000, 12000];

beforeAll(async () => {
  db = testDatabase().db;
  const creator = await makeCreator(db);
  const rand = seededRandom(7);
  for (let i = 0; i < 180; i++) {
    const ratingCount = rand(3) === 0 ? 0 : 1 + rand(6);
    const ratingSum = ratingCount ? ratingCount + rand(ratingCount * 4 + 1) : 0;
    const row: Row = {
      kind: LISTING_KINDS[rand(LISTING_KINDS.length)],
      category: CATEGORY_SLUGS[rand(4)],
      price: PRICES[rand(PRICES.length)],
      rating: ratingCount ? Math.round((ratingSum / ratingCount) * 100) / 100 : 0,
      words: [WORDS[rand(WORDS.length)], WORDS[rand(WORDS.length)]],
      published: rand(10) > 0,
    };
    rows.push(row);
    row.id = (
      await makeListingRow(db, {
        creatorId: creator.id,
        kind: row.kind as CatalogQuery["kind"],
        category: row.category,
        priceCents: row.price,
        ratingCount,
        ratingSum,
        title: `Item ${row.words.join(" ")}`,
        status: row.published ? "published" : (["draft", "pending_review", "rejected", "unpublished", "removed"] as const)[rand(5)],
      })
    ).id;
  }
  await refreshSearchTerms(db);
});

function parse(params: Record<string, string>): CatalogQuery {
  const parsed = parseCatalogQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

function bruteForce(query: CatalogQuery) {
  const text = (r: Row) => !query.q || query.q.split(" ").every((w) => r.words.includes(w));
  const kindOk = (r: Row) => !query.kind || r.kind === query.kind;
  const catOk = (r: Row) => !query.category || r.category === query.category;
  const priceOk = (r: Row) =>
    (!query.free || r.price === 0) &&
    (query.minPrice === undefined || r.price >= query.minPrice) &&
    (query.maxPrice === undefined || r.price <= query.maxPrice);
  const ratingOk = (r: Row) => !query.minRating || r.rating >= query.minRating;
  const base = rows.filter((r) => r.published && text(r));
  return {
    total: base.filter((r) => kindOk(r) && catOk(r) && priceOk(r) && ratingOk(r)).length,
    kind: LISTING_KINDS.map((k) => base.filter((r) => r.kind === k && catOk(r) && priceOk(r) && ratingOk(r)).length),
    category: CATEGORY_SLUGS.map((c) => base.filter((r) => r.category === c && kindOk(r) && priceOk(r) && ratingOk(r)).length),
    price: PRICE_BANDS.map((b) => base.filter((r) => r.price >= b.min && (b.max === null || r.price <= b.max) && kindOk(r) && catOk(r) && ratingOk(r)).length),
    rating: RATING_THRESHOLDS.map((t) => base.filter((r) => r.rating >= t && kindOk(r) && catOk(r) && priceOk(r)).length),
  };
}

const CASES: Record<string, string>[] = [
  {},
  { q: "sunset" },
  { q: "portrait anime" },
  { kind: "prompt" },
  { category: "writing", kind: "test" },
  { minPrice: "500", maxPrice: "1999" },
  { free: "1", q: "resume" },
  { minRating: "3" },
  { q: "ledger", kind: "model", category: CATEGORY_SLUGS[1], minPrice: "1", minRating: "2" },
  { kind: "preset", free: "true", minRating: "4.5" },
];

async function expectFacetsMatchBruteForce(query: CatalogQuery) {
  const text = await resolveTextQuery(db, query.q);
  const { facets } = await facetsWithSource(db, query, text);
  const expected = bruteForce(query);
  expect(facets.kind.map((f) => f.count)).toEqual(expected.kind);
  expect(facets.category.map((f) => f.count)).toEqual(expected.category);
  expect(facets.price.map((f) => f.count)).toEqual(expected.price);
  expect(facets.rating.map((f) => f.count)).toEqual(expected.rating);
}

describe("facet counts", () => {
  for (const params of CASES) {
    it(`match a brute-force count for ${JSON.stringify(params)}`, async () => {
      const query = parse({ ...params, limit: "60" });
      const text = await resolveTextQuery(db, query.q);
      const { facets } = await facetsWithSource(db, query, text);
      const expected = bruteForce(query);
      expect(facets.kind.map((f) => f.count)).toEqual(expected.kind);
      expect(facets.category.map((f) => f.count)).toEqual(expected.category);
      expect(facets.price.map((f) => f.count)).toEqual(expected.price);
      expect(facets.rating.map((f) => f.count)).toEqual(expected.rating);
      // The items themselves agree with the brute force too (walk every page).
      let total = 0;
      let cursor: string | null = null;
      do {
        const page = await searchListings(db, { ...query, cursor: cursor ?? undefined }, text);
        total += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      expect(total).toBe(expected.total);
    });
  }
});

describe("kept facet cells of frequent words", () => {
  const single = CASES.filter((c) => c.q && !c.q.includes(" "));
  const isKept = async (source: string) =>
    (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from search_token_keys where key = to_tsquery('english', ${source})::text`))[0].n === 1;

  it("a frequent word's facets come from its kept cells and match the brute force under every filter", async () => {
    await refreshSearchTerms(db, { frequentFrom: 1 });
    for (const params of single) {
      const query = parse(params);
      const { counted } = await facetsWithSource(db, query, await resolveTextQuery(db, query.q));
      expect(counted).toBe(false);
      await expectFacetsMatchBruteForce(query);
    }
  });

  it("kept terms tell when no listing holding the words passes the filters: a word none of whose pass, or every alternative of one", async () => {
    await refreshSearchTerms(db, { frequentFrom: 1 });
    expect(termGroups("(plan | planner) & python:*")).toEqual([["plan", "planner"], ["python:*"]]);
    expect(termGroups("(plan:* | plan) & sunset")).toEqual([["plan:*", "plan"], ["sunset"]]);
    let none = 0;
    let some = 0;
    for (const kind of LISTING_KINDS) {
      for (const category of CATEGORY_SLUGS.slice(0, 4)) {
        for (const minRating of ["0", "4"]) {
          const query = parse({ kind, category, minRating });
          const passing = (word: string) => bruteForce({ ...query, q: word }).total;
          // A misspelling read as `sunset | anime`: none passes only when neither word's listings do.
          const expected = passing("sunset") === 0 && passing("anime") === 0;
          expect(await keptTermsShowNone(db, query, [["sunset", "anime"]])).toBe(expected);
          // With another word: none passes when either part has none.
          expect(await keptTermsShowNone(db, query, [["ledger"], ["sunset", "anime"]])).toBe(expected || passing("ledger") === 0);
          if (expected) none++;
          else some++;
        }
      }
    }
    expect([none > 0, some > 0]).toEqual([true, true]);
    // A term that keeps no cells tells nothing by itself, though no listing holds it.
    expect(await keptTermsShowNone(db, parse({}), [["zyzzyva"]])).toBe(false);
    expect(await keptTermsShowNone(db, parse({}), [["sunset", "zyzzyva"]])).toBe(false);
    // A misspelling's alternative that keeps no cells but is a rare vocabulary word has its matches counted: `sunset`,
    // its cells dropped as if it were too rare to keep them, beside the kept `anime`.
    await db.execute(sql`delete from search_token_keys where key = ${"'sunset'"}`);
    try {
      const all = bruteForce(parse({ q: "sunset" })).total;
      const seen = new Set<boolean>();
      for (const kind of LISTING_KINDS) {
        for (const category of CATEGORY_SLUGS.slice(0, 4)) {
          const query = parse({ kind, category, minRating: "4" });
          const passing = (word: string) => bruteForce({ ...query, q: word }).total;
          const expected = passing("sunset") === 0 && passing("anime") === 0;
          expect(await keptTermsShowNone(db, query, [["sunset", "anime"]])).toBe(expected);
          seen.add(expected);
          // More matches than it counts, or the start of words (which nothing bounds): unknown, so not none.
          expect(await keptTermsShowNone(db, query, [["sunset", "anime"]], all - 1)).toBe(false);
          expect(await keptTermsShowNone(db, query, [["sunse:*", "anime"]])).toBe(false);
        }
      }
      expect([...seen].sort()).toEqual([false, true]);
    } finally {
      await keepTokenFacets(db, "sunset");
    }
  });

  it("stay exact as listings are published, repriced, re-rated, recategorised and unpublished", async () => {
    await refreshSearchTerms(db, { frequentFrom: 1 });
    const creator = await makeCreator(db);
    for (let i = 0; i < 6; i++) {
      const row: Row = {
        kind: LISTING_KINDS[i % 5],
        category: CATEGORY_SLUGS[i % 4],
        price: PRICES[i],
        rating: 0,
        words: ["sunset", WORDS[i]],
        published: true,
      };
      row.id = (
        await makeListingRow(db, {
          creatorId: creator.id,
          kind: row.kind as CatalogQuery["kind"],
          category: row.category,
          priceCents: row.price,
          title: `New ${row.words.join(" ")}`,
        })
      ).id;
      rows.push(row);
    }
    const sunsets = rows.filter((r) => r.published && r.words.includes("sunset"));
    const [repriced, rerated, moved, gone] = sunsets;
    await db.update(listings).set({ priceCents: 777 }).where(eq(listings.id, repriced.id!));
    repriced.price = 777;
    await db.update(listings).set({ ratingCount: 2, ratingSum: 9 }).where(eq(listings.id, rerated.id!));
    rerated.rating = 4.5;
    await db.update(listings).set({ category: CATEGORY_SLUGS[5] }).where(eq(listings.id, moved.id!));
    moved.category = CATEGORY_SLUGS[5];
    await db.update(listings).set({ status: "unpublished" }).where(eq(listings.id, gone.id!));
    gone.published = false;
    // A sale only moves counters: no cell changes.
    await db.update(listings).set({ salesCount: 41 }).where(eq(listings.id, sunsets[4].id!));
    const after: Record<string, string>[] = [
      { q: "sunset" },
      { q: "sunset", kind: "prompt" },
      { q: "sunset", minPrice: "500", minRating: "1" },
      { q: "sunset", category: CATEGORY_SLUGS[5] },
    ];
    for (const params of after) {
      const query = parse(params);
      expect((await facetsWithSource(db, query, await resolveTextQuery(db, query.q))).counted).toBe(false);
      await expectFacetsMatchBruteForce(query);
    }
  });

  it("a frequent partial word keeps cells too: read instead of counted, exact under every filter and through writes", async () => {
    // `resu` starts only "resume": the brute force of the whole word is the expected answer.
    const asWord = (params: Record<string, string>) => bruteForce(parse({ ...params, q: "resume" }));
    const text = await resolveTextQuery(db, "resu");
    expect(singleTerm(text)).toBe("resu:*");
    expect((await facetsWithSource(db, parse({ q: "resu" }), text)).counted).toBe(true);

    expect(await keepTokenFacets(db, "resu:*")).toBe(true);
    expect(await keepTokenFacets(db, "resu:*")).toBe(false);
    const cases: Record<string, string>[] = [{ q: "resu" }, { q: "resu", kind: "prompt" }, { q: "resu", minPrice: "500", minRating: "1" }];
    const check = async () => {
      for (const params of cases) {
        const query = parse(params);
        const { facets, counted } = await facetsWithSource(db, query, await resolveTextQuery(db, query.q));
        expect(counted, JSON.stringify(params)).toBe(false);
        const expected = asWord(params);
        expect([facets.kind, facets.category, facets.price, facets.rating].map((g) => g.map((f) => f.count))).toEqual([
          expected.kind,
          expected.category,
          expected.price,
          expected.rating,
        ]);
      }
    };
    await check();

    // The triggers keep a partial word's cells as they keep a word's: a new listing, a new price, one gone.
    const creator = await makeCreator(db);
    const added: Row = { kind: "prompt", category: CATEGORY_SLUGS[0], price: 650, rating: 0, words: ["resume", "ledger"], published: true };
    added.id = (
      await makeListingRow(db, { creatorId: creator.id, kind: "prompt", category: added.category, priceCents: 650, title: "Fresh resume ledger" })
    ).id;
    rows.push(added);
    const [repriced, gone] = rows.filter((r) => r.published && r.words.includes("resume") && r !== added);
    await db.update(listings).set({ priceCents: 555 }).where(eq(listings.id, repriced.id!));
    repriced.price = 555;
    await db.update(listings).set({ status: "unpublished" }).where(eq(listings.id, gone.id!));
    gone.published = false;
    await check();
  });

  it("a search keeps a frequent term's cells after its answer when it can (once for a burst), else before returning", async () => {
    const frequent = async (q: string, bodyMatches = FREQUENT_TOKEN_MATCHES) => ({ ...(await resolveTextQuery(db, q))!, bodyMatches });

    const deferred: Array<() => Promise<void>> = [];
    const later = (work: () => Promise<void>) => void deferred.push(work);
    const anim = await frequent("anim");
    // While one term is being counted, no other is started: the same one again, or another.
    await Promise.all([keepFrequentTerm(db, anim, later), keepFrequentTerm(db, anim, later), keepFrequentTerm(db, await frequent("invo"), later)]);
    expect(deferred).toHaveLength(1);
    expect(await isKept("anim:*")).toBe(false);
    await deferred[0]();
    expect(await isKept("anim:*")).toBe(true);
    expect(await isKept("invo:*")).toBe(false);

    // A `later` that can't schedule (no request to run after) leaves nothing marked as being counted.
    const refuse = () => {
      throw new Error("after() outside a request");
    };
    await expect(keepFrequentTerm(db, await frequent("ledg"), refuse)).rejects.toThrow("after() outside a request");
    await keepFrequentTerm(db, await frequent("ledg"));
    expect(await isKept("ledg:*")).toBe(true);
    await keepFrequentTerm(db, await frequent("sunse", FREQUENT_TOKEN_MATCHES - 1));
    expect(await isKept("sunse:*")).toBe(false);
  });

  it("while requests wait for a slot in the server's queue, a search keeps a frequent term's cells only the second time", async () => {
    const term = async (q: string) => ({ ...(await resolveTextQuery(db, q))!, bodyMatches: FREQUENT_TOKEN_MATCHES });
    const deferred: Array<() => Promise<void>> = [];
    const later = (work: () => Promise<void>) => void deferred.push(work);
    const g = globalThis as typeof globalThis & { __agoraAdmission?: unknown };
    const stats = { active: 16, queued: 3, admitted: 40, refused: 0, abandoned: 0, released: 0 };
    g.__agoraAdmission = stats;
    try {
      // The first search of each: nothing scheduled, nothing marked as being counted.
      await keepFrequentTerm(db, await term("sunse"), later);
      await keepFrequentTerm(db, await term("portrai"), later);
      expect(deferred).toHaveLength(0);
      // The second search of one, the line still there: kept.
      await keepFrequentTerm(db, await term("sunse"), later);
      expect(deferred).toHaveLength(1);
      await deferred[0]();
      expect(await isKept("sunse:*")).toBe(true);
      // Once the line is gone, a first search keeps its term as always.
      stats.queued = 0;
      await keepFrequentTerm(db, await term("resum"), later);
      expect(deferred).toHaveLength(2);
      await deferred[1]();
      expect(await isKept("resum:*")).toBe(true);
    } finally {
      delete g.__agoraAdmission;
    }
  });

  it("keeps no cells for the start of no word, nor past the most partial words it may keep", async () => {
    expect(await keepTokenFacets(db, "zzq:*")).toBe(false);
    const [{ kept }] = await queryRows<{ kept: number }>(db, sql`select count(*)::int as kept from search_token_keys where key like '%:*'`);
    expect(await keepTokenFacets(db, "invo:*", { maxPrefixes: kept })).toBe(false);
    expect(await keepTokenFacets(db, "invo:*", { maxPrefixes: kept + 1 })).toBe(true);
  });

  it("a search for a word far too rare to be kept reads no kept cells, and its facets are counted exactly", async () => {
    // The tests above kept every word's cells (frequentFrom: 1): these words have cells, but too few listings to need them.
    const statements: string[] = [];
    const recording = (target: Db): Db => recordingStatements(target, statements);
    const cases: Record<string, string>[] = [{ q: "sunset" }, { q: "ledger", kind: "prompt", minPrice: "500" }];
    for (const params of cases) {
      const query = parse(params);
      statements.length = 0;
      const { facets } = await catalogSearch(recording(db), query);
      expect(statements.some((text) => text.includes("search_token_facets"))).toBe(false);
      expect(facets).toEqual((await facetsWithSource(db, query, await resolveTextQuery(db, query.q), { above: Infinity, rows: 0 })).facets);
      await expectFacetsMatchBruteForce(query);
    }
  });

  it("a word is kept once, whoever asks for it", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => keepTokenFacets(db, "invoice")));
    expect(results.filter(Boolean).length).toBeLessThanOrEqual(1);
    const [{ n }] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from search_token_keys where key = to_tsquery('english', 'invoice')::text`,
    );
    expect(n).toBe(1);
    await expectFacetsMatchBruteForce(parse({ q: "invoice" }));
  });
});

describe("facets of very large match sets", () => {
  // Several words are never kept, so their matches are counted (or sampled) every time: the two words found together most.
  const query = () => {
    const together = (pair: string[]) => rows.filter((r) => r.published && pair.every((w) => r.words.includes(w))).length;
    const pairs = WORDS.flatMap((a, i) => WORDS.slice(i + 1).map((b) => [a, b]));
    const pair = pairs.sort((x, y) => together(y) - together(x))[0];
    expect(together(pair)).toBeGreaterThan(3);
    return parse({ q: pair.join(" "), kind: "prompt" });
  };

  it("a sample that holds every match is an exact count, not marked approximate", async () => {
    const q = parse({ q: "portrait", kind: "prompt" });
    const text = await resolveTextQuery(db, q.q);
    const { facets, counted } = await facetsWithSource(db, q, text, { above: 0, rows: 10_000 });
    expect(facets.approximate).toBe(false);
    expect(counted).toBe(true);
    await expectFacetsMatchBruteForce(q);
  });

  it("above the threshold, counts come from a cut-short sample: marked approximate, two figures, absent values stay zero", async () => {
    const q = query();
    const text = await resolveTextQuery(db, q.q);
    expect(text!.source).toContain(" & ");
    expect(singleTerm(text)).toBeNull();
    const exact = bruteForce(q);
    const { facets, counted } = await facetsWithSource(db, q, text, { above: 0, rows: 3 });
    expect(facets.approximate).toBe(true);
    expect(counted).toBe(true);
    const counts = [...facets.kind, ...facets.category, ...facets.price].map((f) => f.count);
    for (const n of counts.filter((c) => c > 0)) expect(n).toBe(roundToTwoFigures(n));
    // A value with no match at all cannot be in the sample.
    facets.category.forEach((f, i) => {
      if (exact.category[i] === 0) expect(f.count).toBe(0);
    });
  });

  it("roundToTwoFigures keeps two significant figures and never rounds a seen count to zero", () => {
    expect([0.4, 87, 149, 12_345, 987_654].map(roundToTwoFigures)).toEqual([1, 87, 150, 12_000, 990_000]);
  });
});

describe("rebuilding the vocabulary and its kept cells", () => {
  const cells = sql`select key, kind, category, price_cents, rating_avg, n from search_token_facets order by 1, 2, 3, 4, 5`;

  it("counts each published listing once per word of its title, tags and summary", async () => {
    await refreshSearchTerms(db);
    const kept = await queryRows<{ term: string; listing_count: number }>(db, sql`select term, listing_count from search_terms order by term`);
    // The reference: every (listing, word) pair of a plain split, then a count per word.
    const reference = await queryRows<{ term: string; listing_count: number }>(
      db,
      sql`select w.word as term, count(distinct l.id)::int as listing_count
          from listings l cross join lateral regexp_split_to_table(lower(l.title || ' ' || agora_tags_text(l.tags) || ' ' || l.summary), '[^[:alnum:]]+') as w(word)
          where l.status = 'published' and length(w.word) between 2 and 40 and w.word !~ '^[0-9]+$'
            and to_tsvector('english'::regconfig, w.word) <> ''::tsvector
          group by w.word order by w.word`,
    );
    expect(kept.length).toBeGreaterThan(WORDS.length);
    expect(kept).toEqual(reference);
  });

  it("keeps in one pass exactly the cells that the word-by-word function keeps", async () => {
    await db.execute(sql`delete from search_token_keys`);
    await refreshSearchTerms(db, { frequentFrom: 1 });
    const onePass = await queryRows(db, cells);
    const words = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from search_token_keys`);
    expect(words[0].n).toBeGreaterThan(WORDS.length);

    await db.execute(sql`delete from search_token_keys`);
    // The function counts a title key (`'word':AB`) through the words' index, as any tsquery: weights and all.
    await db.execute(sql`select agora_add_search_token(term), agora_add_search_token(term || ':AB') from search_terms order by term`);
    expect(onePass.length).toBeGreaterThan(0);
    expect(onePass).toEqual(await queryRows(db, cells));
    // A title key's cells are the listings holding the word in the title or tags: `head`, the first relevance tier.
    const byHead = await queryRows(
      db,
      sql`select to_tsquery('english'::regconfig, t.term || ':AB')::text as key, s.kind, s.category, s.price_cents, s.rating_avg, count(*)::int as n
          from search_terms t join listing_search s on s.head @@ to_tsquery('english'::regconfig, t.term)
          group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
    );
    expect(byHead.length).toBeGreaterThan(0);
    const titleCells = sql`select key, kind, category, price_cents, rating_avg, n from search_token_facets where key like '%:AB' and n > 0 order by 1, 2, 3, 4, 5`;
    expect(await queryRows(db, titleCells)).toEqual(byHead);
    // Kept after a search instead (a bulk seed keeps none), from head: the same cells.
    await db.execute(sql`delete from search_token_keys where key like '%:AB'`);
    for (const { term } of await queryRows<{ term: string }>(db, sql`select term from search_terms order by term`)) await keepTitleFacets(db, term);
    expect(await queryRows(db, titleCells)).toEqual(byHead);
  });

  it("keeps nothing twice: a second rebuild leaves the kept cells as they are", async () => {
    await refreshSearchTerms(db, { frequentFrom: 1 });
    const before = await queryRows(db, cells);
    await refreshSearchTerms(db, { frequentFrom: 1 });
    expect(await queryRows(db, cells)).toEqual(before);
  });
});
