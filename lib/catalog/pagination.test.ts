// Keyset pagination walks the whole result set exactly once per sort, even while new listings are published.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { encodeCursor, decodeCursor } from "./cursor";
import { SORTS, type CatalogQuery } from "./params";
import { searchListings } from "./search";
import { resolveTextQuery } from "./text-match";
import { refreshSearchTerms } from "./terms";
import { makeCreator, makeListingRow } from "@/lib/testing/fixtures";
import { sql } from "drizzle-orm";

let db: Db;
let creatorId: string;
const initial: string[] = [];

beforeAll(async () => {
  db = testDatabase().db;
  creatorId = (await makeCreator(db)).id;
  for (let i = 0; i < 90; i++) {
    // Many ties on every sort key (price, sales, rating, even the publish instant) so the id tiebreak matters.
    const row = await makeListingRow(db, {
      creatorId,
      title: `Lantern ${i % 3 === 0 ? "glow" : "shade"} prompt ${i}`,
      priceCents: [0, 500, 500, 1200][i % 4],
      salesCount: i % 5,
      ratingCount: i % 2,
      ratingSum: (i % 2) * 4,
      publishedAt: sql`timestamp '2026-01-01 00:00:00.123456+00' + make_interval(secs => ${i % 7})`,
    });
    initial.push(row.id);
  }
  await refreshSearchTerms(db);
});

async function walk(query: CatalogQuery, whilePaging?: (page: number) => Promise<void>) {
  const seen: string[] = [];
  const text = await resolveTextQuery(db, query.q);
  let cursor: string | null = null;
  let page = 0;
  do {
    const result = await searchListings(db, { ...query, cursor: cursor ?? undefined }, text);
    seen.push(...result.items.map((i) => i.id));
    cursor = result.nextCursor;
    await whilePaging?.(page++);
  } while (cursor && page < 100);
  return seen;
}

describe("cursor pagination", () => {
  for (const sort of SORTS) {
    it(`never repeats or skips a listing (${sort}) while new ones are published`, async () => {
      const before = [...initial];
      const seen = await walk({ q: "lantern", sort, limit: 7, free: false }, async (page) => {
        if (page % 2 === 0) {
          const row = await makeListingRow(db, { creatorId, title: `Lantern late ${sort} ${page}`, priceCents: 500, salesCount: 2, publishedAt: sql`now()` });
          initial.push(row.id);
        }
      });
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of before) expect(seen).toContain(id);
    });
  }

  it("keeps microsecond timestamps exact in newest cursors", async () => {
    const page = await searchListings(db, { sort: "newest", limit: 3, free: false }, null);
    const cursor = decodeCursor(page.nextCursor ?? "", "newest");
    expect(cursor?.key).toMatch(/\.\d{6}Z$/);
  });

  it("rejects a cursor made for another sort or tampered with", () => {
    const cursor = encodeCursor({ sort: "popular", key: "3", id: "00000000-0000-4000-8000-000000000000" });
    expect(decodeCursor(cursor, "popular")).not.toBeNull();
    expect(decodeCursor(cursor, "price_asc")).toBeNull();
    expect(decodeCursor(encodeCursor({ sort: "popular", key: "1; drop table", id: "00000000-0000-4000-8000-000000000000" }), "popular")).toBeNull();
    expect(decodeCursor("not-base64-json", "popular")).toBeNull();
  });
});
