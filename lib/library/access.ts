// The delivery gate: who may open a listing's paid content in the library, and which versions they see.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listings, listingVersions, reports, type ListingKind, type ListingStatus, type ListingVersion } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { contentRelation, type ContentRelation } from "@/lib/orders/entitlement";
import { isUuid } from "@/lib/uuid";

export type DeliveryListing = {
  id: string;
  slug: string;
  title: string;
  kind: ListingKind;
  status: ListingStatus;
  creatorId: string;
  currentVersionId: string | null;
};

/** The listing and the actor's relation to it (an owner's comes with the entitling order). */
export type Delivery = { listing: DeliveryListing } & ContentRelation;

export function notFound(): DomainError {
  return new DomainError("not_found");
}

/**
 * The listing and how the actor may read it; anyone else gets "not found", never a hint that it exists.
 * Owners keep what they bought, unpublished or removed by moderators, unless it was removed as a malicious or unsafe
 * file: then it is withheld from owners while its creator and admins can still inspect it.
 */
export async function deliveryAccess(db: Db, actor: Actor | null, listingId: string): Promise<Delivery> {
  if (!actor || !isUuid(listingId)) throw notFound();
  const related = await contentRelation(db, actor, listingId);
  if (!related) throw notFound();
  const [listing] = await db
    .select({
      id: listings.id,
      slug: listings.slug,
      title: listings.title,
      kind: listings.kind,
      status: listings.status,
      creatorId: listings.creatorId,
      currentVersionId: listings.currentVersionId,
    })
    .from(listings)
    .where(eq(listings.id, listingId))
    .limit(1);
  if (!listing) throw notFound();
  if (related.relation === "owner" && listing.status === "removed" && (await removedAsUnsafe(db, listing.id))) {
    throw new DomainError("library.withdrawn");
  }
  return { listing, ...related };
}

/** The listing's removal came from a report of a malicious or unsafe file. */
export async function removedAsUnsafe(db: Db, listingId: string): Promise<boolean> {
  const [row] = await db
    .select({ reason: reports.reason })
    .from(reports)
    .where(and(eq(reports.listingId, listingId), eq(reports.resolution, "listing_removed")))
    .orderBy(desc(reports.resolvedAt))
    .limit(1);
  return row?.reason === "malicious_file";
}

export type VersionSummary = { id: string; number: number; changelog: string; releasedAt: Date; current: boolean };

/** Every approved version, newest first — never drafts, pending or rejected ones, whoever asks. */
export async function approvedVersions(db: Db, delivery: Delivery): Promise<VersionSummary[]> {
  const rows = await db
    .select({
      id: listingVersions.id,
      number: listingVersions.number,
      changelog: listingVersions.changelog,
      reviewedAt: listingVersions.reviewedAt,
      createdAt: listingVersions.createdAt,
    })
    .from(listingVersions)
    .where(and(eq(listingVersions.listingId, delivery.listing.id), eq(listingVersions.reviewStatus, "approved")))
    .orderBy(desc(listingVersions.number));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    changelog: r.changelog,
    releasedAt: r.reviewedAt ?? r.createdAt,
    current: r.id === delivery.listing.currentVersionId,
  }));
}

/**
 * One approved version by number, or the current one when no number is given
 * (falling back to the newest approved one if the listing has no current version set).
 */
export async function approvedVersion(db: Db, delivery: Delivery, number?: number): Promise<ListingVersion> {
  const approved = and(eq(listingVersions.listingId, delivery.listing.id), eq(listingVersions.reviewStatus, "approved"));
  if (number !== undefined) {
    if (!Number.isInteger(number) || number < 1) throw notFound();
    const [row] = await db
      .select()
      .from(listingVersions)
      .where(and(approved, eq(listingVersions.number, number)))
      .limit(1);
    if (!row) throw notFound();
    return row;
  }
  if (delivery.listing.currentVersionId) {
    const [row] = await db
      .select()
      .from(listingVersions)
      .where(and(approved, eq(listingVersions.id, delivery.listing.currentVersionId)))
      .limit(1);
    if (row) return row;
  }
  const [latest] = await db.select().from(listingVersions).where(approved).orderBy(desc(listingVersions.number)).limit(1);
  if (!latest) throw notFound();
  return latest;
}
