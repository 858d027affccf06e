// Next data-cache wrappers for public catalog reads, tagged so a publish or unpublish shows within seconds.
import "server-only";
import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";
import { after } from "next/server";
import { getDb } from "@/db/client";
import { logger } from "@/lib/observability/logger";
import { catalogSearch, type CatalogResult } from "./catalog";
import { countFiltered, RATING_THRESHOLDS } from "./facets";
import { withCatalogPlans } from "./plan-settings";
import { categoryCounts, featuredListings, newListings, topCreators, topRatedListings, trendingListings } from "./home";
import { creatorTotals, listingReviews, listingVersionHistory, moreFromCreator, publicListingBySlug, relatedListings } from "./listing";
import type { CatalogQuery } from "./params";
import { searchListings } from "./search";
import { creatorSitemap, listingSitemap, listingSitemapChunks } from "./sitemap";
import { storefrontByHandle } from "./storefront";
import { suggest } from "./suggest";

export const CATALOG_TAG = "listings";
export const listingTag = (slug: string) => `listing:${slug}`;
export const creatorTag = (handle: string) => `creator:${handle.toLowerCase()}`;

/** Time-based safety net for what tags do not cover (sales counts, ratings, rolling 7/30-day windows). */
const REVALIDATE_SECONDS = 300;

/**
 * Call after a listing is published, unpublished, removed or edited (creator studio, moderation, reviews).
 * Expires at once rather than serving stale: a removed listing must disappear, not linger for one more view.
 */
export function revalidateListing(listing: { slug: string; creatorHandle?: string | null }): void {
  revalidateTag(CATALOG_TAG, { expire: 0 });
  revalidateTag(listingTag(listing.slug), { expire: 0 });
  if (listing.creatorHandle) revalidateTag(creatorTag(listing.creatorHandle), { expire: 0 });
}

/** After a studio or moderation change: the public catalog's cached pages and the creator's dashboard. */
export function revalidateListingEverywhere(listing: { slug: string; creatorHandle: string }): void {
  revalidateListing(listing);
  revalidatePath("/dashboard", "layout");
  revalidatePath(`/l/${listing.slug}`);
}

/** Work a search leaves for after its answer (keeping a new frequent term's facet cells); a failure is logged. */
function afterResponse(work: () => Promise<void>): void {
  after(() => work().catch((error: unknown) => logger.error({ event: "catalog.keep_failed", err: error }, "keeping facet cells failed")));
}

const sharedCatalogSearch = unstable_cache(async (query: CatalogQuery): Promise<CatalogResult> => catalogSearch(await getDb(), query), ["catalog-search-v1"], {
  tags: [CATALOG_TAG],
  revalidate: REVALIDATE_SECONDS,
});

/**
 * A query many people send: a first page of facet choices (kind, category, free, a shown rating threshold,
 * license, sort). Typed text, typed prices, other ratings and cursors make the long tail — nearly every one is
 * unique, so keeping it would write a data-cache entry per request (a file, or a network write on Vercel) that
 * nobody reads again. Shared caches still keep every answer briefly (PUBLIC_CACHE).
 */
export function isSharedQuery(query: CatalogQuery): boolean {
  const shownRating = query.minRating === undefined || (RATING_THRESHOLDS as readonly number[]).includes(query.minRating);
  return !query.q && !query.cursor && query.minPrice === undefined && query.maxPrice === undefined && shownRating;
}

/** Items, next cursor and facets for a parsed query (the API and /browse share one cache entry per shared query). */
export async function cachedCatalogSearch(query: CatalogQuery): Promise<CatalogResult> {
  return isSharedQuery(query) ? sharedCatalogSearch(query) : catalogSearch(await getDb(), query, { later: afterResponse });
}

export const cachedSuggest = unstable_cache(async (q: string) => suggest(await getDb(), q), ["catalog-suggest-v1"], {
  tags: [CATALOG_TAG],
  revalidate: REVALIDATE_SECONDS,
});

export const cachedHome = unstable_cache(
  async () => {
    const db = await getDb();
    const [featured, trending, fresh, topRated, creators, categories] = await Promise.all([
      featuredListings(db),
      trendingListings(db),
      newListings(db),
      topRatedListings(db),
      topCreators(db),
      categoryCounts(db),
    ]);
    return { featured, trending, fresh, topRated, creators, categories };
  },
  ["catalog-home-v1"],
  { tags: [CATALOG_TAG], revalidate: REVALIDATE_SECONDS },
);

/** Everything public on a listing page (null when the slug is not a published listing). */
export function cachedListingPage(slug: string) {
  return unstable_cache(
    async () => {
      const db = await getDb();
      const listing = await publicListingBySlug(db, slug);
      if (!listing) return null;
      const [versions, reviews, related, more, creator] = await Promise.all([
        listingVersionHistory(db, listing.id),
        listingReviews(db, listing.id),
        relatedListings(db, listing),
        moreFromCreator(db, listing.creatorId, listing.id),
        creatorTotals(db, listing.creatorId),
      ]);
      return { listing, versions, reviews, related, more, creator };
    },
    ["catalog-listing-v1", slug],
    { tags: [CATALOG_TAG, listingTag(slug)], revalidate: REVALIDATE_SECONDS },
  )();
}

export function cachedStorefront(handle: string, query: CatalogQuery) {
  return unstable_cache(
    async () => {
      const db = await getDb();
      const store = await storefrontByHandle(db, handle);
      if (!store) return null;
      const scoped = { ...query, creatorId: store.creatorId };
      const page = await withCatalogPlans(db, async (tx) => searchListings(tx, scoped, null, await countFiltered(tx, scoped)));
      return { store, page };
    },
    ["catalog-storefront-v1", handle.toLowerCase(), JSON.stringify(query)],
    { tags: [CATALOG_TAG, creatorTag(handle)], revalidate: REVALIDATE_SECONDS },
  )();
}

export const cachedSitemapChunks = unstable_cache(async () => listingSitemapChunks(await getDb()), ["catalog-sitemap-chunks-v1"], {
  tags: [CATALOG_TAG],
  revalidate: 3600,
});

export const cachedListingSitemap = unstable_cache(async (chunk: number) => listingSitemap(await getDb(), chunk), ["catalog-sitemap-listings-v1"], {
  tags: [CATALOG_TAG],
  revalidate: 3600,
});

export const cachedCreatorSitemap = unstable_cache(async () => creatorSitemap(await getDb()), ["catalog-sitemap-creators-v1"], {
  tags: [CATALOG_TAG],
  revalidate: 3600,
});
