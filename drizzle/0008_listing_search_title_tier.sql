-- head becomes the title and tags only, stored inline: relevance tiers test it row by row (title/tags above
-- summary and description), so it must be cheap to read; body (everything) stays out of line, read via GIN only.
CREATE OR REPLACE FUNCTION agora_listing_head(title text, tags text[], summary text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('english'::regconfig, agora_tags_text(tags)), 'B') $$;
--> statement-breakpoint
ALTER TABLE listing_search ALTER COLUMN head SET STORAGE MAIN;
--> statement-breakpoint
UPDATE listing_search s SET head = agora_listing_head(l.title, l.tags, l.summary), body = l.search
FROM listings l WHERE l.id = s.listing_id;
