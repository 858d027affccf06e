// Admin actions on a published listing (ARCHITECTURE.md, "Moderation"): removal with a reason the creator is told
// (in-app and by email, with the way to answer it), and restoring it — when a counter-notice is upheld, or directly from
// the listing's admin page when a removal was a mistake.
import "server-only";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { creatorProfiles, listings, reports, users, type Listing } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { updateSearchTermsForListing } from "@/lib/catalog/terms";
import { queueEmail } from "@/lib/email/outbox";
import { DomainError, parseInput } from "@/lib/errors";
import { assertMove } from "@/lib/listings/status";
import { notify } from "@/lib/notifications/notifications";
import { isUuid, uuidSchema } from "@/lib/uuid";
import { writeAudit } from "./audit";

export const removalReasonSchema = z
  .string()
  .trim()
  .min(10, "Say why it is removed (10 characters or more).")
  .max(2000, "Keep the reason under 2,000 characters.");

export const removeInputSchema = z.object({ listingId: uuidSchema(), reason: removalReasonSchema });

export const restoreInputSchema = z.object({
  listingId: uuidSchema(),
  note: z.string().trim().min(10, "Say why it is restored (10 characters or more): the creator reads it.").max(2000, "Keep the note under 2,000 characters."),
});

export type RemovedListing = { listingId: string; slug: string; creatorHandle: string; title: string; creatorId: string };

/** Where the creator answers a removal (the dashboard editor shows the counter-notice form there). */
export const counterNoticePath = (listingId: string) => `/dashboard/listings/${listingId}#counter-notice`;

/** Locks a listing with its creator's handle and email; not found for anything else. */
export async function lockListingForModeration(tx: Db, listingId: string): Promise<{ listing: Listing; handle: string; email: string }> {
  if (!isUuid(listingId)) throw new DomainError("listing.not_found");
  const [row] = await tx
    .select({ listing: listings, handle: creatorProfiles.handle, email: users.email })
    .from(listings)
    .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
    .innerJoin(users, eq(users.id, listings.creatorId))
    .where(eq(listings.id, listingId))
    .for("update", { of: listings })
    .limit(1);
  if (!row) throw new DomainError("listing.not_found");
  return row;
}

/**
 * published → removed inside the caller's transaction: out of the catalog, search and sitemap at once (listing_search
 * follows by trigger), owners keep their library; the creator is told why, in-app and by email.
 */
export async function removeListingInTx(tx: Db, adminId: string, listingId: string, reason: string, reportId: string): Promise<RemovedListing> {
  const { listing, handle, email } = await lockListingForModeration(tx, listingId);
  assertMove(listing.status, "removed", "admin");
  await updateSearchTermsForListing(tx, listing.id, "unpublish");
  await tx.update(listings).set({ status: "removed", statusReason: reason }).where(eq(listings.id, listing.id));
  await notify(tx, {
    userId: listing.creatorId,
    type: "listing_removed",
    title: `“${listing.title}” was removed by a moderator`,
    body: `${reason}\n\nYou can answer this removal once from the listing's page in your dashboard.`,
    link: counterNoticePath(listing.id),
    data: { listingId: listing.id, reportId },
  });
  await queueEmail(tx, {
    template: "listing_removed",
    to: email,
    userId: listing.creatorId,
    data: { title: listing.title, reason, counterNoticeUrl: counterNoticePath(listing.id) },
  });
  await writeAudit(tx, {
    actorId: adminId,
    action: "listing.remove",
    targetType: "listing",
    targetId: listing.id,
    details: { reason, reportId },
  });
  return { listingId: listing.id, slug: listing.slug, creatorHandle: handle, title: listing.title, creatorId: listing.creatorId };
}

/**
 * An admin removes a listing directly (not from someone's report). The removal is recorded as a case in `reports`
 * filed by the admin and resolved at once, so the creator's counter-notice has a case to reopen like any other.
 */
export async function removeListing(db: Db, actor: Actor | null, input: z.input<typeof removeInputSchema>): Promise<RemovedListing> {
  const admin = assertAdmin(actor);
  const data = parseInput(removeInputSchema, input);
  return db.transaction(async (tx) => {
    const { listing } = await lockListingForModeration(tx, data.listingId);
    assertMove(listing.status, "removed", "admin");
    const [report] = await tx
      .insert(reports)
      .values({
        reporterId: admin.id,
        targetType: "listing",
        listingId: data.listingId,
        reason: "other",
        details: data.reason,
        status: "resolved",
        resolution: "listing_removed",
        resolutionNote: data.reason,
        resolvedBy: admin.id,
        resolvedAt: new Date(),
      })
      .returning({ id: reports.id });
    return removeListingInTx(tx, admin.id, data.listingId, data.reason, report.id);
  });
}

/** removed → published (an upheld counter-notice, or a direct restore): back in the catalog with its approved version and text. */
export async function restoreListingInTx(tx: Db, adminId: string, listingId: string, note: string, reportId: string | null): Promise<RemovedListing> {
  const { listing, handle } = await lockListingForModeration(tx, listingId);
  assertMove(listing.status, "published", "admin");
  if (!listing.currentVersionId) throw new DomainError("listing.no_live_version");
  await tx.update(listings).set({ status: "published", statusReason: null }).where(eq(listings.id, listing.id));
  await updateSearchTermsForListing(tx, listing.id, "publish");
  await writeAudit(tx, { actorId: adminId, action: "listing.restore", targetType: "listing", targetId: listing.id, details: { note, reportId } });
  return { listingId: listing.id, slug: listing.slug, creatorHandle: handle, title: listing.title, creatorId: listing.creatorId };
}

/** The case behind a listing's removal (the latest report resolved by removing it), if any. */
export async function removalCaseId(db: Db, listingId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.listingId, listingId), eq(reports.resolution, "listing_removed")))
    .orderBy(desc(reports.resolvedAt))
    .limit(1);
  return row?.id ?? null;
}

/** The open case a creator's counter-notice reopened about this listing, if one waits for a decision. */
async function pendingCounterNotice(tx: Db, listingId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.listingId, listingId), eq(reports.targetType, "listing"), eq(reports.status, "open"), isNotNull(reports.counterNoticeAt)))
    .limit(1);
  return row?.id ?? null;
}

/**
 * An admin puts a removed listing back (a removal made by mistake, or reconsidered without a counter-notice): one
 * transaction with the audit entry (`listing.restore`, with the removal's case) and the creator told, in Agora and by
 * email, with the admin's note. A removal the creator has answered is decided in its case instead, where the answer is
 * read: restoring around it would leave the counter-notice open.
 */
export async function restoreRemovedListing(db: Db, actor: Actor | null, input: z.input<typeof restoreInputSchema>): Promise<RemovedListing> {
  const admin = assertAdmin(actor);
  const data = parseInput(restoreInputSchema, input);
  return db.transaction(async (tx) => {
    const { listing, email } = await lockListingForModeration(tx, data.listingId);
    if (listing.status !== "removed") throw new DomainError("listing.not_removed");
    if (await pendingCounterNotice(tx, listing.id)) throw new DomainError("listing.counter_notice_pending");
    const restored = await restoreListingInTx(tx, admin.id, listing.id, data.note, await removalCaseId(tx, listing.id));
    await notify(tx, {
      userId: listing.creatorId,
      type: "listing_restored",
      title: `“${listing.title}” is back in the catalog`,
      body: data.note,
      link: `/dashboard/listings/${listing.id}`,
      data: { listingId: listing.id },
    });
    await queueEmail(tx, {
      template: "listing_restored",
      to: email,
      userId: listing.creatorId,
      data: { title: listing.title, note: data.note, listingUrl: `/l/${listing.slug}` },
    });
    return restored;
  });
}
