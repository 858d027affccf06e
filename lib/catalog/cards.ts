// Published listings as cards: the JSON-safe shape every grid shows, and the drizzle columns that produce it.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { creatorProfiles, listings } from "@/db/schema";

export type ListingCard = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  kind: "prompt" | "preset" | "template" | "test" | "model";
  category: string;
  priceCents: number;
  currency: string;
  ratingAvg: number;
  ratingCount: number;
  salesCount: number;
  coverImageId: string | null;
  /** Exact UTC text (microseconds): cards pass through Next's data cache, which keeps JSON only. */
  publishedAt: string | null;
  creatorHandle: string;
  creatorName: string;
};

/** Drizzle columns for a ListingCard (join creator_profiles on the listing's creator). */
export const listingCardColumns = {
  id: listings.id,
  slug: listings.slug,
  title: listings.title,
  summary: listings.summary,
  kind: listings.kind,
  category: listings.category,
  priceCents: listings.priceCents,
  currency: listings.currency,
  ratingAvg: sql<number>`${listings.ratingAvg}::float8`.mapWith(Number),
  ratingCount: listings.ratingCount,
  salesCount: listings.salesCount,
  coverImageId: listings.coverImageId,
  publishedAt: sql<string | null>`to_char(${listings.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  creatorHandle: creatorProfiles.handle,
  creatorName: creatorProfiles.displayName,
};

export const isPublished = eq(listings.status, "published");
