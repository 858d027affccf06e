// Reviews on a listing page: rating summary, the viewer's own review or the form to write one, and the sorted list.
import Link from "@/components/ui/link";
import type { ListingReviewsView, ReviewSummary, ReviewViewer } from "@/lib/reviews/list";
import type { ReviewActions } from "./review-actions";
import { ReviewCard } from "./review-card";
import { ReviewForm } from "./review-form";
import { ReviewList } from "./review-list";

export type ListingReviewsProps = {
  listingId: string;
  /** What the page loaded for this viewer (lib/reviews/list.ts listingReviewsView). */
  reviews: ListingReviewsView;
  actions: ReviewActions;
  /** Where "sign in to review" comes back to, e.g. `/l/${slug}`. */
  returnTo?: string;
};

export function ListingReviews({ listingId, reviews, actions, returnTo }: ListingReviewsProps) {
  const { summary, viewer, page, sort: initialSort } = reviews;
  // Remount the client list when the server data changes (after a review, reply or moderation action).
  const listKey = page.items.map((r) => `${r.id}:${r.rating}:${r.creatorReply ? 1 : 0}:${r.hidden ? 1 : 0}:${r.edited ? 1 : 0}`).join("|");
  return (
    <section id="reviews" aria-labelledby="reviews-heading" className="space-y-6 scroll-mt-24">
      <h2 id="reviews-heading" className="text-xl font-semibold">
        Reviews
      </h2>
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <RatingSummary summary={summary} />
        <div className="min-w-0 space-y-6">
          <ViewerPanel viewer={viewer} listingId={listingId} actions={actions} returnTo={returnTo} />
          <ReviewList
            key={`${initialSort}:${listKey}`}
            listingId={listingId}
            initialSort={initialSort}
            initialPage={page}
            actions={actions}
            emptyText={viewer.state === "reviewed" ? "No other reviews yet." : "No reviews yet."}
          />
        </div>
      </div>
    </section>
  );
}

function RatingSummary({ summary }: { summary: ReviewSummary }) {
  if (summary.count === 0) {
    return (
      <div>
        <p className="text-sm text-slate-500">No ratings yet.</p>
      </div>
    );
  }
  return (
    <div className="max-w-sm space-y-2">
      <p className="text-3xl font-bold" aria-label={`Average rating ${summary.average.toFixed(1)} out of 5`}>
        {summary.average.toFixed(1)}
        <span className="ml-1 text-base font-normal text-slate-500">/ 5</span>
      </p>
      <p className="text-sm text-slate-600">
        {summary.count} {summary.count === 1 ? "rating" : "ratings"}
      </p>
      <ul className="space-y-1" aria-label="Ratings by stars">
        {([5, 4, 3, 2, 1] as const).map((stars) => {
          const n = summary.histogram[stars];
          const pct = summary.count ? Math.round((n / summary.count) * 100) : 0;
          return (
            <li key={stars} className="flex items-center gap-2 text-xs text-slate-600" aria-label={`${stars} stars: ${n}`}>
              <span className="w-6" aria-hidden>
                {stars}★
              </span>
              <span className="h-2 flex-1 overflow-hidden rounded bg-slate-200" aria-hidden>
                <span className="block h-full bg-amber-400" style={{ width: `${pct}%` }} />
              </span>
              <span className="w-10 text-right tabular-nums" aria-hidden>
                {n}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function ViewerPanel({ viewer, listingId, actions, returnTo }: { viewer: ReviewViewer; listingId: string; actions: ReviewActions; returnTo?: string }) {
  const note = "rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-600";
  switch (viewer.state) {
    case "can_write":
      return (
        <div className="rounded-xl border border-brand-100 bg-white p-4">
          <h3 className="mb-3 font-medium">Write a review</h3>
          <ReviewForm mode="create" listingId={listingId} actions={actions} />
        </div>
      );
    case "reviewed":
      return <ReviewCard review={viewer.review} actions={actions} highlight />;
    case "signed_out":
      return (
        <p className={note}>
          Bought this?{" "}
          <Link href={`/signin?returnTo=${encodeURIComponent(`${returnTo ?? "/library"}#reviews`)}`} className="font-medium text-brand-700 hover:underline">
            Sign in
          </Link>{" "}
          to review it.
        </p>
      );
    case "suspended":
      return <p className={note}>Your account is suspended, so you can&apos;t write reviews right now.</p>;
    case "disputed":
      return <p className={note}>You can review this once the payment dispute on your order is resolved.</p>;
    case "not_owner":
      return <p className={note}>Only people who bought this listing can review it.</p>;
    case "creator":
      return null;
  }
}
