// Reads for the creator's dashboard: the creator's listings table and one listing with its versions for the editor.
// Suspended creators may still read their own listings (they can't change them).
import "server-only";
import { and, asc, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { files, listings, listingVersions, type Listing, type ListingStatus, type ListingVersion } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/uuid";
import { readDraft, type ContentDraft } from "./content-draft";
import type { Kind } from "./kinds";
import { revisionState, type RevisionState } from "./revisions";
import type { VersionStatus } from "./status";
import { containsPattern } from "@/lib/like-pattern";

export type CreatorListingFilter = { status?: ListingStatus | "attention"; kind?: Kind; q?: string };

export type CreatorListingRow = {
  id: string;
  slug: string;
  title: string;
  kind: Kind;
  status: ListingStatus;
  statusReason: string | null;
  priceCents: number;
  currency: string;
  coverImageId: string | null;
  salesCount: number;
  ratingAvg: number;
  ratingCount: number;
  updatedAt: Date;
  liveVersion: number | null;
  draftVersion: number | null;
  pendingVersion: number | null;
  rejectedVersion: number | null;
  /** Changes to the public details wait for approval (lib/listings/revisions.ts). */
  detailsPending: boolean;
};

/** Listings on a page of the dashboard's listings table (/dashboard/listings). */
export const DASHBOARD_PAGE_SIZE = 25;

/**
 * The creator's listings, most recently edited first, with where each stands on versions: `limit` of them from
 * `offset` on (by default the first 500).
 */
export async function creatorListings(
  db: Db,
  actor: Actor | null,
  filter: CreatorListingFilter = {},
  range: { limit: number; offset: number } = { limit: 500, offset: 0 },
): Promise<CreatorListingRow[]> {
  const user = assertSignedIn(actor);
  // Qualified by hand: inside these subqueries an unqualified "id" would mean listing_versions.id.
  const outerId = sql.raw(`"listings"."id"`);
  const versionOf = (status: VersionStatus) =>
    sql<number | null>`(select max(v.number) from listing_versions v where v.listing_id = ${outerId} and v.review_status = ${status})`;
  const conditions = [eq(listings.creatorId, user.id)];
  if (filter.status === "attention") conditions.push(inArray(listings.status, ["rejected", "draft"]));
  else if (filter.status) conditions.push(eq(listings.status, filter.status));
  if (filter.kind) conditions.push(eq(listings.kind, filter.kind));
  if (filter.q?.trim()) conditions.push(ilike(listings.title, containsPattern(filter.q.trim())));
  return db
    .select({
      id: listings.id,
      slug: listings.slug,
      title: listings.title,
      kind: listings.kind,
      status: listings.status,
      statusReason: listings.statusReason,
      priceCents: listings.priceCents,
      currency: listings.currency,
      coverImageId: listings.coverImageId,
      salesCount: listings.salesCount,
      ratingAvg: sql<number>`${listings.ratingAvg}::float8`.mapWith(Number),
      ratingCount: listings.ratingCount,
      updatedAt: listings.updatedAt,
      liveVersion: sql<number | null>`(select v.number from listing_versions v where v.id = "listings"."current_version_id")`,
      draftVersion: versionOf("draft"),
      pendingVersion: versionOf("pending_review"),
      rejectedVersion: sql<number | null>`(select max(v.number) from listing_versions v where v.listing_id = ${outerId} and v.review_status = 'rejected'
        and v.number > coalesce((select max(a.number) from listing_versions a where a.listing_id = ${outerId} and a.review_status <> 'rejected'), 0))`,
      detailsPending: sql<boolean>`exists (select 1 from listing_revisions r where r.listing_id = ${outerId} and r.status = 'pending')`,
    })
    .from(listings)
    .where(and(...conditions))
    .orderBy(desc(listings.updatedAt), desc(listings.id))
    .limit(range.limit)
    .offset(range.offset);
}

/**
 * Page `page` (from 1) of the creator's listings, DASHBOARD_PAGE_SIZE to a page, and whether another page follows: a
 * creator with hundreds of listings gets a table of 25 at a time, not one page of up to 500 rows (at 50 rows a page
 * was 270 KB of HTML).
 */
export async function creatorListingsPage(
  db: Db,
  actor: Actor | null,
  filter: CreatorListingFilter,
  page: number,
): Promise<{ rows: CreatorListingRow[]; hasNext: boolean }> {
  const rows = await creatorListings(db, actor, filter, { limit: DASHBOARD_PAGE_SIZE + 1, offset: (Math.max(1, page) - 1) * DASHBOARD_PAGE_SIZE });
  return { rows: rows.slice(0, DASHBOARD_PAGE_SIZE), hasNext: rows.length > DASHBOARD_PAGE_SIZE };
}

/** Counts per status for the filter tabs. */
export async function creatorStatusCounts(db: Db, actor: Actor | null): Promise<Partial<Record<ListingStatus, number>>> {
  const user = assertSignedIn(actor);
  const rows = await db
    .select({ status: listings.status, n: sql<number>`count(*)::int` })
    .from(listings)
    .where(eq(listings.creatorId, user.id))
    .groupBy(listings.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** A version as the editor lists it; the approval fields are the `review_status`, `review_reason`, `reviewed_at` columns. */
export type VersionSummary = Pick<ListingVersion, "id" | "number" | "changelog" | "submittedAt" | "createdAt" | "updatedAt"> & {
  approvalStatus: VersionStatus;
  /** The admin's note on approval, or the reason for a rejection. */
  approvalNote: string | null;
  decidedAt: Date | null;
  isLive: boolean;
};

export type EditorListing = {
  listing: Listing;
  versions: VersionSummary[];
  /** The draft version being edited, if any. */
  draft: (VersionSummary & { content: ContentDraft; fileId: string | null }) | null;
  /** What the content editor starts from: the draft, else a just-rejected version, else the live version. */
  startingContent: ContentDraft;
  startingChangelog: string;
  /** The latest version if it was rejected, with the admin's reason. */
  lastRejection: { number: number; reason: string } | null;
  /** The number the next edit will get. */
  nextNumber: number;
  file: { id: string; filename: string; byteSize: number; sha256: string; contentType: string } | null;
  /** Text and cover changes of an approved listing: the pending proposal (what the details form edits) and the last rejection. */
  revision: RevisionState;
};

/** One of the actor's listings with everything the editor shows, or null (also for another creator's id). */
export async function listingForEditor(db: Db, actor: Actor | null, listingId: string): Promise<EditorListing | null> {
  const user = assertSignedIn(actor);
  if (!isUuid(listingId)) return null;
  const [listing] = await db
    .select()
    .from(listings)
    .where(and(eq(listings.id, listingId), eq(listings.creatorId, user.id)))
    .limit(1);
  if (!listing) return null;
  const rows = await db.select().from(listingVersions).where(eq(listingVersions.listingId, listing.id)).orderBy(asc(listingVersions.number));
  const summary = (v: ListingVersion): VersionSummary => ({
    id: v.id,
    number: v.number,
    approvalStatus: v.reviewStatus,
    approvalNote: v.reviewReason,
    changelog: v.changelog,
    submittedAt: v.submittedAt,
    decidedAt: v.reviewedAt,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    isLive: v.id === listing.currentVersionId,
  });
  const draftRow = rows.find((v) => v.reviewStatus === "draft");
  const live = rows.find((v) => v.id === listing.currentVersionId);
  const latest = rows[rows.length - 1];
  // After a rejection, the next edit starts from what was rejected (to fix it), not from the live version.
  const rejected = latest?.reviewStatus === "rejected" ? latest : undefined;
  const base = draftRow ?? rejected ?? live ?? latest;
  const lastSubmitted = [...rows].reverse().find((v) => v.reviewStatus !== "draft");
  const fileId = base?.fileId ?? null;
  let file: EditorListing["file"] = null;
  if (fileId) {
    const [f] = await db
      .select({ id: files.id, filename: files.filename, byteSize: files.byteSize, sha256: files.sha256, contentType: files.contentType })
      .from(files)
      .where(eq(files.id, fileId))
      .limit(1);
    file = f ?? null;
  }
  return {
    listing,
    versions: rows.map(summary).reverse(),
    draft: draftRow ? { ...summary(draftRow), content: readDraft(listing.kind, draftRow.content), fileId: draftRow.fileId } : null,
    startingContent: readDraft(listing.kind, base?.content),
    startingChangelog: draftRow?.changelog ?? rejected?.changelog ?? "",
    lastRejection: lastSubmitted?.reviewStatus === "rejected" ? { number: lastSubmitted.number, reason: lastSubmitted.reviewReason ?? "" } : null,
    nextNumber: draftRow ? draftRow.number : (latest?.number ?? 0) + 1,
    file,
    revision: await revisionState(db, listing),
  };
}
