-- Keeps listing_search (the catalog's narrow projection of published listings) in step with listings.
-- body is the wide part: stored out of line so the main heap stays ~200 bytes a row; head stays inline.
ALTER TABLE listing_search SET (toast_tuple_target = 128);
--> statement-breakpoint
ALTER TABLE listing_search ALTER COLUMN body SET STORAGE EXTERNAL;
--> statement-breakpoint
ALTER TABLE listing_search ALTER COLUMN head SET STORAGE MAIN;
--> statement-breakpoint
-- Popularity times a Bayesian rating (5 phantom reviews at 3.5 stars): the order inside a relevance tier.
CREATE OR REPLACE FUNCTION agora_listing_boost(sales integer, rating_sum integer, rating_count integer) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (1 + 0.25 * ln(1 + greatest(sales, 0)::float8)) * (0.5 + (rating_sum + 17.5)::float8 / (rating_count + 5) / 5) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION agora_listing_head(title text, tags text[], summary text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('english'::regconfig, agora_tags_text(tags)), 'B')
            || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'C') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION agora_listing_search_sync() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM listing_search s USING new_rows n WHERE s.listing_id = n.id AND n.status <> 'published';
  END IF;
  INSERT INTO listing_search AS s (listing_id, creator_id, kind, category, price_cents, rating_avg, sales_count, published_at, boost, head, body)
  SELECT n.id, n.creator_id, n.kind, n.category, n.price_cents, n.rating_avg, n.sales_count, n.published_at,
         agora_listing_boost(n.sales_count, n.rating_sum, n.rating_count), agora_listing_head(n.title, n.tags, n.summary), n.search
  FROM new_rows n WHERE n.status = 'published'
  ON CONFLICT (listing_id) DO UPDATE SET
    creator_id = excluded.creator_id, kind = excluded.kind, category = excluded.category, price_cents = excluded.price_cents,
    rating_avg = excluded.rating_avg, sales_count = excluded.sales_count, published_at = excluded.published_at,
    boost = excluded.boost, head = excluded.head, body = excluded.body;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER listings_search_sync_insert AFTER INSERT ON listings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agora_listing_search_sync();
--> statement-breakpoint
CREATE TRIGGER listings_search_sync_update AFTER UPDATE ON listings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agora_listing_search_sync();
--> statement-breakpoint
-- Deletes need nothing: listing_search.listing_id cascades. Backfill what is already published.
INSERT INTO listing_search (listing_id, creator_id, kind, category, price_cents, rating_avg, sales_count, published_at, boost, head, body)
SELECT id, creator_id, kind, category, price_cents, rating_avg, sales_count, published_at,
       agora_listing_boost(sales_count, rating_sum, rating_count), agora_listing_head(title, tags, summary), search
FROM listings WHERE status = 'published'
ON CONFLICT (listing_id) DO NOTHING;
