-- Nothing reads listings.search through an index: search matches listing_search.body (a copy of it, GIN-indexed in
-- 0004), so this GIN index only cost writes on every listing change and a build after a bulk seed.
DROP INDEX IF EXISTS "listings_search_idx";
