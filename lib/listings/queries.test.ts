// The dashboard's listings table reads a page at a time: every listing exactly once across the pages, in table order.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { makeCreator } from "@/lib/testing/fixtures";
import { createListing } from "./editing";
import { creatorListings, creatorListingsPage, DASHBOARD_PAGE_SIZE } from "./queries";

describe("creatorListingsPage", () => {
  it("splits a creator's listings into pages of DASHBOARD_PAGE_SIZE, newest edit first, each listing once", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const other = await makeCreator(db);
    const total = DASHBOARD_PAGE_SIZE + 7;
    for (let i = 0; i < total; i++) await createListing(db, creator, { kind: "prompt", title: `Prompt pack number ${i}`, category: "writing" });
    await createListing(db, other, { kind: "prompt", title: "Someone else's pack", category: "writing" });
    // Two listings edited at the same moment still come in one order (id breaks the tie).
    await db.execute(sql`update listings set updated_at = '2026-12-01T00:00:00Z' where creator_id = ${creator.id}`);

    const first = await creatorListingsPage(db, creator, {}, 1);
    const second = await creatorListingsPage(db, creator, {}, 2);
    const third = await creatorListingsPage(db, creator, {}, 3);
    expect(first.rows).toHaveLength(DASHBOARD_PAGE_SIZE);
    expect(first.hasNext).toBe(true);
    expect(second.rows).toHaveLength(7);
    expect(second.hasNext).toBe(false);
    expect(third).toEqual({ rows: [], hasNext: false });

    const paged = [...first.rows, ...second.rows].map((r) => r.id);
    const all = (await creatorListings(db, creator)).map((r) => r.id);
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(total);
  });

  it("pages within the filters: a title search of a few listings is one page", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    for (let i = 0; i < DASHBOARD_PAGE_SIZE + 1; i++) {
      await createListing(db, creator, { kind: "prompt", title: i % 10 === 0 ? `Portrait prompt ${i}` : `Landscape prompt ${i}`, category: "writing" });
    }
    const everything = await creatorListingsPage(db, creator, {}, 1);
    expect(everything.hasNext).toBe(true);
    const portraits = await creatorListingsPage(db, creator, { q: "portrait" }, 1);
    expect(portraits.hasNext).toBe(false);
    const expected = Array.from({ length: DASHBOARD_PAGE_SIZE + 1 }, (_, n) => n)
      .filter((n) => n % 10 === 0)
      .map((n) => `Portrait prompt ${n}`);
    expect(portraits.rows.map((r) => r.title).sort()).toEqual(expected.sort());
    expect(portraits.rows.length).toBeGreaterThan(1);
  });
});
