import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listingDailyStats, listings } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { createListing } from "./editing";
import { makeCreator } from "@/lib/testing/fixtures";
import { flushListingViews, pendingViews, recordListingView, viewDay } from "./views";

describe("listing views are batched, not written per view", () => {
  it("buffers views in memory and writes one upsert per flush into today's daily row", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const a = await createListing(db, creator, { kind: "prompt", title: "Viewed a lot", category: "writing" });
    const b = await createListing(db, creator, { kind: "prompt", title: "Viewed a little", category: "writing" });
    for (let i = 0; i < 5; i++) recordListingView(a.id);
    recordListingView(b.id);
    recordListingView(b.id);
    recordListingView("not-an-id");
    expect(pendingViews()).toBe(7);
    // Nothing is written until the flush.
    expect(await db.select().from(listingDailyStats)).toHaveLength(0);

    await flushListingViews(db);
    expect(pendingViews()).toBe(0);
    const rows = await db.select().from(listingDailyStats);
    expect(Object.fromEntries(rows.map((r) => [r.listingId, [r.day, r.views]]))).toEqual({
      [a.id]: [viewDay(), 5],
      [b.id]: [viewDay(), 2],
    });

    recordListingView(a.id);
    await flushListingViews(db);
    const [row] = await db.select().from(listingDailyStats).where(eq(listingDailyStats.listingId, a.id));
    expect(row.views).toBe(6);
  });

  it("skips listings deleted before the flush instead of failing the batch", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const kept = await createListing(db, creator, { kind: "prompt", title: "Still here", category: "writing" });
    const gone = await createListing(db, creator, { kind: "prompt", title: "Deleted soon", category: "writing" });
    recordListingView(kept.id);
    recordListingView(gone.id);
    await db.delete(listings).where(eq(listings.id, gone.id));
    await flushListingViews(db);
    const rows = await db.select().from(listingDailyStats);
    expect(rows.map((r) => r.listingId)).toContain(kept.id);
    expect(rows.map((r) => r.listingId)).not.toContain(gone.id);
  });
});
