// The admin's view of one listing in any status: what it is and who sells it, its versions, the changes waiting for
// approval, the reports about it or its reviews, and its audit history — the page an admin acts on it from.
import "server-only";
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  auditLog,
  creatorProfiles,
  listingRevisions,
  listings,
  listingVersions,
  reports,
  reviews,
  users,
  type ListingStatus,
  type Report,
  type UserStatus,
} from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { Kind } from "@/lib/listings/kinds";
import type { VersionStatus } from "@/lib/listings/status";
import { isUuid } from "@/lib/uuid";

/** Rows each of the page's records shows (the newest); each links to its whole list where one exists. */
export const LISTING_DETAIL_ROWS = 20;

export type AdminListingVersion = {
  id: string;
  number: number;
  reviewStatus: VersionStatus;
  reviewReason: string | null;
  changelog: string;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  live: boolean;
};

export type AdminListingReport = Pick<Report, "id" | "targetType" | "reason" | "status" | "resolution" | "createdAt"> & { reporterName: string };

export type AdminListingAudit = {
  id: number;
  action: string;
  actorEmail: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
};

export type AdminListingDetail = {
  listing: {
    id: string;
    slug: string;
    title: string;
    summary: string;
    kind: Kind;
    category: string;
    status: ListingStatus;
    statusReason: string | null;
    priceCents: number;
    currency: string;
    salesCount: number;
    ratingAvg: number;
    ratingCount: number;
    publishedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
  };
  creator: { id: string; name: string; handle: string; status: UserStatus };
  versions: AdminListingVersion[];
  /** Changes to a live listing's details waiting for approval (at most one at a time). */
  pendingRevisionId: string | null;
  reports: AdminListingReport[];
  openReports: number;
  /** The open case a counter-notice reopened about the listing's removal: it is decided there, not restored here. */
  counterNoticeReportId: string | null;
  audit: AdminListingAudit[];
};

/** One listing as an admin sees it, whatever its status, or null when there is no such listing. */
export async function adminListingDetail(db: Db, actor: Actor | null, listingId: string): Promise<AdminListingDetail | null> {
  assertAdmin(actor);
  if (!isUuid(listingId)) return null;
  const [row] = await db
    .select({
      listing: {
        id: listings.id,
        slug: listings.slug,
        title: listings.title,
        summary: listings.summary,
        kind: listings.kind,
        category: listings.category,
        status: listings.status,
        statusReason: listings.statusReason,
        priceCents: listings.priceCents,
        currency: listings.currency,
        salesCount: listings.salesCount,
        ratingAvg: listings.ratingAvg,
        ratingCount: listings.ratingCount,
        publishedAt: listings.publishedAt,
        createdAt: listings.createdAt,
        updatedAt: listings.updatedAt,
        currentVersionId: listings.currentVersionId,
      },
      creator: { id: creatorProfiles.userId, name: creatorProfiles.displayName, handle: creatorProfiles.handle, status: users.status },
    })
    .from(listings)
    .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
    .innerJoin(users, eq(users.id, listings.creatorId))
    .where(eq(listings.id, listingId))
    .limit(1);
  if (!row) return null;
  const { currentVersionId, ...listing } = row.listing;

  // A report is about this listing, or about one of its reviews.
  const aboutIt = or(
    eq(reports.listingId, listingId),
    inArray(reports.reviewId, db.select({ id: reviews.id }).from(reviews).where(eq(reviews.listingId, listingId))),
  );
  // The audit log names the listing, or one of its versions (approvals and rejections).
  const versionIds = db
    .select({ id: sql<string>`${listingVersions.id}::text` })
    .from(listingVersions)
    .where(eq(listingVersions.listingId, listingId));
  const [versions, [revision], listingReports, [open], audit] = await Promise.all([
    db
      .select({
        id: listingVersions.id,
        number: listingVersions.number,
        reviewStatus: listingVersions.reviewStatus,
        reviewReason: listingVersions.reviewReason,
        changelog: listingVersions.changelog,
        submittedAt: listingVersions.submittedAt,
        reviewedAt: listingVersions.reviewedAt,
      })
      .from(listingVersions)
      .where(eq(listingVersions.listingId, listingId))
      .orderBy(desc(listingVersions.number))
      .limit(LISTING_DETAIL_ROWS),
    db
      .select({ id: listingRevisions.id })
      .from(listingRevisions)
      .where(and(eq(listingRevisions.listingId, listingId), eq(listingRevisions.status, "pending")))
      .limit(1),
    db
      .select({
        id: reports.id,
        targetType: reports.targetType,
        reason: reports.reason,
        status: reports.status,
        resolution: reports.resolution,
        createdAt: reports.createdAt,
        reporterName: users.name,
      })
      .from(reports)
      .innerJoin(users, eq(users.id, reports.reporterId))
      .where(aboutIt)
      .orderBy(desc(reports.createdAt), desc(reports.id))
      .limit(LISTING_DETAIL_ROWS),
    db
      .select({
        n: sql<number>`count(*)::int`,
        // A removal the creator has answered: the case their counter-notice reopened (at most one is open at a time).
        counterNotice: sql<string | null>`max(${reports.id}::text) filter (where ${reports.counterNoticeAt} is not null and ${reports.targetType} = 'listing')`,
      })
      .from(reports)
      .where(and(aboutIt, eq(reports.status, "open"))),
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        actorEmail: sql<string | null>`(select email from users a where a.id = ${auditLog.actorId})`,
        details: auditLog.details,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .where(
        or(
          and(eq(auditLog.targetType, "listing"), eq(auditLog.targetId, listingId)),
          and(eq(auditLog.targetType, "listing_version"), inArray(auditLog.targetId, versionIds)),
        ),
      )
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(LISTING_DETAIL_ROWS),
  ]);
  return {
    listing,
    creator: row.creator,
    versions: versions.map((v) => ({ ...v, live: v.id === currentVersionId })),
    pendingRevisionId: revision?.id ?? null,
    reports: listingReports,
    openReports: Number(open?.n ?? 0),
    counterNoticeReportId: open?.counterNotice ?? null,
    audit: audit.map((a) => ({ ...a, details: (a.details ?? {}) as Record<string, unknown> })),
  };
}

/** A listing's title for an admin page that names it (the order list narrowed to it), or null when there is none. */
export async function adminListingTitle(db: Db, actor: Actor | null, listingId: string): Promise<string | null> {
  assertAdmin(actor);
  if (!isUuid(listingId)) return null;
  const [row] = await db.select({ title: listings.title }).from(listings).where(eq(listings.id, listingId)).limit(1);
  return row?.title ?? null;
}
