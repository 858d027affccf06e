// Input shapes for review mutations, shared by server actions (form data) and lib (which parses again).
import { z } from "zod";
import { uuidSchema } from "@/lib/uuid";

const uuid = uuidSchema("Unknown item.");

export const REVIEW_BODY_MAX = 4000;
export const REPLY_MAX = 2000;

const rating = z.coerce
  .number({ error: "Choose a rating from 1 to 5 stars." })
  .int("Choose a rating from 1 to 5 stars.")
  .min(1, "Choose a rating from 1 to 5 stars.")
  .max(5, "Choose a rating from 1 to 5 stars.");

const body = z.string().trim().min(3, "Write a few words about it.").max(REVIEW_BODY_MAX, `Keep it under ${REVIEW_BODY_MAX} characters.`);

export const createReviewSchema = z.object({ listingId: uuid, rating, body });
export const editReviewSchema = z.object({ reviewId: uuid, rating, body });
export const replySchema = z.object({
  reviewId: uuid,
  reply: z.string().trim().min(2, "Write a reply.").max(REPLY_MAX, `Keep it under ${REPLY_MAX} characters.`),
});
export const hideReviewSchema = z.object({
  reviewId: uuid,
  reason: z.string().trim().min(3, "Say why this review is hidden.").max(500),
});
export const restoreReviewSchema = z.object({ reviewId: uuid });

export const REVIEW_SORTS = ["newest", "highest", "lowest"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];
export const reviewSortSchema = z.enum(REVIEW_SORTS).catch("newest");
