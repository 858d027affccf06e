// The review actions as one bundle for the pages that show reviews (a "use server" module exports functions only).
import type { ReviewActions } from "@/components/reviews/review-actions";
import { createReviewAction, editReviewAction, hideReviewAction, loadReviewsAction, replyToReviewAction, restoreReviewAction } from "./actions";

export const reviewActions: ReviewActions = {
  create: createReviewAction,
  edit: editReviewAction,
  reply: replyToReviewAction,
  hide: hideReviewAction,
  restore: restoreReviewAction,
  loadPage: loadReviewsAction,
};
