// How a page chooses to find its rows (results themselves are pinned against a brute force in search.property.test.ts).
import { describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import { encodeCursor } from "./cursor";
import { parseCatalogQuery, type CatalogQuery } from "./params";
import { LONGER_WALK, MAX_WALK_ROWS, searchPageStatements } from "./page-statements";
import type { TextMatch } from "./text-match";

const dialect = new PgDialect();

function query(params: Record<string, string>): CatalogQuery {
  const parsed = parseCatalogQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

/** A common word in a 1M catalog: in 14 % of titles and tags, in a third of all documents. */
const commonWord: TextMatch = { source: "test", corrections: [], didYouMean: null, headMatches: 140_000, bodyMatches: 320_000, catalogSize: 1_000_000 };

/** A walk's region with filters: the key, the sort column and the filter columns the sort index holds (index-only). */
const WALK_COLUMNS = "s\\.listing_id(, s\\.[a-z_]+)+, s\\.listing_id as walk_id";

describe("searchPageStatements", () => {
  it("a common word under filters few listings pass reads those listings once, testing the word and telling each row's tier", () => {
    const pages = searchPageStatements(query({ q: "test", category: "video", minPrice: "14497", maxPrice: "14826" }), commonWord, {
      matching: 12,
      catalog: 1_000_000,
    });
    // Both tiers in one statement: the title tier's page would surely come up short (12 listings pass the filters);
    // once it ran, the body tier's page does not run.
    expect(pages.map((p) => [p.tier, p.strategy, p.fallbacks.length, p.readsLowerTiers ?? false])).toEqual([
      [2, "collect", 0, true],
      [1, "collect", 0, false],
    ]);
    // The listings passing the filters are read first (seeking every kind of the category); the words are tested after,
    // and the title and tags decide the tier, which leads the order.
    const both = dialect.sqlToQuery(pages[0].statement).sql;
    expect(both).toMatch(
      /case when s\.head @@ .* then 2 else 1 end as tier from \(select \* from listing_search s where s\.category = \$\d+ .*and s\.kind = any\(\$\d+::listing_kind\[\]\) offset 0\) s where s\.body @@/,
    );
    expect(both).toMatch(/order by s\.tier desc, s\.boost desc/);
    expect(both).toMatch(/p\.t::text \|\| '\|' \|\| p\.k::text as "sortKey"/);
  });

  it("a title tier that walks first and then would collect reads both tiers' matches at once when it comes up short", () => {
    // A word in a quarter of titles at 1M listings (the table outgrown Postgres's buffers) under a price range 300
    // listings pass: the title tier walks its order first (cheap: title and tags are inline), and a walk coming up
    // short collects the document matches once for both tiers, instead of the title matches and then the document
    // matches. About 90 title matches are expected to pass, fewer than four pages' worth.
    const word: TextMatch = { ...commonWord, source: "plan", headMatches: 230_000, bodyMatches: 240_000, catalogSize: 860_000, outgrownPages: 44_000 };
    const range = query({ q: "plan", minPrice: "4410", maxPrice: "4412" });
    const pages = searchPageStatements(range, word, { matching: 300, catalog: 860_000 });
    expect(pages.map((p) => [p.tier, p.strategy, p.readsLowerTiers ?? false])).toEqual([
      [2, "walk", true],
      [1, "collect", false],
    ]);
    const last = dialect.sqlToQuery(pages[0].fallbacks.at(-1) ?? pages[0].statement).sql;
    expect(last).toMatch(/case when s\.head @@ .* then 2 else 1 end as tier/);
    expect(last).toMatch(/order by s\.tier desc, s\.boost desc/);
    // The walks before it stay the title tier's own.
    expect(dialect.sqlToQuery(pages[0].statement).sql).toMatch(/s\.head @@/);
    // Under a filter that passes 3,000 listings, about 800 title matches are expected to pass: the tiers run apart.
    const wider = searchPageStatements(range, word, { matching: 3000, catalog: 860_000 });
    expect(wider.map((p) => p.readsLowerTiers ?? false)).toEqual([false, false]);
  });

  it("two collecting tiers run one after the other when the title tier is likely to fill the page", () => {
    // A word in 2 % of titles and 15 % of documents, under filters 1 % of listings pass: the title tier expects 200
    // matches passing them (eight pages' worth) and collects its 20,000; reading the 150,000 document matches for it
    // would cost far more.
    const word: TextMatch = { ...commonWord, headMatches: 20_000, bodyMatches: 150_000 };
    const pages = searchPageStatements(query({ q: "test", category: "video", kind: "model" }), word, { matching: 10_000, catalog: 1_000_000 });
    expect(pages.map((p) => [p.tier, p.strategy, p.readsLowerTiers ?? false])).toEqual([
      [2, "collect", false],
      [1, "collect", false],
    ]);
  });

  it("the same word under a broad filter walks each tier as far as a page needs at their shares, then collects the word's matches", () => {
    const pages = searchPageStatements(query({ q: "test", kind: "model" }), commonWord, { matching: 200_000, catalog: 1_000_000 });
    // The title tier's walk is cheap enough (title and tags are inline) that one eight times as long comes before
    // collecting its 140,000 matches; the body tier's is not (each row's `body` is read).
    expect(pages.map((p) => [p.strategy, p.fallbacks.length])).toEqual([
      ["walk", 2],
      ["walk", 1],
    ]);
    expect(dialect.sqlToQuery(pages[0].fallbacks[0]).params).toContain(1786 * LONGER_WALK);
    // Title tier: 14 % of titles × 20 % of kinds, twice over for a page of 25: 1,786 rows; body tier: 18 % × 20 %: 1,389.
    expect(pages.map((p) => dialect.sqlToQuery(p.statement).params)).toEqual([expect.arrayContaining([1786]), expect.arrayContaining([1389])]);
    for (const page of pages) {
      // The rows in both indexes are only guessed (a fifth of the word's matches): collecting reads both only when
      // Postgres plans a BitmapAnd for it ...
      const last = page.fallbacks.at(-1) ?? page.statement;
      expect(page.planCheck?.statement).toBe(last);
      expect(dialect.sqlToQuery(last).sql).toMatch(/where s\.(head|body) @@ [^)]*\) and s\.kind = /);
      // ... else the word's matches are collected: the text's GIN index is the innermost read, the filters tested after.
      expect(dialect.sqlToQuery(page.planCheck!.otherwise).sql).toMatch(
        /from \(select \* from \(select s\.listing_id, [^)]* from listing_search s where s\.(head|body) @@/,
      );
    }
  });

  it("a walk that came up short having found some matches offers one farther walk, twice what their density needs, while it costs under a third of collecting", () => {
    const pages = searchPageStatements(query({ q: "test", kind: "model" }), commonWord, { matching: 200_000, catalog: 1_000_000 });
    const body = pages.find((p) => p.tier === 1)!;
    // The body tier walks 1,389 rows, then collects the word's 320,000 matches.
    expect(dialect.sqlToQuery(body.statement).params).toContain(1389);
    expect(body.fallbacks).toHaveLength(1);
    // 25 of the 26 rows wanted in 1,389: 2,890 rows find 52 at that density; its region is the same order's.
    const farther = body.farther!(25, 26)!;
    expect(dialect.sqlToQuery(farther.walk).params).toContain(2890);
    expect(dialect.sqlToQuery(farther.walk).sql).toMatch(/walk_id/);
    // No cursor and no range: the walk starts at the order's start, with no region to count.
    expect(farther.region).toBeUndefined();
    // One row in 1,389: 72,228 rows of body tests cost more than a third of collecting.
    expect(body.farther!(1, 26)).toBeNull();
    // Nothing found tells no density; a full page needs no farther walk.
    expect(body.farther!(0, 26)).toBeNull();
    expect(body.farther!(26, 26)).toBeNull();
    // After a cursor, the farther walk's region counts the rows it may read, as the walk's own does.
    const after = searchPageStatements(
      query({ q: "test", kind: "model", cursor: encodeCursor({ sort: "relevance", key: "1|1.2", id: "00000000-0000-4000-8000-000000000000" }) }),
      commonWord,
      { matching: 200_000, catalog: 1_000_000 },
    );
    expect(after.find((p) => p.tier === 1)!.farther!(25, 26)!.region?.rows).toBe(2890);
  });

  it("knowing exactly how many listings hold the word and pass the filters: none, no statement; a few percent, a walk sized to find a page", () => {
    const q = query({ q: "test", kind: "model" });
    expect(searchPageStatements(q, commonWord, { matching: 200_000, catalog: 1_000_000 }, 0)).toEqual([]);
    const pages = searchPageStatements(q, commonWord, { matching: 200_000, catalog: 1_000_000 }, 27_788);
    const body = pages.find((p) => p.tier === 1)!;
    expect([body.strategy, body.fallbacks.length]).toEqual(["walk", 1]);
    // A page and the next row (25) at 2.8 %, twice over: 1,800 rows of the relevance order, not the 20,000-row long walk.
    const walked = dialect.sqlToQuery(body.statement);
    expect(walked.params).toContain(1800);
  });

  it("a price order under a price range walks from the range's start, not from the other end of the catalog", () => {
    for (const [params, bound] of [
      [{ maxPrice: "12796", sort: "price_desc" }, /s\.price_cents <= \$1\) order by s\.price_cents desc/],
      [{ minPrice: "2000", category: "video", sort: "price_asc" }, /s\.price_cents >= \$1\) order by s\.price_cents asc/],
    ] as const) {
      const [page] = searchPageStatements(query(params), null, { matching: 800_000, catalog: 1_000_000 });
      expect(page.strategy).toBe("walk");
      // The range is the walk's own index condition, inside the region the walk reads in price order.
      expect(dialect.sqlToQuery(page.statement).sql).toMatch(new RegExp(`\\(select ${WALK_COLUMNS} from listing_search s where \\(${bound.source}`));
    }
    // Under a kind, the walk reads that kind's listings in price order (listing_search_kind_price_idx).
    const [kind] = searchPageStatements(query({ kind: "prompt", maxPrice: "8845", sort: "price_desc" }), null, { matching: 290_000, catalog: 1_000_000 });
    expect(dialect.sqlToQuery(kind.statement).sql).toMatch(
      new RegExp(`\\(select ${WALK_COLUMNS} from listing_search s where s\\.kind = \\$1 and \\(s\\.price_cents <= \\$2\\) order by s\\.price_cents desc`),
    );
    // Other orders keep walking from their start: the price range is tested on each row they read.
    const [newest] = searchPageStatements(query({ maxPrice: "12796", sort: "newest" }), null, { matching: 800_000, catalog: 1_000_000 });
    expect(dialect.sqlToQuery(newest.statement).sql).toMatch(
      new RegExp(`\\(select ${WALK_COLUMNS} from listing_search s where true order by s\\.published_at`),
    );
  });

  it("under a minimum rating a walk reads only rated listings, as far as a page needs among them; the rating order stops at the minimum", () => {
    // 160,000 of 1M listings are rated; 20,000 pass the filters (all rated: the minimum rating asks for a rating).
    const filtered = { matching: 20_000, catalog: 1_000_000, rated: 160_000 };
    const pages = searchPageStatements(query({ q: "test", kind: "model", minRating: "4" }), commonWord, filtered);
    expect(pages.map((p) => p.strategy)).toEqual(["walk", "walk"]);
    for (const page of pages) {
      const walk = dialect.sqlToQuery(page.statement).sql;
      expect(walk).toMatch(new RegExp(`\\(select ${WALK_COLUMNS} from listing_search s where s\\.rating_avg > 0 order by s\\.boost desc`));
      // The region count reads the same rated rows.
      expect(dialect.sqlToQuery(page.region!.statement).sql).toMatch(/from listing_search s where s\.rating_avg > 0 order by s\.boost desc/);
    }
    // Title tier: 14 % × 2 % of the catalog is 1.75 % of the rated listings: a page and the next row (25) twice over,
    // 2,858 rows (over the whole catalog it would be 17,858). Body tier: 18 % × 2 % over 16 %: 2,223.
    expect(pages.map((p) => dialect.sqlToQuery(p.statement).params)).toEqual([expect.arrayContaining([2858]), expect.arrayContaining([2223])]);
    // Without a minimum rating every listing may pass: the walk reads the whole order.
    const [anyRating] = searchPageStatements(query({ q: "test", kind: "model" }), commonWord, { matching: 200_000, catalog: 1_000_000 });
    expect(dialect.sqlToQuery(anyRating.statement).sql).toMatch(new RegExp(`\\(select ${WALK_COLUMNS} from listing_search s where true order by`));
    // The rating order reads from the best rating down to the minimum, and no further.
    const [rating] = searchPageStatements(query({ kind: "model", minRating: "4", sort: "rating" }), null, filtered);
    expect(rating.strategy).toBe("walk");
    expect(dialect.sqlToQuery(rating.statement).sql).toMatch(
      new RegExp(`\\(select ${WALK_COLUMNS} from listing_search s where s\\.rating_avg >= \\$\\d+ order by s\\.rating_avg desc`),
    );
  });

  it("filters alone in a table that outgrew the buffers walk the sort index far before collecting the rows that pass them", () => {
    // Listings over $491.15 by popularity at 1M: 12,976 pass, on about 11,000 of the table's 44,000 pages.
    const q = query({ minPrice: "49115", sort: "popular" });
    const inBuffers = searchPageStatements(q, null, { matching: 12_976, catalog: 1_000_000 });
    expect(inBuffers.map((p) => [p.strategy, p.fallbacks.length])).toEqual([["walk", 1]]);
    const [outgrown] = searchPageStatements(q, null, { matching: 12_976, catalog: 1_000_000, outgrownPages: 44_000 });
    // The short walk, then one of MAX_WALK_ROWS (index-only, as the short one), then collecting.
    expect([outgrown.strategy, outgrown.fallbacks.length]).toEqual(["walk", 2]);
    expect(dialect.sqlToQuery(outgrown.fallbacks[0]).params).toContain(MAX_WALK_ROWS);
    expect(dialect.sqlToQuery(outgrown.fallbacks[0]).sql).toMatch(/from listing_search s where true order by s\.sales_count desc/);
    // A filter on the row alone (a creator's storefront) would look each walked row up: not weighed so.
    const [store] = searchPageStatements({ ...q, creatorId: "00000000-0000-4000-8000-000000000001" }, null, {
      matching: 12_976,
      catalog: 1_000_000,
      outgrownPages: 44_000,
    });
    expect(store.fallbacks).toHaveLength(1);
  });

  it("a walk with filters reads only the sort index's columns and looks a row up only for words tested after the filters", () => {
    const [page] = searchPageStatements(query({ q: "test", category: "role-play", minPrice: "6813", sort: "popular" }), commonWord, {
      matching: 20_000,
      catalog: 1_000_000,
    });
    const text = dialect.sqlToQuery(page.statement).sql;
    expect(page.strategy).toBe("walk");
    expect(text).toContain(
      "(select s.listing_id, s.sales_count, s.kind, s.category, s.price_cents, s.rating_avg, s.listing_id as walk_id from listing_search s",
    );
    expect(text).toMatch(
      /case when s\.category = \$\d+ and \(s\.price_cents >= \$\d+\) then coalesce\(\(select s\.body @@ to_tsquery\('english'::regconfig, \$\d+\) from listing_search s where s\.listing_id = walk_id\), false\) else false end/,
    );
    // Without filters every row is tested for the words: read along the index as a whole row, no lookup.
    const [unfiltered] = searchPageStatements(query({ q: "test", sort: "popular" }), commonWord, null);
    expect(dialect.sqlToQuery(unfiltered.statement).sql).toMatch(/\(select \* from listing_search s where true order by s\.sales_count desc/);
  });

  it("when the table outgrew Postgres's buffers, a word in 3 % of listings is walked along its order first instead of collected", () => {
    // 30,617 of 1M listings: collecting reads about 22,000 of the table's 44,000 pages, one at a time from the system.
    const word: TextMatch = { source: "languag", corrections: [], didYouMean: null, headMatches: 9_000, bodyMatches: 30_617, catalogSize: 1_000_000 };
    const q = query({ q: "language", sort: "newest" });
    expect(searchPageStatements(q, word).map((p) => [p.strategy, p.fallbacks.length])).toEqual([["collect", 0]]);
    const [page] = searchPageStatements(q, { ...word, outgrownPages: 44_000 });
    expect([page.strategy, page.fallbacks.length]).toEqual(["walk", 1]);
    // Twice the rows a page of 25 needs at 3 %: 1,634.
    expect(dialect.sqlToQuery(page.statement).params).toContain(1634);
    expect(dialect.sqlToQuery(page.fallbacks[0]).sql).toMatch(/where s\.body @@ .* offset 0\) s where true offset 0\) s/);
  });

  it("a word common overall and rare under the filters, counted exactly, is collected through its index and the filters' together, without walking first", () => {
    // `management` at 1M: in the title of 49,707 listings, of 465 marketing ones (79,349 listings are marketing).
    const word: TextMatch = {
      source: "manag",
      corrections: [],
      didYouMean: null,
      headMatches: 49_707,
      bodyMatches: 120_000,
      catalogSize: 1_000_000,
      outgrownPages: 44_000,
    };
    const q = query({ q: "management", category: "marketing" });
    const [title] = searchPageStatements(q, word, { matching: 79_349, catalog: 1_000_000 }, 2_000, null, 465);
    expect([title.tier, title.strategy, title.fallbacks.length]).toEqual([2, "collect", 0]);
    // One statement holds the words and the category (and the seek of every kind) in the same WHERE, behind no fence.
    expect(dialect.sqlToQuery(title.statement).sql).toMatch(/from listing_search s where s\.head @@ .* and s\.category = \$\d+ and s\.kind = any\(/);
    // Without the exact count the rows in both are guessed (as if the word and the category were independent): both
    // indexes are read only when Postgres plans it so, else the title tier's matches are collected first and the
    // category tested on them.
    const [guessed] = searchPageStatements(q, word, { matching: 79_349, catalog: 1_000_000 });
    const guessedCollect = guessed.fallbacks.at(-1) ?? guessed.statement;
    expect(guessed.planCheck?.statement).toBe(guessedCollect);
    expect(dialect.sqlToQuery(guessedCollect).sql).toMatch(/from listing_search s where s\.head @@ .* and s\.category = \$\d+/);
    expect(dialect.sqlToQuery(guessed.planCheck!.otherwise).sql).toMatch(/where s\.head @@ [^)]*\) offset 0\) s where s\.category = /);
    // A word tested on `body` and in more than a fifth of the catalog (`answe:*` in 36 %) may spare a price range's
    // bitmap too few pages: Postgres would read the range alone and test `body` on every row of it. Both indexes are
    // then offered only behind a check of Postgres's plan, the words' matches collected first otherwise.
    const everywhere: TextMatch = {
      source: "answ:*",
      corrections: [],
      didYouMean: null,
      headMatches: 90_000,
      bodyMatches: 363_845,
      catalogSize: 1_000_000,
      outgrownPages: 44_000,
    };
    const priced = query({ q: "answe", minPrice: "2459", maxPrice: "47102", sort: "newest" });
    const [page] = searchPageStatements(priced, everywhere, { matching: 147_585, catalog: 1_000_000 }, 34_081);
    const collecting = page.fallbacks.at(-1) ?? page.statement;
    expect(page.planCheck?.statement).toBe(collecting);
    expect(dialect.sqlToQuery(collecting).sql).toMatch(/s\.body @@ to_tsquery\([^)]*\) and \(?s\.price_cents/);
    const otherwise = dialect.sqlToQuery(page.planCheck!.otherwise).sql;
    expect(otherwise).toMatch(/where s\.body @@ /);
    expect(otherwise).not.toMatch(/s\.body @@ to_tsquery\([^)]*\) and \(?s\.price_cents/);
    // Counted exactly, both indexes are still read only as Postgres plans it, which may estimate the word and the
    // category as independent and refuse: the page is then found as if both could not be read together.
    expect(title.planCheck?.statement).toBe(title.statement);
    const declined = title.planCheck!.declined!;
    expect(declined.planCheck).toBeUndefined();
    expect(title.planCheck!.otherwise).toBe(declined.fallbacks.at(-1) ?? declined.statement);
    expect(dialect.sqlToQuery(title.planCheck!.otherwise).sql).toMatch(/where s\.head @@ [^)]*\) offset 0\) s where s\.category = /);
  });
});
