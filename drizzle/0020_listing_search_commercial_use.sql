-- Licenses: listing_search.commercial_use follows the license of the listing's live version
-- (listing_versions.license, lib/licenses), so "commercial use allowed" is a filter on the narrow projection.
-- Same bodies as 0016 plus the commercial_use column and a current_version_id change counting as a change.
CREATE OR REPLACE FUNCTION agora_live_commercial_use(version_id uuid) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT (v.license->>'commercialUse')::boolean FROM listing_versions v WHERE v.id = version_id), false)
$$;
--> statement-breakpoint
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
       AND o.creator_id = n.creator_id AND o.published_at IS NOT DISTINCT FROM n.published_at
       AND o.current_version_id IS NOT DISTINCT FROM n.current_version_id;
    INSERT INTO listing_search AS s (listing_id, creator_id, kind, category, price_cents, rating_avg, sales_count, published_at, boost, head, body, commercial_use)
    SELECT l.id, l.creator_id, l.kind, l.category, l.price_cents, l.rating_avg, l.sales_count, l.published_at,
           agora_listing_boost(l.sales_count, l.rating_sum, l.rating_count), agora_listing_head(l.title, l.tags, l.summary), l.search,
           agora_live_commercial_use(l.current_version_id)
      FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN listings l ON l.id = n.id JOIN users u ON u.id = l.creator_id
     WHERE l.status = 'published' AND u.status = 'active'
       AND NOT (o.status = 'published' AND o.title = n.title AND o.tags = n.tags AND o.summary = n.summary AND o.description = n.description
                AND o.kind = n.kind AND o.category = n.category AND o.price_cents = n.price_cents
                AND o.creator_id = n.creator_id AND o.published_at IS NOT DISTINCT FROM n.published_at
                AND o.current_version_id IS NOT DISTINCT FROM n.current_version_id)
    ON CONFLICT (listing_id) DO UPDATE SET
      creator_id = excluded.creator_id, kind = excluded.kind, category = excluded.category, price_cents = excluded.price_cents,
      rating_avg = excluded.rating_avg, sales_count = excluded.sales_count, published_at = excluded.published_at,
      boost = excluded.boost, head = excluded.head, body = excluded.body, commercial_use = excluded.commercial_use;
    RETURN NULL;
  END IF;
  INSERT INTO listing_search AS s (listing_id, creator_id, kind, category, price_cents, rating_avg, sales_count, published_at, boost, head, body, commercial_use)
  SELECT l.id, l.creator_id, l.kind, l.category, l.price_cents, l.rating_avg, l.sales_count, l.published_at,
         agora_listing_boost(l.sales_count, l.rating_sum, l.rating_count), agora_listing_head(l.title, l.tags, l.summary), l.search,
         agora_live_commercial_use(l.current_version_id)
  FROM new_rows n JOIN listings l ON l.id = n.id JOIN users u ON u.id = l.creator_id WHERE l.status = 'published' AND u.status = 'active'
  ON CONFLICT (listing_id) DO UPDATE SET
    creator_id = excluded.creator_id, kind = excluded.kind, category = excluded.category, price_cents = excluded.price_cents,
    rating_avg = excluded.rating_avg, sales_count = excluded.sales_count, published_at = excluded.published_at,
    boost = excluded.boost, head = excluded.head, body = excluded.body, commercial_use = excluded.commercial_use;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION agora_creator_search_visibility() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'active' THEN
    DELETE FROM listing_search WHERE creator_id = NEW.id;
  ELSE
    INSERT INTO listing_search (listing_id, creator_id, kind, category, price_cents, rating_avg, sales_count, published_at, boost, head, body, commercial_use)
    SELECT l.id, l.creator_id, l.kind, l.category, l.price_cents, l.rating_avg, l.sales_count, l.published_at,
           agora_listing_boost(l.sales_count, l.rating_sum, l.rating_count), agora_listing_head(l.title, l.tags, l.summary), l.search,
           agora_live_commercial_use(l.current_version_id)
      FROM listings l WHERE l.creator_id = NEW.id AND l.status = 'published'
    ON CONFLICT (listing_id) DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Existing versions get "Agora standard personal" so nothing breaks; new listings choose explicitly before submitting.
UPDATE listing_versions SET license = '{"id":"agora-standard-personal","name":"Agora standard personal","terms":"The buyer may use this item for their own personal, non-commercial projects and adapt it for that use. They may not resell, share or sublicense the item or modified copies of it, and may not sell what it produces.","commercialUse":false,"derivatives":true,"resaleOfOutputs":false,"creditRequired":false}'::jsonb
 WHERE license IS NULL;
--> statement-breakpoint
UPDATE listing_search s SET commercial_use = agora_live_commercial_use(l.current_version_id)
  FROM listings l WHERE l.id = s.listing_id AND s.commercial_use <> agora_live_commercial_use(l.current_version_id);
