CREATE TABLE "listing_search" (
	"listing_id" uuid PRIMARY KEY NOT NULL,
	"creator_id" uuid NOT NULL,
	"kind" "listing_kind" NOT NULL,
	"category" text NOT NULL,
	"price_cents" integer NOT NULL,
	"rating_avg" numeric(3, 2) NOT NULL,
	"sales_count" integer NOT NULL,
	"published_at" timestamp with time zone,
	"boost" double precision NOT NULL,
	"head" "tsvector" NOT NULL,
	"body" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "listing_search" ADD CONSTRAINT "listing_search_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_search_body_idx" ON "listing_search" USING gin ("body");--> statement-breakpoint
CREATE INDEX "listing_search_head_idx" ON "listing_search" USING gin ("head");--> statement-breakpoint
CREATE INDEX "listing_search_boost_idx" ON "listing_search" USING btree ("boost" DESC NULLS LAST,"listing_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "listing_search_new_idx" ON "listing_search" USING btree ("published_at" DESC NULLS LAST,"listing_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "listing_search_popular_idx" ON "listing_search" USING btree ("sales_count" DESC NULLS LAST,"listing_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "listing_search_rating_idx" ON "listing_search" USING btree ("rating_avg" DESC NULLS LAST,"listing_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "listing_search_price_idx" ON "listing_search" USING btree ("price_cents","listing_id");--> statement-breakpoint
CREATE INDEX "listing_search_facets_idx" ON "listing_search" USING btree ("kind","category","price_cents","rating_avg");--> statement-breakpoint
CREATE INDEX "listing_search_creator_idx" ON "listing_search" USING btree ("creator_id");