// Approving and rejecting submitted versions (the queue itself is lib/moderation/queue.ts). Approval publishes a first
// version or switches the live version, notifies the creator (and every owner for updates) and writes the audit trail.
import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { creatorProfiles, files, listings, listingVersions, users, type Listing, type ListingVersion } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { updateSearchTermsForListing } from "@/lib/catalog/terms";
import { DomainError, parseInput } from "@/lib/errors";
import { readLicense, type License } from "@/lib/licenses/licenses";
import { listingContentSchema, type ListingContent } from "@/lib/listings/content";
import { notifyOwners } from "@/lib/listings/owners";
import { buildPreview } from "@/lib/listings/preview";
import { assertMove, type VersionStatus } from "@/lib/listings/status";
import { isUuid, uuidSchema } from "@/lib/uuid";
import { notify } from "@/lib/notifications/notifications";
import { writeAudit } from "./audit";
import { contentLines, lineDiff, type DiffLine } from "./diff";

export const approveInputSchema = z.object({
  versionId: uuidSchema(),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").default(""),
});

export const rejectInputSchema = z.object({
  versionId: uuidSchema(),
  reason: z.string().trim().min(10, "Tell the creator what to change (10 characters or more).").max(2000, "Keep the reason under 2,000 characters."),
});

export type ApprovalItem = {
  /** `approvalStatus` and `approvalNote` are the `review_status` and `review_reason` columns. */
  version: { id: string; number: number; changelog: string; approvalStatus: VersionStatus; submittedAt: Date | null; approvalNote: string | null };
  content: ListingContent | null;
  listing: Pick<
    Listing,
    "id" | "slug" | "kind" | "status" | "title" | "summary" | "description" | "category" | "tags" | "priceCents" | "currency" | "coverImageId"
  >;
  creator: { handle: string; displayName: string; email: string; status: string };
  live: { number: number; content: ListingContent | null } | null;
  diff: DiffLine[] | null;
  file: { id: string; filename: string; byteSize: number; sha256: string; contentType: string } | null;
  /** The license this version is submitted under (lib/licenses): approving it makes it what buyers get. */
  license: License | null;
};

function readContent(value: unknown): ListingContent | null {
  const parsed = listingContentSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Everything an admin needs to decide on one submitted version: full content, listing, and the diff to live. */
export async function approvalItem(db: Db, actor: Actor | null, versionId: string): Promise<ApprovalItem | null> {
  assertAdmin(actor);
  if (!isUuid(versionId)) return null;
  const [row] = await db
    .select({
      version: listingVersions,
      listing: listings,
      handle: creatorProfiles.handle,
      displayName: creatorProfiles.displayName,
      email: users.email,
      userStatus: users.status,
    })
    .from(listingVersions)
    .innerJoin(listings, eq(listings.id, listingVersions.listingId))
    .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
    .innerJoin(users, eq(users.id, listings.creatorId))
    .where(eq(listingVersions.id, versionId))
    .limit(1);
  if (!row || row.version.reviewStatus === "draft") return null;
  const content = readContent(row.version.content);
  let live: ApprovalItem["live"] = null;
  if (row.listing.currentVersionId && row.listing.currentVersionId !== row.version.id) {
    const [current] = await db
      .select({ number: listingVersions.number, content: listingVersions.content })
      .from(listingVersions)
      .where(eq(listingVersions.id, row.listing.currentVersionId))
      .limit(1);
    if (current) live = { number: current.number, content: readContent(current.content) };
  }
  const diff = live ? lineDiff(contentLines(live.content ?? {}), contentLines(content ?? row.version.content)) : null;
  let file: ApprovalItem["file"] = null;
  if (row.version.fileId) {
    const [f] = await db
      .select({ id: files.id, filename: files.filename, byteSize: files.byteSize, sha256: files.sha256, contentType: files.contentType })
      .from(files)
      .where(eq(files.id, row.version.fileId))
      .limit(1);
    file = f ?? null;
  }
  const { version: v, listing: l } = row;
  return {
    version: { id: v.id, number: v.number, changelog: v.changelog, approvalStatus: v.reviewStatus, submittedAt: v.submittedAt, approvalNote: v.reviewReason },
    content,
    listing: {
      id: l.id,
      slug: l.slug,
      kind: l.kind,
      status: l.status,
      title: l.title,
      summary: l.summary,
      description: l.description,
      category: l.category,
      tags: l.tags,
      priceCents: l.priceCents,
      currency: l.currency,
      coverImageId: l.coverImageId,
    },
    creator: { handle: row.handle, displayName: row.displayName, email: row.email, status: row.userStatus },
    live,
    diff,
    file,
    license: readLicense(v.license),
  };
}

export type ApprovalOutcome = { listingId: string; slug: string; creatorHandle: string; published: boolean; ownersNotified: number };

/** Locks the version and its listing; the version must still be waiting (two admins can't both decide). */
async function lockPending(tx: Db, versionId: string): Promise<{ version: ListingVersion; listing: Listing; creatorHandle: string }> {
  const [version] = await tx.select().from(listingVersions).where(eq(listingVersions.id, versionId)).for("update").limit(1);
  if (!version) throw new DomainError("approval.not_found");
  const [row] = await tx
    .select({ listing: listings, handle: creatorProfiles.handle })
    .from(listings)
    .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
    .where(eq(listings.id, version.listingId))
    .for("update", { of: listings })
    .limit(1);
  if (version.reviewStatus !== "pending_review") throw new DomainError("approval.already_decided");
  return { version, listing: row.listing, creatorHandle: row.handle };
}

/**
 * Approves a submitted version. A first version publishes the listing (preview, current version, published
 * date); an update switches the live version and notifies every owner. One transaction.
 */
export async function approveVersion(db: Db, actor: Actor | null, input: z.input<typeof approveInputSchema>): Promise<ApprovalOutcome> {
  const admin = assertAdmin(actor);
  const data = parseInput(approveInputSchema, input);
  return db.transaction(async (tx) => {
    const { version, listing, creatorHandle } = await lockPending(tx, data.versionId);
    if (listing.status === "removed") throw new DomainError("approval.listing_removed");
    // Stored content passed this schema on submit; failing here is a bug (a 500), not bad input.
    const content = listingContentSchema.parse(version.content);
    const now = new Date();
    const isUpdate = listing.status !== "pending_review";
    await tx
      .update(listingVersions)
      .set({ reviewStatus: "approved", reviewedBy: admin.id, reviewedAt: now, reviewReason: data.note || null })
      .where(eq(listingVersions.id, version.id));
    const switchLive = { currentVersionId: version.id, preview: buildPreview(content) };
    if (!isUpdate) {
      assertMove("pending_review", "published", "admin");
      await tx
        .update(listings)
        .set({ ...switchLive, status: "published", statusReason: null, publishedAt: listing.publishedAt ?? now })
        .where(eq(listings.id, listing.id));
      await updateSearchTermsForListing(tx, listing.id, "publish");
    } else {
      await tx.update(listings).set(switchLive).where(eq(listings.id, listing.id));
    }
    await notify(tx, {
      userId: listing.creatorId,
      type: "version_approved",
      title: isUpdate ? `Version ${version.number} of “${listing.title}” is live` : `“${listing.title}” is published`,
      body: data.note || (isUpdate ? "Owners now get the new version." : "Your listing is now in the catalog."),
      link: `/dashboard/listings/${listing.id}`,
      data: { listingId: listing.id, versionId: version.id, number: version.number },
    });
    const ownersNotified = isUpdate
      ? await notifyOwners(tx, listing.id, {
          type: "new_version",
          title: `“${listing.title}” has a new version (v${version.number})`,
          body: version.changelog,
          link: `/l/${listing.slug}`,
          data: { listingId: listing.id, versionId: version.id, number: version.number },
        })
      : 0;
    await writeAudit(tx, {
      actorId: admin.id,
      action: "listing_version.approve",
      targetType: "listing_version",
      targetId: version.id,
      details: { listingId: listing.id, number: version.number, update: isUpdate, ownersNotified, note: data.note || undefined },
    });
    return { listingId: listing.id, slug: listing.slug, creatorHandle, published: !isUpdate || listing.status === "published", ownersNotified };
  });
}

/** Rejects a submitted version with a reason the creator sees; a first version sends the listing to "changes requested". */
export async function rejectVersion(db: Db, actor: Actor | null, input: z.input<typeof rejectInputSchema>): Promise<ApprovalOutcome> {
  const admin = assertAdmin(actor);
  const data = parseInput(rejectInputSchema, input);
  return db.transaction(async (tx) => {
    const { version, listing, creatorHandle } = await lockPending(tx, data.versionId);
    const now = new Date();
    await tx
      .update(listingVersions)
      .set({ reviewStatus: "rejected", reviewedBy: admin.id, reviewedAt: now, reviewReason: data.reason })
      .where(eq(listingVersions.id, version.id));
    if (listing.status === "pending_review") {
      assertMove("pending_review", "rejected", "admin");
      await tx
        .update(listings)
        .set({ status: "rejected", statusReason: data.reason })
        .where(and(eq(listings.id, listing.id)));
    }
    await notify(tx, {
      userId: listing.creatorId,
      type: "version_rejected",
      title: `Changes requested on “${listing.title}” (v${version.number})`,
      body: data.reason,
      link: `/dashboard/listings/${listing.id}`,
      data: { listingId: listing.id, versionId: version.id, number: version.number },
    });
    await writeAudit(tx, {
      actorId: admin.id,
      action: "listing_version.reject",
      targetType: "listing_version",
      targetId: version.id,
      details: { listingId: listing.id, number: version.number, reason: data.reason },
    });
    return { listingId: listing.id, slug: listing.slug, creatorHandle, published: listing.status === "published", ownersNotified: 0 };
  });
}
