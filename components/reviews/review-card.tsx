"use client";
// One review with what this viewer may do to it: edit (author), reply once (creator), hide or restore (admin).
import { useState } from "react";
import { ReportReview } from "@/components/reports/report-review";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/lib/format";
import type { ReviewItem } from "@/lib/reviews/list";
import { HideReviewControl, RestoreReviewControl } from "./moderation-controls";
import { ReplyForm } from "./reply-form";
import type { ReviewActions } from "./review-actions";
import { ReviewForm } from "./review-form";
import { StarsShown } from "./star-input";

export function ReviewCard({ review, actions, highlight = false }: { review: ReviewItem; actions: ReviewActions; highlight?: boolean }) {
  const [mode, setMode] = useState<"view" | "edit" | "reply">("view");
  return (
    <article
      className={`rounded-xl border p-4 ${review.hidden ? "border-dashed border-slate-300 bg-slate-50" : highlight ? "border-brand-100 bg-brand-50/40" : "border-slate-200 bg-white"}`}
      aria-label={`Review by ${review.authorName}`}
      data-testid="review"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium">
          {review.authorName}
          {review.mine ? <span className="ml-2 rounded bg-brand-100 px-1.5 py-0.5 text-xs font-medium text-brand-700">Your review</span> : null}
          {review.hidden ? <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">Hidden</span> : null}
        </p>
        <p className="text-xs text-slate-500">
          <time dateTime={review.createdAt}>{formatDate(review.createdAt)}</time>
          {review.edited ? " · edited" : ""}
        </p>
      </div>
      {mode === "edit" ? (
        <div className="mt-3">
          <ReviewForm mode="edit" review={review} actions={actions} onDone={() => setMode("view")} onCancel={() => setMode("view")} />
        </div>
      ) : (
        <>
          <div className="mt-1">
            <StarsShown rating={review.rating} />
          </div>
          <p className="mt-2 whitespace-pre-line break-words text-sm text-slate-700">{review.body}</p>
        </>
      )}
      {review.hidden && review.mine ? (
        <p className="mt-2 text-xs text-slate-600">This review is not shown on the listing and does not count towards its rating.</p>
      ) : null}
      {review.creatorReply ? (
        <div className="mt-3 rounded-lg bg-slate-50 p-3 text-sm">
          <p className="text-xs font-semibold text-slate-500">Reply from the creator</p>
          <p className="mt-1 whitespace-pre-line break-words text-slate-700">{review.creatorReply}</p>
        </div>
      ) : null}
      {mode === "reply" ? <ReplyForm reviewId={review.id} action={actions.reply} onCancel={() => setMode("view")} /> : null}
      {mode === "view" && (review.can.edit || review.can.reply || review.can.hide || review.can.restore || (!review.mine && !review.hidden)) ? (
        <div className="mt-3 flex flex-wrap items-start gap-2">
          {review.can.edit ? (
            <Button type="button" variant="secondary" className="px-3 py-1 text-xs" onClick={() => setMode("edit")}>
              Edit review
            </Button>
          ) : null}
          {review.can.reply ? (
            <Button type="button" variant="secondary" className="px-3 py-1 text-xs" onClick={() => setMode("reply")}>
              Reply
            </Button>
          ) : null}
          {review.can.hide ? <HideReviewControl reviewId={review.id} action={actions.hide} /> : null}
          {review.can.restore ? <RestoreReviewControl reviewId={review.id} action={actions.restore} /> : null}
          {!review.mine && !review.hidden ? <ReportReview reviewId={review.id} /> : null}
        </div>
      ) : null}
    </article>
  );
}
