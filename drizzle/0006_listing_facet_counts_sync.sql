-- listing_facet_counts follows listing_search: net +1/−1 per (kind, category, price, rating) cell, per statement.
CREATE OR REPLACE FUNCTION agora_listing_facet_counts_sync() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO listing_facet_counts AS f (kind, category, price_cents, rating_avg, n)
    SELECT kind, category, price_cents, rating_avg, count(*)::int FROM new_rows GROUP BY 1, 2, 3, 4
    ON CONFLICT (kind, category, price_cents, rating_avg) DO UPDATE SET n = f.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE listing_facet_counts f SET n = f.n - d.n
    FROM (SELECT kind, category, price_cents, rating_avg, count(*)::int AS n FROM old_rows GROUP BY 1, 2, 3, 4) d
    WHERE (f.kind, f.category, f.price_cents, f.rating_avg) = (d.kind, d.category, d.price_cents, d.rating_avg);
  ELSE
    -- Most updates (a sale, a new version) keep every cell: only net changes are written.
    INSERT INTO listing_facet_counts AS f (kind, category, price_cents, rating_avg, n)
    SELECT kind, category, price_cents, rating_avg, sum(delta)::int FROM (
      SELECT kind, category, price_cents, rating_avg, 1 AS delta FROM new_rows
      UNION ALL
      SELECT kind, category, price_cents, rating_avg, -1 AS delta FROM old_rows
    ) changes GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
    ON CONFLICT (kind, category, price_cents, rating_avg) DO UPDATE SET n = f.n + excluded.n;
  END IF;
  DELETE FROM listing_facet_counts WHERE n <= 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER listing_search_facets_insert AFTER INSERT ON listing_search
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agora_listing_facet_counts_sync();
--> statement-breakpoint
CREATE TRIGGER listing_search_facets_update AFTER UPDATE ON listing_search
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agora_listing_facet_counts_sync();
--> statement-breakpoint
CREATE TRIGGER listing_search_facets_delete AFTER DELETE ON listing_search
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agora_listing_facet_counts_sync();
--> statement-breakpoint
INSERT INTO listing_facet_counts (kind, category, price_cents, rating_avg, n)
SELECT kind, category, price_cents, rating_avg, count(*)::int FROM listing_search GROUP BY 1, 2, 3, 4
ON CONFLICT (kind, category, price_cents, rating_avg) DO NOTHING;
--> statement-breakpoint
-- head is read only for the few rows a page visits (tier checks): out of line too, so a facet scan over a
-- large match set reads a ~100-byte main heap. Existing rows move on their next update.
ALTER TABLE listing_search ALTER COLUMN head SET STORAGE EXTERNAL;
