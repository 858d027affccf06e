CREATE TABLE "listing_facet_counts" (
	"kind" "listing_kind" NOT NULL,
	"category" text NOT NULL,
	"price_cents" integer NOT NULL,
	"rating_avg" numeric(3, 2) NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "listing_facet_counts_kind_category_price_cents_rating_avg_pk" PRIMARY KEY("kind","category","price_cents","rating_avg")
);
