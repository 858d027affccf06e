// What a buyer owns, with the version bought and whether a newer approved version has been released since.
import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { creatorProfiles, listings, listingVersions, orders, type ListingKind, type ListingStatus } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { ENTITLING_STATUSES } from "@/lib/orders/entitlement";

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

/** Every listing the actor owns (paid or disputed order), newest purchase first. Suspended users keep their library. */
export async function libraryItems(db: Db, actor: Actor | null): Promise<LibraryItem[]> {
  const user = assertSignedIn(actor);
  const rows = await db
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
      createdAt: orders.createdAt,
      unsafe: sql<boolean>`${listings.status} = 'removed' and coalesce((select r.reason = 'malicious_file' from reports r
        where r.listing_id = ${listings.id} and r.resolution = 'listing_removed' order by r.resolved_at desc nulls last limit 1), false)`,
    })
    .from(orders)
    .innerJoin(listings, eq(listings.id, orders.listingId))
    .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
    .innerJoin(purchased, eq(purchased.id, orders.versionId))
    .leftJoin(current, and(eq(current.id, listings.currentVersionId), eq(current.reviewStatus, "approved")))
    .where(and(eq(orders.buyerId, user.id), inArray(orders.status, [...ENTITLING_STATUSES])))
    .orderBy(desc(orders.paidAt), desc(orders.createdAt));
  return rows.map(({ createdAt: _createdAt, unsafe, ...r }) => ({
    ...r,
    updated: r.currentVersion !== null && r.currentVersion > r.purchasedVersion,
    removed: r.listingStatus === "removed",
    withdrawn: Boolean(unsafe),
  }));
}
