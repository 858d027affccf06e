// Published listings as cards: the columns every grid shows, and keyset pages of the newest.
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles, listings } from "@/db/schema";

export const listingCardColumns = {
  id: listings.id,
  slug: listings.slug,
  title: listings.title,
  summary: listings.summary,
  kind: listings.kind,
  category: listings.category,
  priceCents: listings.priceCents,
  currency: listings.currency,
  ratingAvg: listings.ratingAvg,
  ratingCount: listings.ratingCount,
  salesCount: listings.salesCount,
  coverImageId: listings.coverImageId,
  publishedAt: listings.publishedAt,
  creatorHandle: creatorProfiles.handle,
  creatorName: creatorProfiles.displayName,
};

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
  publishedAt: Date | null;
  creatorHandle: string;
  creatorName: string;
};

export const isPublished = eq(listings.status, "published");

type NewestCursor = { publishedAt: string; id: string };

export function encodeCursor(value: NewestCursor): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeNewestCursor(cursor: string | undefined | null): NewestCursor | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<NewestCursor>;
    if (typeof value.publishedAt !== "string" || typeof value.id !== "string" || Number.isNaN(Date.parse(value.publishedAt))) return null;
    if (!/^[0-9a-f-]{36}$/.test(value.id)) return null;
    return { publishedAt: value.publishedAt, id: value.id };
  } catch {
    return null;
  }
}

/** Newest published listings, keyset-paginated on (published_at, id) so pages never repeat or skip. */
export async function newestListings(db: Db, opts: { limit: number; cursor?: string | null }): Promise<{ items: ListingCard[]; nextCursor: string | null }> {
  const after = decodeNewestCursor(opts.cursor);
  const rows = await db
    .select({
      ...listingCardColumns,
      // Exact (microsecond) text of the sort key: a JS Date would round it and skip rows.
      sortKey: sql<string>`to_char(${listings.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(listings)
    .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
    .where(
      and(
        isPublished,
        after
          ? or(
              sql`${listings.publishedAt} < ${after.publishedAt}::timestamptz`,
              and(sql`${listings.publishedAt} = ${after.publishedAt}::timestamptz`, lt(listings.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(listings.publishedAt), desc(listings.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > opts.limit && last?.sortKey ? encodeCursor({ publishedAt: last.sortKey, id: last.id }) : null;
  return { items: page.map(({ sortKey: _sortKey, ...card }) => card as ListingCard), nextCursor };
}

export async function countPublished(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(listings).where(isPublished);
  return row?.n ?? 0;
}
