// Many buyers reviewing, editing and being moderated at once: the aggregate must stay exact.
// On Postgres (DATABASE_URL) these transactions really run in parallel over the pool; PGlite serialises them.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listings, reviews } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { makeCreator, makeListing, makeOrder, makeUser } from "@/lib/testing/fixtures";
import { hideReview } from "./moderation";
import { createReview, editReview } from "./write";

describe("rating aggregate under concurrency", () => {
  it("stays exact when many different buyers review, edit and get hidden at the same time", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator);
    const admin = await makeUser(db, { role: "admin" });
    const buyers = await Promise.all(Array.from({ length: 40 }, (_, i) => makeUser(db, { name: `Concurrent ${i}` })));
    for (const buyer of buyers) await makeOrder(db, buyer, listing);

    const created = await Promise.all(
      buyers.map((buyer, i) => createReview(db, buyer, { listingId: listing.id, rating: (i % 5) + 1, body: `Concurrent review ${i}` })),
    );
    // Same buyer racing to review twice: exactly one wins.
    const racing = await Promise.allSettled([0, 1, 2].map(() => createReview(db, buyers[0], { listingId: listing.id, rating: 5, body: "Double post" })));
    expect(racing.every((r) => r.status === "rejected")).toBe(true);

    await Promise.all([
      ...created.slice(0, 20).map(({ review }, i) => editReview(db, buyers[i], { reviewId: review.id, rating: 5, body: "Edited to five" })),
      ...created.slice(30).map(({ review }) => hideReview(db, admin, { reviewId: review.id, reason: "Test hide" })),
      // The same review hidden twice at once only leaves the aggregate once.
      hideReview(db, admin, { reviewId: created[30].review.id, reason: "Race" }),
    ]);

    const [expected] = await db
      .select({ sum: sql<number>`coalesce(sum(${reviews.rating}), 0)::int`, count: sql<number>`count(*)::int` })
      .from(reviews)
      .where(sql`${reviews.listingId} = ${listing.id} and ${reviews.hiddenAt} is null`);
    const [actual] = await db.select({ sum: listings.ratingSum, count: listings.ratingCount }).from(listings).where(eq(listings.id, listing.id));
    expect(actual).toEqual(expected);
    // 20 edited to 5 stars, 10 untouched (i = 20..29 → ratings 1..5 twice), 10 hidden.
    expect(actual).toEqual({ sum: 20 * 5 + 2 * 15, count: 30 });
  });
});
