// GET /api/v1/listings — public catalog search: ?q&kind&category&minPrice&maxPrice&free&commercial&minRating&sort&cursor&limit → {items, nextCursor, facets}
import { cachedCatalogSearch } from "@/lib/catalog/cache";
import { parseCatalogQuery } from "@/lib/catalog/params";
import { badParameter, preflight, publicGet } from "../_lib/http";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

export const GET = observedRoute("v1/listings", async (request: Request) => {
  return publicGet(request, async (url) => {
    const parsed = parseCatalogQuery(url.searchParams);
    if (!parsed.ok) return badParameter(parsed.parameter, parsed.message);
    const { items, nextCursor, facets, didYouMean } = await cachedCatalogSearch(parsed.query);
    return { body: { items, nextCursor, facets, didYouMean } };
  });
});

export const OPTIONS = preflight;
