-- A page of search results as cards: the listings, their creators and the published-and-active test for the page's ids.
-- Joined inside each page statement, these three tables cost Postgres about 0.4 ms of planning per search (catalog
-- statements are planned for their own parameters: plan_cache_mode = force_custom_plan), more than reading the cards.
-- Looking cards up by id plans the same way whatever the ids are, so here it is planned once per connection and kept.
-- Same columns, names and conditions as CARD_COLUMNS, CARD_FROM and PUBLISHED (lib/catalog/filters.ts).
CREATE OR REPLACE FUNCTION agora_listing_cards(ids uuid[]) RETURNS TABLE (
  id uuid, slug text, title text, summary text, kind listing_kind, category text, "priceCents" integer, currency text,
  "ratingAvg" float8, "ratingCount" integer, "salesCount" integer, "coverImageId" uuid, "publishedAt" text,
  "creatorHandle" text, "creatorName" text
) LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN QUERY
    SELECT l.id, l.slug, l.title, l.summary, l.kind, l.category, l.price_cents, l.currency, l.rating_avg::float8,
           l.rating_count, l.sales_count, l.cover_image_id,
           to_char(l.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), c.handle, c.display_name
    FROM listings l JOIN creator_profiles c ON c.user_id = l.creator_id
    WHERE l.id = ANY(ids) AND l.status = 'published'
      AND EXISTS (SELECT 1 FROM users pu WHERE pu.id = l.creator_id AND pu.status = 'active');
END $$;
