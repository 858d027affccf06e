-- The sort indexes of catalog pages also hold the filter columns (kind, category, price, rating) after their key, so a
-- walk along one tests filters without reading rows: at 1M listings the table outgrows the buffers and a 20,000-row
-- walk read 14,390 pages (335 ms); index-only it reads about 300 (lib/catalog/page-statements.ts, walkColumns).
DROP INDEX "listing_search_boost_idx";--> statement-breakpoint
DROP INDEX "listing_search_new_idx";--> statement-breakpoint
DROP INDEX "listing_search_popular_idx";--> statement-breakpoint
DROP INDEX "listing_search_rating_idx";--> statement-breakpoint
DROP INDEX "listing_search_price_idx";--> statement-breakpoint
DROP INDEX "listing_search_kind_price_idx";--> statement-breakpoint
CREATE INDEX "listing_search_boost_idx" ON "listing_search" USING btree ("boost" DESC NULLS LAST,"listing_id" DESC NULLS LAST,"kind","category","price_cents","rating_avg");--> statement-breakpoint
CREATE INDEX "listing_search_new_idx" ON "listing_search" USING btree ("published_at" DESC NULLS LAST,"listing_id" DESC NULLS LAST,"kind","category","price_cents","rating_avg");--> statement-breakpoint
CREATE INDEX "listing_search_popular_idx" ON "listing_search" USING btree ("sales_count" DESC NULLS LAST,"listing_id" DESC NULLS LAST,"kind","category","price_cents","rating_avg");--> statement-breakpoint
CREATE INDEX "listing_search_rating_idx" ON "listing_search" USING btree ("rating_avg" DESC NULLS LAST,"listing_id" DESC NULLS LAST,"kind","category","price_cents");--> statement-breakpoint
CREATE INDEX "listing_search_price_idx" ON "listing_search" USING btree ("price_cents","listing_id","kind","category","rating_avg");--> statement-breakpoint
CREATE INDEX "listing_search_kind_price_idx" ON "listing_search" USING btree ("kind","price_cents","listing_id","category","rating_avg");