// A listing page's related listings: the same category's best sellers, those sharing a tag with the listing first;
// only the category's RELATED_POOL best sellers are ranked, so the page reads the same few rows at any catalog size.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { makeCreator, makeListingRow } from "@/lib/testing/fixtures";
import { creatorTotals, creatorTotalsStatement, publicListingBySlug, RELATED_POOL, relatedListings } from "./listing";

let db: Db;

beforeAll(async () => {
  db = testDatabase().db;
});

describe("relatedListings", () => {
  it("puts the category's listings sharing a tag first, each group by sales, and leaves out the listing itself and other categories", async () => {
    const creator = await makeCreator(db);
    const make = (title: string, category: string, tags: string[], salesCount: number) =>
      makeListingRow(db, { creatorId: creator.id, title, category, tags, salesCount });
    const self = await make("Heron watercolour preset", "image-generation", ["heron", "watercolour"], 5);
    const sharedLow = await make("Heron sketch", "image-generation", ["heron"], 3);
    const sharedHigh = await make("Watercolour wash", "image-generation", ["watercolour"], 40);
    const plainTop = await make("Oil portrait", "image-generation", ["oil"], 900);
    const plainNext = await make("Charcoal study", "image-generation", ["charcoal"], 500);
    await make("Heron haiku", "writing", ["heron"], 10_000);

    const detail = await publicListingBySlug(db, self.slug);
    const related = await relatedListings(db, detail!, 4);
    expect(related.map((r) => r.id)).toEqual([sharedHigh.id, sharedLow.id, plainTop.id, plainNext.id]);
  });

  it("ranks only the category's best sellers: a tag match below them does not come first", async () => {
    const creator = await makeCreator(db);
    const self = await makeListingRow(db, { creatorId: creator.id, title: "Kingfisher prompt", category: "photography", tags: ["kingfisher"], salesCount: 0 });
    const best = [];
    for (let i = 0; i < RELATED_POOL; i++) {
      best.push(
        await makeListingRow(db, { creatorId: creator.id, title: `Street photo ${i}`, category: "photography", tags: ["street"], salesCount: 1000 + i }),
      );
    }
    await makeListingRow(db, { creatorId: creator.id, title: "Kingfisher in flight", category: "photography", tags: ["kingfisher"], salesCount: 1 });

    const related = await relatedListings(db, (await publicListingBySlug(db, self.slug))!, 3);
    expect(related.map((r) => r.title)).toEqual([`Street photo ${RELATED_POOL - 1}`, `Street photo ${RELATED_POOL - 2}`, `Street photo ${RELATED_POOL - 3}`]);
  });
});

describe("creatorTotals", () => {
  it("sums the creator's published listings only", async () => {
    const creator = await makeCreator(db);
    await makeListingRow(db, { creatorId: creator.id, title: "Totals one", salesCount: 7, ratingSum: 18, ratingCount: 4 });
    await makeListingRow(db, { creatorId: creator.id, title: "Totals two", salesCount: 3, ratingSum: 5, ratingCount: 1 });
    await makeListingRow(db, { creatorId: creator.id, title: "Totals draft", status: "draft", salesCount: 100, ratingSum: 5, ratingCount: 5 });
    expect(await creatorTotals(db, creator.id)).toEqual({ listings: 2, sales: 10, ratingCount: 5, ratingAvg: 4.6 });
  });

  it("is read from the creator totals index alone, never the listings' rows", async () => {
    const creator = await makeCreator(db);
    for (let i = 0; i < 30; i++) await makeListingRow(db, { creatorId: creator.id, title: `Indexed totals ${i}`, salesCount: i });
    await db.execute(sql`vacuum analyze listings`);
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      const rows = await queryRows<{ "QUERY PLAN": string }>(tx, sql`explain ${creatorTotalsStatement(creator.id)}`);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/Index Only Scan using listings_creator_totals_idx on listings/);
  });
});
