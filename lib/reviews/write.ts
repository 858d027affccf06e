// Writing reviews: verified owners review once per paid order and may edit; the creator replies once.
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles, listings, orders, reviews, type Review } from "@/db/schema";
import { assertActive, type Actor } from "@/lib/auth/actor";
import { DomainError, parseInput } from "@/lib/errors";
import { notify } from "@/lib/notifications/notifications";
import { entitledOrder } from "@/lib/orders/entitlement";
import { limitAction } from "@/lib/security/limits";
import { adjustRating } from "./aggregate";
import { createReviewSchema, editReviewSchema, replySchema } from "./schemas";

export type ReviewChange = { review: Review; listing: { id: string; slug: string; creatorHandle: string | null } };

const notOwner = () => new DomainError("review.not_owner");

function excerpt(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

async function listingForReview(tx: Db, listingId: string) {
  const [listing] = await tx
    .select({ id: listings.id, slug: listings.slug, title: listings.title, creatorId: listings.creatorId, creatorHandle: creatorProfiles.handle })
    .from(listings)
    .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
    .where(eq(listings.id, listingId))
    .limit(1);
  return listing;
}

/**
 * A review for the actor's paid order of the listing: the order row is locked so a refund and a
 * review of the same order cannot interleave, and the aggregate moves in the same transaction.
 */
export async function createReview(db: Db, actor: Actor | null, input: unknown): Promise<ReviewChange> {
  const data = parseInput(createReviewSchema, input);
  const user = assertActive(actor);
  await limitAction(db, "review", user.id);
  return db.transaction(async (tx) => {
    const owned = await tx
      .select({ id: orders.id, status: orders.status })
      .from(orders)
      .where(and(eq(orders.buyerId, user.id), eq(orders.listingId, data.listingId), entitledOrder()))
      .for("update")
      .limit(1);
    const order = owned[0];
    if (!order) throw notOwner();
    if (order.status === "disputed") {
      throw new DomainError("review.order_disputed");
    }
    const [review] = await tx
      .insert(reviews)
      .values({ orderId: order.id, listingId: data.listingId, authorId: user.id, rating: data.rating, body: data.body })
      .onConflictDoNothing({ target: reviews.orderId })
      .returning();
    if (!review) throw new DomainError("review.exists");
    await adjustRating(tx, data.listingId, data.rating, 1);
    const listing = await listingForReview(tx, data.listingId);
    await notify(tx, {
      userId: listing.creatorId,
      type: "review",
      title: `New ${data.rating}-star review of “${listing.title}”`,
      body: `${user.name}: ${excerpt(data.body)}`,
      link: `/l/${listing.slug}#reviews`,
      data: { listingId: listing.id, reviewId: review.id, rating: data.rating },
    });
    return { review, listing: { id: listing.id, slug: listing.slug, creatorHandle: listing.creatorHandle } };
  });
}

/** The author edits stars and text while they still own the listing; a hidden review stays out of the aggregate. */
export async function editReview(db: Db, actor: Actor | null, input: unknown): Promise<ReviewChange> {
  const data = parseInput(editReviewSchema, input);
  const user = assertActive(actor);
  await limitAction(db, "review", user.id);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ review: reviews, orderStatus: orders.status })
      .from(reviews)
      .innerJoin(orders, eq(orders.id, reviews.orderId))
      .where(eq(reviews.id, data.reviewId))
      .for("update", { of: reviews })
      .limit(1);
    if (!current || current.review.authorId !== user.id) throw new DomainError("not_found");
    if (current.orderStatus !== "paid") throw notOwner();
    const [review] = await tx
      .update(reviews)
      .set({ rating: data.rating, body: data.body, updatedAt: sql`now()` })
      .where(eq(reviews.id, data.reviewId))
      .returning();
    if (!current.review.hiddenAt) await adjustRating(tx, review.listingId, data.rating - current.review.rating, 0);
    const listing = await listingForReview(tx, review.listingId);
    return { review, listing: { id: listing.id, slug: listing.slug, creatorHandle: listing.creatorHandle } };
  });
}

/** The listing's creator replies once to a visible review; the author is told. */
export async function replyToReview(db: Db, actor: Actor | null, input: unknown): Promise<ReviewChange> {
  const data = parseInput(replySchema, input);
  const user = assertActive(actor);
  await limitAction(db, "review", user.id);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ review: reviews, creatorId: listings.creatorId })
      .from(reviews)
      .innerJoin(listings, eq(listings.id, reviews.listingId))
      .where(eq(reviews.id, data.reviewId))
      .for("update", { of: reviews })
      .limit(1);
    if (!current || current.creatorId !== user.id || current.review.hiddenAt) throw new DomainError("not_found");
    const [review] = await tx
      .update(reviews)
      // A reply is not an edit of the review: updated_at keeps meaning "the author changed it".
      .set({ creatorReply: data.reply, repliedAt: new Date(), updatedAt: sql`${reviews.updatedAt}` })
      .where(and(eq(reviews.id, data.reviewId), isNull(reviews.creatorReply)))
      .returning();
    if (!review) throw new DomainError("review.already_replied");
    const listing = await listingForReview(tx, review.listingId);
    await notify(tx, {
      userId: review.authorId,
      type: "review",
      title: `The creator replied to your review of “${listing.title}”`,
      body: excerpt(data.reply),
      link: `/l/${listing.slug}#reviews`,
      data: { listingId: listing.id, reviewId: review.id },
    });
    return { review, listing: { id: listing.id, slug: listing.slug, creatorHandle: listing.creatorHandle } };
  });
}
