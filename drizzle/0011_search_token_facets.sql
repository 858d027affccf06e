CREATE TABLE "search_token_facets" (
	"key" text NOT NULL,
	"kind" "listing_kind" NOT NULL,
	"category" text NOT NULL,
	"price_cents" integer NOT NULL,
	"rating_avg" numeric(3, 2) NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "search_token_facets_key_kind_category_price_cents_rating_avg_pk" PRIMARY KEY("key","kind","category","price_cents","rating_avg")
);
--> statement-breakpoint
CREATE TABLE "search_token_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"query" "tsquery" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_token_facets" ADD CONSTRAINT "search_token_facets_key_search_token_keys_key_fk" FOREIGN KEY ("key") REFERENCES "public"."search_token_keys"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Facet cells follow listing_search per statement: the whole catalog (listing_facet_counts) and every frequent
-- one-word query (search_token_facets). A cell that falls to zero stays (a zero adds nothing to a sum), so no
-- statement has to look for empty cells; a sale (counters only) changes no cell and returns early.
CREATE OR REPLACE FUNCTION agora_listing_facet_counts_sync() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO listing_facet_counts AS f (kind, category, price_cents, rating_avg, n)
    SELECT kind, category, price_cents, rating_avg, count(*)::int FROM new_rows GROUP BY 1, 2, 3, 4
    ON CONFLICT (kind, category, price_cents, rating_avg) DO UPDATE SET n = f.n + excluded.n;
    INSERT INTO search_token_facets AS f (key, kind, category, price_cents, rating_avg, n)
    SELECT k.key, r.kind, r.category, r.price_cents, r.rating_avg, count(*)::int
      FROM new_rows r JOIN search_token_keys k ON r.body @@ k.query GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (key, kind, category, price_cents, rating_avg) DO UPDATE SET n = f.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE listing_facet_counts f SET n = f.n - d.n
    FROM (SELECT kind, category, price_cents, rating_avg, count(*)::int AS n FROM old_rows GROUP BY 1, 2, 3, 4) d
    WHERE (f.kind, f.category, f.price_cents, f.rating_avg) = (d.kind, d.category, d.price_cents, d.rating_avg);
    UPDATE search_token_facets f SET n = f.n - d.n
    FROM (SELECT k.key, r.kind, r.category, r.price_cents, r.rating_avg, count(*)::int AS n
            FROM old_rows r JOIN search_token_keys k ON r.body @@ k.query GROUP BY 1, 2, 3, 4, 5) d
    WHERE (f.key, f.kind, f.category, f.price_cents, f.rating_avg) = (d.key, d.kind, d.category, d.price_cents, d.rating_avg);
  ELSE
    IF NOT EXISTS (
      SELECT 1 FROM new_rows n JOIN old_rows o ON o.listing_id = n.listing_id
       WHERE (n.kind, n.category, n.price_cents, n.rating_avg, n.body) IS DISTINCT FROM (o.kind, o.category, o.price_cents, o.rating_avg, o.body)
    ) THEN
      RETURN NULL;
    END IF;
    INSERT INTO listing_facet_counts AS f (kind, category, price_cents, rating_avg, n)
    SELECT kind, category, price_cents, rating_avg, sum(delta)::int FROM (
      SELECT kind, category, price_cents, rating_avg, 1 AS delta FROM new_rows
      UNION ALL
      SELECT kind, category, price_cents, rating_avg, -1 AS delta FROM old_rows
    ) changes GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
    ON CONFLICT (kind, category, price_cents, rating_avg) DO UPDATE SET n = f.n + excluded.n;
    INSERT INTO search_token_facets AS f (key, kind, category, price_cents, rating_avg, n)
    SELECT key, kind, category, price_cents, rating_avg, sum(delta)::int FROM (
      SELECT k.key, r.kind, r.category, r.price_cents, r.rating_avg, 1 AS delta FROM new_rows r JOIN search_token_keys k ON r.body @@ k.query
      UNION ALL
      SELECT k.key, r.kind, r.category, r.price_cents, r.rating_avg, -1 AS delta FROM old_rows r JOIN search_token_keys k ON r.body @@ k.query
    ) changes GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0
    ON CONFLICT (key, kind, category, price_cents, rating_avg) DO UPDATE SET n = f.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Makes `word` (a whole vocabulary word, searched as that word) a frequent query: its key, and its cells
-- counted from the current catalog.
-- Writers to listing_search wait while this runs, so no change slips between the count and the triggers.
CREATE OR REPLACE FUNCTION agora_add_search_token(word text) RETURNS text
  LANGUAGE plpgsql AS $$
DECLARE
  q tsquery := to_tsquery('english'::regconfig, word);
  k text := q::text;
BEGIN
  IF k = '' OR EXISTS (SELECT 1 FROM search_token_keys WHERE key = k) THEN
    RETURN NULL;
  END IF;
  LOCK TABLE listing_search IN SHARE MODE;
  INSERT INTO search_token_keys (key, query) VALUES (k, q) ON CONFLICT (key) DO NOTHING;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  INSERT INTO search_token_facets (key, kind, category, price_cents, rating_avg, n)
  SELECT k, kind, category, price_cents, rating_avg, count(*)::int FROM listing_search WHERE body @@ q GROUP BY 2, 3, 4, 5;
  RETURN k;
END $$;
