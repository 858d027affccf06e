// What creators sell: listings, their versions (the paid content, approved one by one) and daily view counters.
import { sql, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  numeric,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { tsvector, createdAt, updatedAt, currency, primaryId, requiredRef } from "./columns";
import { images, files } from "./media";
import { users, creatorProfiles } from "./users-and-creators";

export const listingKind = pgEnum("listing_kind", ["prompt", "preset", "template", "test", "model"]);

export const listingStatus = pgEnum("listing_status", ["draft", "pending_review", "published", "rejected", "unpublished", "removed"]);

export const versionStatus = pgEnum("version_status", ["draft", "pending_review", "approved", "rejected"]);

export const listings = pgTable(
  "listings",
  {
    id: primaryId(),
    creatorId: requiredRef(() => creatorProfiles.userId, "restrict"),
    slug: text().notNull(),
    kind: listingKind().notNull(),
    status: listingStatus().notNull().default("draft"),
    title: text().notNull(),
    summary: text().notNull().default(""),
    description: text().notNull().default(""),
    category: text().notNull(),
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    priceCents: integer().notNull().default(0),
    currency: currency(),
    coverImageId: uuid().references(() => images.id, { onDelete: "set null" }),
    // Public preview per kind (example outputs, sample question, field names…): never paid content.
    preview: jsonb().notNull().default({}),
    currentVersionId: uuid().references((): AnyPgColumn => listingVersions.id, { onDelete: "set null" }),
    ratingSum: integer().notNull().default(0),
    ratingCount: integer().notNull().default(0),
    ratingAvg: numeric({ precision: 3, scale: 2, mode: "number" })
      .notNull()
      .generatedAlwaysAs(sql`case when rating_count > 0 then round(rating_sum::numeric / rating_count, 2) else 0 end`),
    salesCount: integer().notNull().default(0),
    statusReason: text(),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Weighted full-text document: title and tags rank above summary, summary above description. Copied into
    // listing_search.body, whose GIN index is what search reads; this column has no index of its own.
    search: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, agora_tags_text(tags)), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'C') || setweight(to_tsvector('english'::regconfig, left(coalesce(description, ''), 20000)), 'D')`,
      ),
  },
  (t) => [
    uniqueIndex("listings_slug_key").on(t.slug),
    index("listings_creator_idx").on(t.creatorId, t.status),
    index("listings_published_new_idx")
      .on(t.publishedAt.desc(), t.id.desc())
      .where(sql`status = 'published'`),
    index("listings_published_popular_idx")
      .on(t.salesCount.desc(), t.id.desc())
      .where(sql`status = 'published'`),
    index("listings_published_rating_idx")
      .on(t.ratingAvg.desc(), t.id.desc())
      .where(sql`status = 'published'`),
    index("listings_published_price_idx")
      .on(t.priceCents, t.id)
      .where(sql`status = 'published'`),
    index("listings_published_kind_category_idx")
      .on(t.kind, t.category)
      .where(sql`status = 'published'`),
    index("listings_status_idx").on(t.status, t.updatedAt),
    check("listings_price_range", sql`${t.priceCents} >= 0 and ${t.priceCents} <= 100000`),
    check("listings_currency_shape", sql`${t.currency} ~ '^[a-z]{3}$'`),
    check("listings_rating_counts", sql`${t.ratingCount} >= 0 and ${t.ratingSum} >= 0 and ${t.salesCount} >= 0`),
    check("listings_slug_shape", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export const listingVersions = pgTable(
  "listing_versions",
  {
    id: primaryId(),
    listingId: requiredRef(() => listings.id, "cascade"),
    number: integer().notNull(),
    // The paid part: a ListingContent (lib/listings/content.ts) for the listing's kind.
    content: jsonb().notNull(),
    changelog: text().notNull().default(""),
    fileId: uuid().references(() => files.id, { onDelete: "restrict" }),
    // The License (lib/licenses) this version is sold under, chosen by the creator; null until chosen (submission
    // refuses it). Immutable with the version once submitted: a buyer keeps the license of the version they bought.
    license: jsonb(),
    reviewStatus: versionStatus().notNull().default("draft"),
    reviewReason: text(),
    reviewedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp({ withTimezone: true }),
    reviewedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("listing_versions_listing_number_key").on(t.listingId, t.number),
    index("listing_versions_review_idx").on(t.reviewStatus, t.submittedAt),
    check("listing_versions_number_positive", sql`${t.number} >= 1`),
    check("listing_versions_license_rights", sql`${t.license} is null or jsonb_typeof(${t.license}->'commercialUse') = 'boolean'`),
  ],
);

// Views are batched into daily counters rather than written per page view.
export const listingDailyStats = pgTable(
  "listing_daily_stats",
  {
    listingId: requiredRef(() => listings.id, "cascade"),
    day: date({ mode: "string" }).notNull(),
    views: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.listingId, t.day] })],
);

export type Listing = InferSelectModel<typeof listings>;
export type NewListing = InferInsertModel<typeof listings>;
export type ListingVersion = InferSelectModel<typeof listingVersions>;
export type ListingKind = (typeof listingKind.enumValues)[number];
export type ListingStatus = (typeof listingStatus.enumValues)[number];
