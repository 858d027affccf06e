-- Rows only go through TOAST when they carry an out-of-line value or pass ~2 kB, whatever toast_tuple_target
-- says. Copying body from the stored listings row (whose search vector is already out of line when large)
-- sends listing_search rows through TOAST, so head and body (STORAGE EXTERNAL) leave the main heap.
CREATE OR REPLACE FUNCTION agora_listing_search_sync() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM listing_search s USING new_rows n WHERE s.listing_id = n.id AND n.status <> 'published';
  END IF;
  INSERT INTO listing_search AS s (listing_id, creator_id, kind, category, price_cents, rating_avg, sales_count, published_at, boost, head, body)
  SELECT l.id, l.creator_id, l.kind, l.category, l.price_cents, l.rating_avg, l.sales_count, l.published_at,
         agora_listing_boost(l.sales_count, l.rating_sum, l.rating_count), agora_listing_head(l.title, l.tags, l.summary), l.search
  FROM new_rows n JOIN listings l ON l.id = n.id WHERE l.status = 'published'
  ON CONFLICT (listing_id) DO UPDATE SET
    creator_id = excluded.creator_id, kind = excluded.kind, category = excluded.category, price_cents = excluded.price_cents,
    rating_avg = excluded.rating_avg, sales_count = excluded.sales_count, published_at = excluded.published_at,
    boost = excluded.boost, head = excluded.head, body = excluded.body;
  RETURN NULL;
END $$;
--> statement-breakpoint
UPDATE listing_search s SET body = l.search FROM listings l WHERE l.id = s.listing_id;
