import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, listings, notifications, orders, reviews, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { loadActor } from "@/lib/auth/actor";
import { makeCreator, makeListing, makeOrder, makeUser } from "@/lib/testing/fixtures";
import { listReviews, reviewOverview } from "./list";
import { hideReview, restoreReview, withdrawReviewForRefundedOrder } from "./moderation";
import { createReview, editReview, replyToReview } from "./write";

async function aggregate(listingId: string) {
  const { db } = testDatabase();
  const [row] = await db
    .select({ sum: listings.ratingSum, count: listings.ratingCount, avg: listings.ratingAvg })
    .from(listings)
    .where(eq(listings.id, listingId));
  return row;
}

async function world() {
  const { db } = testDatabase();
  const creator = await makeCreator(db);
  const listing = await makeListing(db, creator);
  const buyer = await makeUser(db, { name: "Bea Buyer" });
  const order = await makeOrder(db, buyer, listing);
  return { db, creator, listing, buyer, order };
}

describe("writing reviews", () => {
  it("an owner reviews once per order; the aggregate moves in the same transaction and the creator is notified", async () => {
    const { db, creator, listing, buyer, order } = await world();
    const { review } = await createReview(db, buyer, { listingId: listing.id, rating: 4, body: "Solid and useful." });
    expect(review).toMatchObject({ orderId: order.id, authorId: buyer.id, rating: 4, body: "Solid and useful." });
    expect(await aggregate(listing.id)).toEqual({ sum: 4, count: 1, avg: 4 });

    const [note] = await db.select().from(notifications).where(eq(notifications.userId, creator.id));
    expect(note).toMatchObject({ type: "review", link: `/l/${listing.slug}#reviews` });
    expect(note.title).toContain("4-star");

    await expect(createReview(db, buyer, { listingId: listing.id, rating: 1, body: "Again!" })).rejects.toMatchObject({ code: "review.exists" });
    expect(await aggregate(listing.id)).toEqual({ sum: 4, count: 1, avg: 4 });
  });

  it("only owners of a paid order may review: not strangers, not refunded, pending or disputed orders, not the creator", async () => {
    const { db, creator, listing } = await world();
    const stranger = await makeUser(db);
    await expect(createReview(db, stranger, { listingId: listing.id, rating: 5, body: "Never bought it" })).rejects.toMatchObject({ code: "review.not_owner" });
    for (const status of ["refunded", "pending", "failed"] as const) {
      const buyer = await makeUser(db);
      await makeOrder(db, buyer, listing, { status });
      await expect(createReview(db, buyer, { listingId: listing.id, rating: 5, body: "Hmm hmm" }), status).rejects.toMatchObject({ code: "review.not_owner" });
    }
    const disputing = await makeUser(db);
    await makeOrder(db, disputing, listing, { status: "disputed" });
    await expect(createReview(db, disputing, { listingId: listing.id, rating: 1, body: "Chargeback" })).rejects.toMatchObject({
      code: "review.order_disputed",
    });
    await expect(createReview(db, creator, { listingId: listing.id, rating: 5, body: "I love my own work" })).rejects.toMatchObject({
      code: "review.not_owner",
    });
    await expect(createReview(db, null, { listingId: listing.id, rating: 5, body: "Who am I" })).rejects.toMatchObject({ code: "auth.unauthenticated" });
    expect(await aggregate(listing.id)).toEqual({ sum: 0, count: 0, avg: 0 });
  });

  it("a suspended owner can't review or edit, but still sees their review", async () => {
    const { db, listing, buyer } = await world();
    await createReview(db, buyer, { listingId: listing.id, rating: 5, body: "Before suspension" });
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, buyer.id));
    const suspended = await loadActor(db, buyer.id);
    const [review] = await db.select().from(reviews).where(eq(reviews.authorId, buyer.id));
    await expect(editReview(db, suspended, { reviewId: review.id, rating: 1, body: "After suspension" })).rejects.toMatchObject({ code: "auth.suspended" });
    const { viewer } = await reviewOverview(db, suspended, listing.id);
    expect(viewer).toMatchObject({ state: "reviewed", review: { id: review.id, can: { edit: false } } });

    const other = await makeUser(db, { status: "suspended" });
    await makeOrder(db, other, listing);
    await expect(createReview(db, other, { listingId: listing.id, rating: 5, body: "Suspended voice" })).rejects.toMatchObject({ code: "auth.suspended" });
    expect((await reviewOverview(db, other, listing.id)).viewer).toEqual({ state: "suspended" });
  });

  it("validates stars and text", async () => {
    const { db, listing, buyer } = await world();
    for (const bad of [
      { listingId: listing.id, rating: 0, body: "zero stars" },
      { listingId: listing.id, rating: 6, body: "six stars" },
      { listingId: listing.id, rating: 3.5, body: "half star" },
      { listingId: listing.id, rating: 3, body: "  " },
      { listingId: listing.id, rating: 3, body: "x".repeat(4001) },
      { listingId: "nope", rating: 3, body: "bad id" },
    ]) {
      await expect(createReview(db, buyer, bad)).rejects.toMatchObject({ code: "input.invalid" });
    }
  });

  it("the author edits stars and text; the aggregate moves by the difference; nobody else can edit", async () => {
    const { db, listing, buyer } = await world();
    const other = await makeUser(db);
    await makeOrder(db, other, listing);
    await createReview(db, other, { listingId: listing.id, rating: 2, body: "Meh, not for me" });
    const { review } = await createReview(db, buyer, { listingId: listing.id, rating: 5, body: "Great" });
    expect(await aggregate(listing.id)).toEqual({ sum: 7, count: 2, avg: 3.5 });

    const edited = await editReview(db, buyer, { reviewId: review.id, rating: 3, body: "Good, on reflection" });
    expect(edited.review).toMatchObject({ rating: 3, body: "Good, on reflection" });
    expect(await aggregate(listing.id)).toEqual({ sum: 5, count: 2, avg: 2.5 });

    await expect(editReview(db, other, { reviewId: review.id, rating: 1, body: "Hijacked!" })).rejects.toMatchObject({ code: "not_found" });
    const [row] = await db.select().from(reviews).where(eq(reviews.id, review.id));
    expect(row.rating).toBe(3);
  });

  it("after a full refund the review can't be edited any more", async () => {
    const { db, listing, buyer, order } = await world();
    const { review } = await createReview(db, buyer, { listingId: listing.id, rating: 5, body: "Great" });
    await db.update(orders).set({ status: "refunded", refundedCents: order.priceCents }).where(eq(orders.id, order.id));
    await expect(editReview(db, buyer, { reviewId: review.id, rating: 1, body: "Refunded anyway" })).rejects.toMatchObject({ code: "review.not_owner" });
  });

  it("the creator replies once, the author is notified; nobody else can reply", async () => {
    const { db, creator, listing, buyer } = await world();
    const rival = await makeCreator(db, { name: "Rival" });
    const { review } = await createReview(db, buyer, { listingId: listing.id, rating: 3, body: "Needs examples" });
    await expect(replyToReview(db, rival, { reviewId: review.id, reply: "Not mine" })).rejects.toMatchObject({ code: "not_found" });
    await expect(replyToReview(db, buyer, { reviewId: review.id, reply: "Self reply" })).rejects.toMatchObject({ code: "not_found" });

    const replied = await replyToReview(db, creator, { reviewId: review.id, reply: "Added three examples in v2." });
    expect(replied.review).toMatchObject({ creatorReply: "Added three examples in v2." });
    expect(replied.review.repliedAt).toBeInstanceOf(Date);
    await expect(replyToReview(db, creator, { reviewId: review.id, reply: "And another thing" })).rejects.toMatchObject({ code: "review.already_replied" });
    const notes = await db.select().from(notifications).where(eq(notifications.userId, buyer.id));
    expect(notes.map((n) => n.title)).toEqual([expect.stringContaining("replied to your review")]);
    // A reply does not mark the review as edited by its author.
    const page = await listReviews(db, null, listing.id);
    expect(page.items[0]).toMatchObject({ creatorReply: "Added three examples in v2.", edited: false });
  });
});

describe("moderating reviews", () => {
  it("an admin hides a review: out of the list and the aggregate, with an audit entry; restoring puts both back", async () => {
    const { db, listing, buyer } = await world();
    const admin = await makeUser(db, { role: "admin" });
    const { review } = await createReview(db, buyer, { listingId: listing.id, rating: 1, body: "Spam spam spam" });
    await expect(hideReview(db, buyer, { reviewId: review.id, reason: "I regret it" })).rejects.toMatchObject({ code: "auth.forbidden" });

    await hideReview(db, admin, { reviewId: review.id, reason: "Spam" });
    expect(await aggregate(listing.id)).toEqual({ sum: 0, count: 0, avg: 0 });
    expect((await listReviews(db, null, listing.id)).items).toEqual([]);
    expect((await listReviews(db, admin, listing.id)).items).toMatchObject([{ id: review.id, hidden: true, can: { hide: false, restore: true } }]);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "review"), eq(auditLog.targetId, review.id)));
    expect(entry).toMatchObject({ actorId: admin.id, action: "review.hide", details: { reason: "Spam" } });

    // Hiding twice changes nothing.
    await hideReview(db, admin, { reviewId: review.id, reason: "Spam again" });
    expect(await aggregate(listing.id)).toEqual({ sum: 0, count: 0, avg: 0 });

    // An edit while hidden does not leak into the aggregate.
    await editReview(db, buyer, { reviewId: review.id, rating: 2, body: "Less spammy" });
    expect(await aggregate(listing.id)).toEqual({ sum: 0, count: 0, avg: 0 });

    await restoreReview(db, admin, { reviewId: review.id });
    expect(await aggregate(listing.id)).toEqual({ sum: 2, count: 1, avg: 2 });
  });

  it("a fully refunded order's review is withdrawn from the aggregate once, and can't be restored", async () => {
    const { db, listing, buyer, order } = await world();
    const admin = await makeUser(db, { role: "admin" });
    const { review } = await createReview(db, buyer, { listingId: listing.id, rating: 5, body: "Loved it" });
    await db.transaction(async (tx) => {
      await tx.update(orders).set({ status: "refunded", refundedCents: order.priceCents }).where(eq(orders.id, order.id));
      expect(await withdrawReviewForRefundedOrder(tx, order.id)).toBe(true);
    });
    expect(await withdrawReviewForRefundedOrder(db, order.id)).toBe(false);
    expect(await aggregate(listing.id)).toEqual({ sum: 0, count: 0, avg: 0 });
    await expect(restoreReview(db, admin, { reviewId: review.id })).rejects.toMatchObject({ code: "review.order_refunded" });
    // The former owner still sees what they wrote, but can't change it.
    expect((await reviewOverview(db, buyer, listing.id)).viewer).toMatchObject({ state: "reviewed", review: { hidden: true, can: { edit: false } } });
  });
});

describe("listing reviews", () => {
  it("sorts by newest, highest and lowest and pages with a cursor without gaps or repeats", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator);
    const ratings = [3, 5, 1, 4, 5, 2, 3, 4, 1, 5, 2];
    for (const [i, rating] of ratings.entries()) {
      const buyer = await makeUser(db, { name: `Buyer ${i}` });
      await makeOrder(db, buyer, listing);
      await createReview(db, buyer, { listingId: listing.id, rating, body: `Review number ${i}` });
    }
    async function all(sort: "newest" | "highest" | "lowest") {
      const seen: { rating: number; body: string }[] = [];
      let cursor: string | null = null;
      do {
        const page = await listReviews(db, null, listing.id, { sort, cursor, limit: 4 });
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    }
    const newest = await all("newest");
    expect(newest.map((r) => r.body)).toEqual(ratings.map((_, i) => `Review number ${i}`).reverse());
    const highest = await all("highest");
    expect(highest.map((r) => r.rating)).toEqual([...ratings].sort((a, b) => b - a));
    expect(new Set(highest.map((r) => r.body)).size).toBe(ratings.length);
    const lowest = await all("lowest");
    expect(lowest.map((r) => r.rating)).toEqual([...ratings].sort((a, b) => a - b));
    expect(new Set(lowest.map((r) => r.body)).size).toBe(ratings.length);

    const { summary } = await reviewOverview(db, null, listing.id);
    expect(summary).toEqual({ average: 3.18, count: 11, histogram: { 1: 2, 2: 2, 3: 2, 4: 2, 5: 3 } });
  });

  it("a garbage cursor serves the first page", async () => {
    const { db, listing, buyer } = await world();
    await createReview(db, buyer, { listingId: listing.id, rating: 4, body: "Fine work" });
    const page = await listReviews(db, null, listing.id, { cursor: "garbage!!" });
    expect(page.items).toHaveLength(1);
  });

  it("tells each viewer what they can do", async () => {
    const { db, creator, listing, buyer } = await world();
    expect((await reviewOverview(db, null, listing.id)).viewer).toEqual({ state: "signed_out" });
    expect((await reviewOverview(db, creator, listing.id)).viewer).toEqual({ state: "creator" });
    expect((await reviewOverview(db, await makeUser(db), listing.id)).viewer).toEqual({ state: "not_owner" });
    expect((await reviewOverview(db, buyer, listing.id)).viewer).toEqual({ state: "can_write" });
    const { review } = await createReview(db, buyer, { listingId: listing.id, rating: 4, body: "Fine work" });
    expect((await reviewOverview(db, buyer, listing.id)).viewer).toMatchObject({
      state: "reviewed",
      review: { id: review.id, mine: true, can: { edit: true } },
    });
    // The author's own review is shown above the list, not in it; the creator may reply to it.
    expect((await listReviews(db, buyer, listing.id)).items).toEqual([]);
    expect((await listReviews(db, creator, listing.id)).items).toMatchObject([{ id: review.id, can: { reply: true, edit: false, hide: false } }]);
  });

  it("reviews of a listing that isn't public are not found for the public", async () => {
    const { db, creator, listing, buyer } = await world();
    await createReview(db, buyer, { listingId: listing.id, rating: 4, body: "Fine work" });
    await db.update(listings).set({ status: "unpublished" }).where(eq(listings.id, listing.id));
    await expect(listReviews(db, null, listing.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(listReviews(db, await makeUser(db), listing.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(listReviews(db, creator, listing.id)).resolves.toMatchObject({ items: [{ rating: 4 }] });
    await expect(reviewOverview(db, buyer, listing.id)).resolves.toMatchObject({ viewer: { state: "reviewed" } });
  });
});
