-- listing_search holds published listings of active creators only: a suspended or banned creator's listings leave
-- search while the status lasts and come back when the account is reactivated. Same body as 0009 plus the creator check.
CREATE OR REPLACE FUNCTION agora_listing_search_sync() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM listing_search s USING new_rows n WHERE s.listing_id = n.id AND n.status <> 'published';
    UPDATE listing_search s
       SET sales_count = n.sales_count, rating_avg = n.rating_avg, boost = agora_listing_boost(n.sales_count, n.rating_sum, n.rating_count)
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE s.listing_id = n.id AND n.status = 'published' AND o.status = 'published'
       AND o.title = n.title AND o.tags = n.tags AND o.summary = n.summary AND o.description = n.description
       AND o.kind = n.kind AND o.category = n.category AND o.price_cents = n.price_cents
       AND o.creator_id = n.creator_id AND o.published_at IS NOT DISTINCT FROM n.published_at;
    INSERT INTO listing_search AS s (listing_id, creator_id, kind, category, price_cents, rating_avg, sales_count, published_at, boost, head, body)
    SELECT l.id, l.creator_id, l.kind, l.category, l.price_cents, l.rating_avg, l.sales_count, l.published_at,
           agora_listing_boost(l.sales_count, l.rating_sum, l.rating_count), agora_listing_head(l.title, l.tags, l.summary), l.search
      FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN listings l ON l.id = n.id JOIN users u ON u.id = l.creator_id
     WHERE l.status = 'published' AND u.status = 'active'
       AND NOT (o.status = 'published' AND o.title = n.title AND o.tags = n.tags AND o.summary = n.summary AND o.description = n.description
                AND o.kind = n.kind AND o.category = n.category AND o.price_cents = n.price_cents
                AND o.creator_id = n.creator_id AND o.published_at IS NOT DISTINCT FROM n.published_at)
    ON CONFLICT (listing_id) DO UPDATE SET
      creator_id = excluded.creator_id, kind = excluded.kind, category = excluded.category, price_cents = excluded.price_cents,
      rating_avg = excluded.rating_avg, sales_count = excluded.sales_count, published_at = excluded.published_at,
      boost = excluded.boost, head = excluded.head, body = excluded.body;
    RETURN NULL;
  END IF;
  INSERT INTO listing_search AS s (listing_id, creator_id, kind, category, price_cents, rating_avg, sales_count, published_at, boost, head, body)
  SELECT l.id, l.creator_id, l.kind, l.category, l.price_cents, l.rating_avg, l.sales_count, l.published_at,
         agora_listing_boost(l.sales_count, l.rating_sum, l.rating_count), agora_listing_head(l.title, l.tags, l.summary), l.search
  FROM new_rows n JOIN listings l ON l.id = n.id JOIN users u ON u.id = l.creator_id WHERE l.status = 'published' AND u.status = 'active'
  ON CONFLICT (listing_id) DO UPDATE SET
    creator_id = excluded.creator_id, kind = excluded.kind, category = excluded.category, price_cents = excluded.price_cents,
    rating_avg = excluded.rating_avg, sales_count = excluded.sales_count, published_at = excluded.published_at,
    boost = excluded.boost, head = excluded.head, body = excluded.body;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION agora_creator_search_visibility() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'active' THEN
    DELETE FROM listing_search WHERE creator_id = NEW.id;
  ELSE
    INSERT INTO listing_search (listing_id, creator_id, kind, category, price_cents, rating_avg, sales_count, published_at, boost, head, body)
    SELECT l.id, l.creator_id, l.kind, l.category, l.price_cents, l.rating_avg, l.sales_count, l.published_at,
           agora_listing_boost(l.sales_count, l.rating_sum, l.rating_count), agora_listing_head(l.title, l.tags, l.summary), l.search
      FROM listings l WHERE l.creator_id = NEW.id AND l.status = 'published'
    ON CONFLICT (listing_id) DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_search_visibility ON users;
--> statement-breakpoint
CREATE TRIGGER users_search_visibility AFTER UPDATE OF status ON users
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION agora_creator_search_visibility();
--> statement-breakpoint
DELETE FROM listing_search s USING users u WHERE u.id = s.creator_id AND u.status <> 'active';
