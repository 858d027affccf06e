// The catalog's search projections, kept in step with listings by triggers written by hand in drizzle/ (ARCHITECTURE.md, "Database").
import { sql } from "drizzle-orm";
import { boolean, customType, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid, numeric } from "drizzle-orm/pg-core";
import { tsvector } from "./columns";
import { listingKind, listings } from "./listings";

// Distinct words of published listings: typo tolerance matches trigrams here, then runs FTS.
export const searchTerms = pgTable(
  "search_terms",
  {
    term: text().primaryKey(),
    listingCount: integer().notNull().default(0),
  },
  (t) => [index("search_terms_trgm_idx").using("gin", sql`${t.term} gin_trgm_ops`)],
);

// The catalog's narrow search projection of published listings, kept in step by triggers on listings
// (drizzle/0004_listing_search_sync.sql). Search and facets scan this (~200 bytes a row, `body` stored out of
// line) instead of the wide listings heap, so a query matching half the catalog stays within milliseconds.
export const listingSearch = pgTable(
  "listing_search",
  {
    listingId: uuid()
      .primaryKey()
      .references(() => listings.id, { onDelete: "cascade" }),
    creatorId: uuid().notNull(),
    kind: listingKind().notNull(),
    category: text().notNull(),
    priceCents: integer().notNull(),
    ratingAvg: numeric({ precision: 3, scale: 2, mode: "number" }).notNull(),
    salesCount: integer().notNull(),
    publishedAt: timestamp({ withTimezone: true }),
    // Popularity × Bayesian rating (agora_listing_boost): the order within a relevance tier.
    boost: doublePrecision().notNull(),
    // Title (A) and tags (B): small, stored inline, decides the relevance tier.
    head: tsvector().notNull(),
    // The listing's whole weighted document (listings.search), matched through its GIN index only.
    body: tsvector().notNull(),
    // The live version's license allows commercial use (agora_live_commercial_use, drizzle/0019).
    commercialUse: boolean().notNull().default(false),
  },
  (t) => [
    index("listing_search_body_idx").using("gin", t.body),
    index("listing_search_head_idx").using("gin", t.head),
    // The sort orders of catalog pages. After the key (sort column, listing_id: unique, so what follows never changes
    // the order) each also holds the filter columns a walk tests, so a walk is an index-only scan (page-statements.ts).
    index("listing_search_boost_idx").on(t.boost.desc(), t.listingId.desc(), t.kind, t.category, t.priceCents, t.ratingAvg),
    index("listing_search_new_idx").on(t.publishedAt.desc(), t.listingId.desc(), t.kind, t.category, t.priceCents, t.ratingAvg),
    index("listing_search_popular_idx").on(t.salesCount.desc(), t.listingId.desc(), t.kind, t.category, t.priceCents, t.ratingAvg),
    index("listing_search_rating_idx").on(t.ratingAvg.desc(), t.listingId.desc(), t.kind, t.category, t.priceCents),
    index("listing_search_price_idx").on(t.priceCents, t.listingId, t.kind, t.category, t.ratingAvg),
    // A price order under a kind: that kind's listings in price order, from the range's start (page-statements.ts).
    index("listing_search_kind_price_idx").on(t.kind, t.priceCents, t.listingId, t.category, t.ratingAvg),
    // The same orders over rated listings only (5 in 6 listings have no rating at 1M): a walk under a minimum rating
    // reads these, so it neither reads the unrated majority nor walks to the end of an order that has none left to show.
    index("listing_search_boost_rated_idx")
      .on(t.boost.desc(), t.listingId.desc(), t.kind, t.category, t.priceCents, t.ratingAvg)
      .where(sql`${t.ratingAvg} > 0`),
    index("listing_search_new_rated_idx")
      .on(t.publishedAt.desc(), t.listingId.desc(), t.kind, t.category, t.priceCents, t.ratingAvg)
      .where(sql`${t.ratingAvg} > 0`),
    index("listing_search_popular_rated_idx")
      .on(t.salesCount.desc(), t.listingId.desc(), t.kind, t.category, t.priceCents, t.ratingAvg)
      .where(sql`${t.ratingAvg} > 0`),
    index("listing_search_price_rated_idx")
      .on(t.priceCents, t.listingId, t.kind, t.category, t.ratingAvg)
      .where(sql`${t.ratingAvg} > 0`),
    index("listing_search_kind_price_rated_idx")
      .on(t.kind, t.priceCents, t.listingId, t.category, t.ratingAvg)
      .where(sql`${t.ratingAvg} > 0`),
    // A listing page's related listings: its category's best sellers, read from the top (lib/catalog/listing.ts).
    index("listing_search_category_popular_idx").on(t.category, t.salesCount.desc(), t.listingId.desc()),
    index("listing_search_facets_idx").on(t.kind, t.category, t.priceCents, t.ratingAvg),
    index("listing_search_creator_idx").on(t.creatorId),
  ],
);

// Published listings counted per (kind, category, price, rating): facets without a text query sum these few
// thousand cells instead of scanning the catalog. Kept in step by triggers on listing_search (0006).
export const listingFacetCounts = pgTable(
  "listing_facet_counts",
  {
    kind: listingKind().notNull(),
    category: text().notNull(),
    priceCents: integer().notNull(),
    ratingAvg: numeric({ precision: 3, scale: 2, mode: "number" }).notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.category, t.priceCents, t.ratingAvg] })],
);

// Frequent one-word queries (a word in hundreds of listings or more), as the tsquery a search sends for them.
// Their facet counts are kept per cell like listing_facet_counts, so a query matching half the catalog sums a
// few thousand cells instead of counting tens of thousands of rows. Kept in step by the same triggers (0011).
const tsquery = customType<{ data: string }>({ dataType: () => "tsquery" });

export const searchTokenKeys = pgTable("search_token_keys", {
  // to_tsquery('english', word)::text, e.g. 'past' for "paste".
  key: text().primaryKey(),
  query: tsquery().notNull(),
});

export const searchTokenFacets = pgTable(
  "search_token_facets",
  {
    key: text()
      .notNull()
      .references(() => searchTokenKeys.key, { onDelete: "cascade" }),
    kind: listingKind().notNull(),
    category: text().notNull(),
    priceCents: integer().notNull(),
    ratingAvg: numeric({ precision: 3, scale: 2, mode: "number" }).notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.kind, t.category, t.priceCents, t.ratingAvg] })],
);
