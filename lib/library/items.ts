// What a buyer owns, with the version bought and whether a newer approved version has been released since.
import "server-only";
import { and, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { creatorProfiles, listings, listingVersions, orders, type ListingKind, type ListingStatus } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { ENTITLING_STATUSES } from "@/lib/orders/entitlement";
import { isUuid } from "@/lib/uuid";
import { countedPage, pageOffset, pageParamSchema, searchParamSchema, type CountedPage } from "@/lib/paging";
import { containsPattern } from "@/lib/like-pattern";

export type LibraryItem = {
  orderId: string;
  listingId: string;
  slug: string;
  title: string;
  kind: ListingKind;
  listingStatus: ListingStatus;
  coverImageId: string | null;
  creatorName: string;
  purchasedAt: Date | null;
  purchasedVersion: number;
  currentVersion: number | null;
  /**
   * The listing's current approved version is newer than the one bought. (No "last opened" is stored
   * yet, so the badge stays until the buyer's purchase snapshot catches up — see the issue note.)
   */
  updated: boolean;
  /** Removed from the catalog by moderators: the buyer still opens what they bought. */
  removed: boolean;
  /** Removed as a malicious or unsafe file: listed so the buyer knows what happened, but not openable. */
  withdrawn: boolean;
};

const purchased = alias(listingVersions, "purchased_version");
const current = alias(listingVersions, "current_version");

/** Items a page of /library shows (a grid of 2 or 3 columns). */
export const LIBRARY_PAGE_SIZE = 24;
/** A library longer than this (two rows of three) gets a title search. */
export const LIBRARY_SEARCH_FROM = 6;

/** What a page of the library can ask for: a page number, words of a title, only what was updated since bought. */
export const libraryFilterSchema = z.object({
  /** Words of a title (the first 100 characters of what was typed; blank is no search). */
  q: searchParamSchema,
  /** `updated=1`: only listings with a newer approved version than the one bought. */
  updated: z
    .literal("1")
    .transform(() => true)
    .optional()
    .catch(undefined),
  page: pageParamSchema,
});
export type LibraryFilter = z.infer<typeof libraryFilterSchema>;

/** A newer approved version is out than the one bought (the `current` and `purchased` joins of ownedItems). */
const UPDATED = sql`${current.number} > ${purchased.number}`;

/** The actor's owned listings (a paid or disputed order), narrowed to a title search and to updated ones. */
function ownedBy(userId: string, filter: Pick<LibraryFilter, "q" | "updated"> = {}): SQL | undefined {
  const title = filter.q?.trim();
  return and(
    eq(orders.buyerId, userId),
    inArray(orders.status, [...ENTITLING_STATUSES]),
    title ? ilike(listings.title, containsPattern(title)) : undefined,
    filter.updated ? UPDATED : undefined,
  );
}

/** When an owned listing was bought (an order without a payment time sorts as the oldest). */
const PURCHASED_AT = sql`coalesce(${orders.paidAt}, '-infinity'::timestamptz)`;

/** The actor's owned listings under `where`, newest purchase first (the order id breaks ties, so pages are stable). */
async function ownedItems(db: Db, where: SQL | undefined, page?: { limit: number; offset: number }): Promise<LibraryItem[]> {
  const query = db
    .select({
      orderId: orders.id,
      listingId: listings.id,
      slug: listings.slug,
      title: listings.title,
      kind: listings.kind,
      listingStatus: listings.status,
      coverImageId: listings.coverImageId,
      creatorName: creatorProfiles.displayName,
      purchasedAt: orders.paidAt,
      purchasedVersion: purchased.number,
      currentVersion: current.number,
      unsafe: sql<boolean>`${listings.status} = 'removed' and coalesce((select r.reason = 'malicious_file' from reports r
        where r.listing_id = ${listings.id} and r.resolution = 'listing_removed' order by r.resolved_at desc nulls last limit 1), false)`,
    })
    .from(orders)
    .innerJoin(listings, eq(listings.id, orders.listingId))
    .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
    .innerJoin(purchased, eq(purchased.id, orders.versionId))
    .leftJoin(current, and(eq(current.id, listings.currentVersionId), eq(current.reviewStatus, "approved")))
    .where(where)
    .orderBy(desc(PURCHASED_AT), desc(orders.id));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  return rows.map(({ unsafe, ...r }) => ({
    ...r,
    updated: r.currentVersion !== null && r.currentVersion > r.purchasedVersion,
    removed: r.listingStatus === "removed",
    withdrawn: Boolean(unsafe),
  }));
}

/** Every listing the actor owns (paid or disputed order), newest purchase first. Suspended users keep their library. */
export async function libraryItems(db: Db, actor: Actor | null): Promise<LibraryItem[]> {
  const user = assertSignedIn(actor);
  return ownedItems(db, ownedBy(user.id));
}

export type LibraryPage = CountedPage<LibraryItem> & {
  /** Everything the actor owns, and how many of those have a newer version out (whatever the title search). */
  owned: number;
  updated: number;
};

/**
 * One page of the actor's library, newest purchase first, LIBRARY_PAGE_SIZE a page, narrowed to titles containing
 * `q` and to what was updated since bought; with the count of what matches, of everything owned and of what was
 * updated.
 */
export async function libraryItemsPage(db: Db, actor: Actor | null, filter: LibraryFilter): Promise<LibraryPage> {
  const user = assertSignedIn(actor);
  const { page, offset } = pageOffset(filter.page ?? 1, LIBRARY_PAGE_SIZE);
  const count = (where: SQL | undefined) =>
    db
      .select({
        n: sql<number>`count(*)::int`,
        updated: sql<number>`(count(*) filter (where ${UPDATED}))::int`,
      })
      .from(orders)
      .innerJoin(listings, eq(listings.id, orders.listingId))
      .innerJoin(purchased, eq(purchased.id, orders.versionId))
      .leftJoin(current, and(eq(current.id, listings.currentVersionId), eq(current.reviewStatus, "approved")))
      .where(where);
  const narrowed = Boolean(filter.q || filter.updated);
  const [rows, [all], matching] = await Promise.all([
    ownedItems(db, ownedBy(user.id, filter), { limit: LIBRARY_PAGE_SIZE, offset }),
    count(ownedBy(user.id)),
    narrowed ? count(ownedBy(user.id, filter)) : null,
  ]);
  const owned = all?.n ?? 0;
  const total = narrowed ? (matching?.[0]?.n ?? 0) : owned;
  return { ...countedPage(rows, page, total, LIBRARY_PAGE_SIZE), owned, updated: all?.updated ?? 0 };
}

/**
 * Up to `limit` owned listings after the one bought by order `after` (none: from the newest), in the library's order,
 * narrowed as the library page narrows (`filter`: title words, updated since bought), and whether more follow. Null
 * when `after` is not an order in the actor's library (altered, or refunded since); it may be one the filter leaves
 * out (the page goes on from where it was bought).
 */
export async function libraryItemsAfter(
  db: Db,
  actor: Actor | null,
  after: string | null,
  limit: number,
  filter: Pick<LibraryFilter, "q" | "updated"> = {},
): Promise<{ items: LibraryItem[]; more: boolean } | null> {
  const user = assertSignedIn(actor);
  let from: SQL | undefined;
  if (after !== null) {
    if (!isUuid(after)) return null;
    const [cursor] = await db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.id, after), ownedBy(user.id)));
    if (!cursor) return null;
    from = sql`(${PURCHASED_AT}, ${orders.id}) < (select coalesce(c.paid_at, '-infinity'::timestamptz), c.id from orders c where c.id = ${after}::uuid)`;
  }
  const rows = await ownedItems(db, and(ownedBy(user.id, filter), from), { limit: limit + 1, offset: 0 });
  return { items: rows.slice(0, limit), more: rows.length > limit };
}
