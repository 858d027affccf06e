// The viewer's own review of a listing (or the form to write one), for places other than the listing page, e.g. the library.
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import { reviewOverview } from "@/lib/reviews/list";
import { ViewerPanel } from "./listing-reviews";

export async function MyReview({ listingId, actor }: { listingId: string; actor: Actor | null }) {
  let viewer;
  try {
    viewer = (await reviewOverview(await getDb(), actor, listingId)).viewer;
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") return null;
    throw error;
  }
  if (viewer.state === "creator" || viewer.state === "signed_out") return null;
  return (
    <section aria-labelledby="my-review-heading" className="space-y-3">
      <h2 id="my-review-heading" className="text-lg font-semibold">
        {viewer.state === "reviewed" ? "Your review" : "Review it"}
      </h2>
      <ViewerPanel viewer={viewer} listingId={listingId} />
    </section>
  );
}
