// The viewer's own review of a listing (or the form to write one), for places other than the listing page, e.g. the library.
import type { ReviewViewer } from "@/lib/reviews/list";
import { ViewerPanel } from "./listing-reviews";
import type { ReviewActions } from "./review-actions";

export function MyReview({ listingId, viewer, actions }: { listingId: string; viewer: ReviewViewer | null; actions: ReviewActions }) {
  if (!viewer || viewer.state === "creator" || viewer.state === "signed_out") return null;
  return (
    <section aria-labelledby="my-review-heading" className="space-y-3">
      <h2 id="my-review-heading" className="text-lg font-semibold">
        {viewer.state === "reviewed" ? "Your review" : "Review it"}
      </h2>
      <ViewerPanel viewer={viewer} listingId={listingId} actions={actions} />
    </section>
  );
}
