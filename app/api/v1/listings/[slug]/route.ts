// GET /api/v1/listings/{slug} — one published listing: public fields, preview, versions and rating summary (never paid content)
import { cachedListingPage } from "@/lib/catalog/cache";
import { renderMarkdown } from "@/lib/catalog/markdown";
import { badParameter, jsonError, preflight, publicGet } from "../../_lib/http";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

export const GET = observedRoute("v1/listings/[slug]", async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  return publicGet(request, async () => {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 200) return badParameter("slug", "slug must be lowercase letters, digits and single hyphens");
    const page = await cachedListingPage(slug);
    if (!page) return jsonError(404, "not_found", "No published listing has this slug.");
    const { listing, versions, reviews, creator } = page;
    return {
      body: {
        listing: {
          ...listing,
          descriptionHtml: renderMarkdown(listing.description),
          creator: { handle: listing.creatorHandle, name: listing.creatorName, bio: listing.creatorBio, totals: creator },
        },
        versions,
        rating: { average: reviews.average, count: reviews.count, histogram: reviews.histogram },
      },
    };
  });
});

export const OPTIONS = preflight;
