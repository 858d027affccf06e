// Hiding and restoring reviews (admins, audited) and withdrawing a refunded order's review; the aggregate follows.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles, listings, orders, reviews, type Review } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { DomainError, parseInput } from "@/lib/errors";
import { writeAudit } from "@/lib/moderation/audit";
import { isEntitling } from "@/lib/orders/entitlement";
import { adjustRating } from "./aggregate";
import { hideReviewSchema, restoreReviewSchema } from "./schemas";
import type { ReviewChange } from "./write";

async function lockReview(tx: Db, reviewId: string) {
  const [row] = await tx
    .select({ review: reviews, orderStatus: orders.status, slug: listings.slug, creatorHandle: creatorProfiles.handle })
    .from(reviews)
    .innerJoin(orders, eq(orders.id, reviews.orderId))
    .innerJoin(listings, eq(listings.id, reviews.listingId))
    .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
    .where(eq(reviews.id, reviewId))
    .for("update", { of: reviews })
    .limit(1);
  return row;
}

function change(review: Review, slug: string, creatorHandle: string | null): ReviewChange {
  return { review, listing: { id: review.listingId, slug, creatorHandle } };
}

/** An admin hides a review: it leaves the listing page and the aggregate; the reason goes to the audit log. */
export async function hideReview(db: Db, actor: Actor | null, input: unknown): Promise<ReviewChange> {
  const data = parseInput(hideReviewSchema, input);
  const admin = assertAdmin(actor);
  return db.transaction(async (tx) => {
    const row = await lockReview(tx, data.reviewId);
    if (!row) throw new DomainError("not_found");
    if (row.review.hiddenAt) return change(row.review, row.slug, row.creatorHandle);
    const [review] = await tx
      .update(reviews)
      .set({ hiddenAt: new Date(), hiddenBy: admin.id, updatedAt: sql`${reviews.updatedAt}` })
      .where(eq(reviews.id, data.reviewId))
      .returning();
    await adjustRating(tx, review.listingId, -review.rating, -1);
    await writeAudit(tx, {
      actorId: admin.id,
      action: "review.hide",
      targetType: "review",
      targetId: review.id,
      details: { reason: data.reason, listingId: review.listingId, rating: review.rating },
    });
    return change(review, row.slug, row.creatorHandle);
  });
}

/** An admin puts a hidden review back, unless its order has since been refunded. */
export async function restoreReview(db: Db, actor: Actor | null, input: unknown): Promise<ReviewChange> {
  const data = parseInput(restoreReviewSchema, input);
  const admin = assertAdmin(actor);
  return db.transaction(async (tx) => {
    const row = await lockReview(tx, data.reviewId);
    if (!row) throw new DomainError("not_found");
    if (!row.review.hiddenAt) return change(row.review, row.slug, row.creatorHandle);
    if (!isEntitling(row.orderStatus)) {
      throw new DomainError("review.order_refunded");
    }
    const [review] = await tx
      .update(reviews)
      .set({ hiddenAt: null, hiddenBy: null, updatedAt: sql`${reviews.updatedAt}` })
      .where(eq(reviews.id, data.reviewId))
      .returning();
    await adjustRating(tx, review.listingId, review.rating, 1);
    await writeAudit(tx, {
      actorId: admin.id,
      action: "review.restore",
      targetType: "review",
      targetId: review.id,
      details: { listingId: review.listingId, rating: review.rating },
    });
    return change(review, row.slug, row.creatorHandle);
  });
}

/**
 * For the refund path, inside its transaction: a fully refunded order's review stops counting
 * (the buyer is no longer a verified owner). Idempotent; returns whether anything changed.
 */
export async function withdrawReviewForRefundedOrder(tx: Db, orderId: string): Promise<boolean> {
  const [review] = await tx.select().from(reviews).where(eq(reviews.orderId, orderId)).for("update").limit(1);
  if (!review || review.hiddenAt) return false;
  await tx
    .update(reviews)
    .set({ hiddenAt: new Date(), hiddenBy: null, updatedAt: sql`${reviews.updatedAt}` })
    .where(eq(reviews.id, review.id));
  await adjustRating(tx, review.listingId, -review.rating, -1);
  await writeAudit(tx, {
    actorId: null,
    action: "review.withdraw_refunded",
    targetType: "review",
    targetId: review.id,
    details: { orderId, listingId: review.listingId, rating: review.rating },
  });
  return true;
}
