"use server";
// Review actions: write, edit, reply, hide and restore (forms), and loading more reviews for the list.
import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { revalidateListing } from "@/lib/catalog/cache";
import { publicError } from "@/lib/errors";
import { listReviews, type ReviewPage } from "@/lib/reviews/list";
import { hideReview, restoreReview } from "@/lib/reviews/moderation";
import { createReviewSchema, editReviewSchema, hideReviewSchema, replySchema, restoreReviewSchema, reviewSortSchema } from "@/lib/reviews/schemas";
import { createReview, editReview, replyToReview, type ReviewChange } from "@/lib/reviews/write";
import { validatedAction } from "@/lib/validated-action";

function revalidateReviews(change: ReviewChange) {
  revalidateListing({ slug: change.listing.slug, creatorHandle: change.listing.creatorHandle });
  // Reviews show on the listing page and in the library: re-render whichever page the action came from.
  refresh();
}

export const createReviewAction = validatedAction(createReviewSchema, async (data) => {
  revalidateReviews(await createReview(await getDb(), await getCurrentUser(), data));
  return { ok: true, message: "Thanks! Your review is live." };
});

export const editReviewAction = validatedAction(editReviewSchema, async (data) => {
  revalidateReviews(await editReview(await getDb(), await getCurrentUser(), data));
  return { ok: true, message: "Your review was updated." };
});

export const replyToReviewAction = validatedAction(replySchema, async (data) => {
  revalidateReviews(await replyToReview(await getDb(), await getCurrentUser(), data));
  return { ok: true, message: "Your reply is posted." };
});

export const hideReviewAction = validatedAction(hideReviewSchema, async (data) => {
  revalidateReviews(await hideReview(await getDb(), await getCurrentUser(), data));
  return { ok: true, message: "The review is hidden." };
});

export const restoreReviewAction = validatedAction(restoreReviewSchema, async (data) => {
  revalidateReviews(await restoreReview(await getDb(), await getCurrentUser(), data));
  return { ok: true, message: "The review is visible again." };
});

const pageSchema = z.object({
  listingId: z.string().max(64),
  sort: reviewSortSchema,
  cursor: z.string().max(200).nullable().optional(),
});

export type LoadReviewsResult = { ok: true; page: ReviewPage } | { ok: false; error: string };

export async function loadReviewsAction(input: unknown): Promise<LoadReviewsResult> {
  const parsed = pageSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Those reviews could not be loaded." };
  try {
    const page = await listReviews(await getDb(), await getCurrentUser(), parsed.data.listingId, parsed.data);
    return { ok: true, page };
  } catch (error) {
    return { ok: false, error: publicError(error).message };
  }
}
