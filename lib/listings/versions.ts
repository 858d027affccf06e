// Versions of a listing's paid content (ARCHITECTURE.md, "Listings and versions"): the creator edits one draft version, submits it for
// approval, and it becomes immutable. The last approved version stays live while a newer one waits.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { listings, listingVersions, type Listing, type ListingVersion } from "@/db/schema";
import { assertCreator, assertEmailVerified, type Actor } from "@/lib/auth/actor";
import { DomainError, parseInput } from "@/lib/errors";
import { modelFileCheck } from "@/lib/files/model-inspect-store";
import type { ModelFileCheck } from "@/lib/files/model-inspect";
import { readLicense } from "@/lib/licenses/licenses";
import { writeAudit } from "@/lib/moderation/audit";
import { assertOwnImages, lockOwnListing, ownFile } from "./access";
import { contentDraftSchema, draftToContent, readDraft, referencedImageIds, type ContentDraft } from "./content-draft";
import { listingDetailsSchema } from "./details";
import { assertEditable, assertMove, type VersionStatus } from "./status";
import { reviseIfRejected, type ListingRef } from "./editing";

export const CHANGELOG_MAX = 2000;

export const saveDraftInputSchema = z.object({
  draft: contentDraftSchema,
  changelog: z
    .string()
    .max(CHANGELOG_MAX, `The changelog is at most ${CHANGELOG_MAX.toLocaleString("en-US")} characters.`)
    .default(""),
});

export type SavedDraft = ListingRef & { versionId: string; versionNumber: number; draft: ContentDraft; updatedAt: Date };

async function versionsByStatus(tx: Db, listingId: string, status: VersionStatus) {
  return tx
    .select()
    .from(listingVersions)
    .where(and(eq(listingVersions.listingId, listingId), eq(listingVersions.reviewStatus, status)))
    .orderBy(desc(listingVersions.number))
    .for("update");
}

function assertNoPendingVersion(pending: ListingVersion[]): void {
  if (pending.length) {
    throw new DomainError("version.pending", { number: pending[0].number });
  }
}

/** A model version's file must have passed the model file check (lib/files/model-inspect.ts) to be submitted. */
async function assertSellableModelFile(tx: Db, creatorId: string, fileId: string): Promise<void> {
  const check = await modelFileCheck(tx, await ownFile(tx, creatorId, fileId));
  if (!check.ok) throw new DomainError("file.content_refused", { reason: `The model file can't be sold: ${check.message}` });
}

/** Draft content → the same draft with file facts taken from the stored file, after ownership checks. */
async function checkedDraft(tx: Db, creatorId: string, listing: Listing, draft: ContentDraft): Promise<{ draft: ContentDraft; fileId: string | null }> {
  if (draft.kind !== listing.kind) throw new DomainError("input.invalid", { issue: `This listing holds ${listing.kind} content.` });
  await assertOwnImages(tx, creatorId, referencedImageIds(draft));
  if (draft.kind === "model" && draft.fileId) {
    const file = await ownFile(tx, creatorId, draft.fileId);
    // The format is what the model file check found in the file, not what was typed (files checked before keep the typed one).
    const check = file.inspection as ModelFileCheck | null;
    const format = check?.ok ? check.report.format : draft.format;
    return { draft: { ...draft, format, fileName: file.filename, fileSizeBytes: file.byteSize, sha256: file.sha256 }, fileId: file.id };
  }
  return { draft, fileId: null };
}

/**
 * Saves what the creator typed into the listing's draft version, creating the draft (next number) when the
 * listing has none, e.g. the first edit of a published listing's content. The live version is untouched.
 */
export async function saveContentDraft(db: Db, actor: Actor | null, listingId: string, input: z.input<typeof saveDraftInputSchema>): Promise<SavedDraft> {
  const creator = assertCreator(actor);
  const data = parseInput(saveDraftInputSchema, input);
  return db.transaction(async (tx) => {
    let listing = await lockOwnListing(tx, creator.id, listingId);
    assertEditable(listing.status);
    assertNoPendingVersion(await versionsByStatus(tx, listing.id, "pending_review"));
    const { draft, fileId } = await checkedDraft(tx, creator.id, listing, data.draft);
    listing = await reviseIfRejected(tx, listing);
    const [existing] = await versionsByStatus(tx, listing.id, "draft");
    let version: ListingVersion;
    if (existing) {
      [version] = await tx
        .update(listingVersions)
        .set({ content: draft, changelog: data.changelog, fileId })
        .where(eq(listingVersions.id, existing.id))
        .returning();
    } else {
      // A new version starts under the license of the version before it (the creator may change it).
      const [previous] = await tx
        .select({ number: listingVersions.number, license: listingVersions.license })
        .from(listingVersions)
        .where(eq(listingVersions.listingId, listing.id))
        .orderBy(desc(listingVersions.number))
        .limit(1);
      [version] = await tx
        .insert(listingVersions)
        .values({
          listingId: listing.id,
          number: (previous?.number ?? 0) + 1,
          content: draft,
          changelog: data.changelog,
          fileId,
          license: previous?.license ?? null,
          reviewStatus: "draft",
        })
        .returning();
    }
    // Touch the listing so "last edited" and the dashboard order follow content edits too.
    const [touched] = await tx.update(listings).set({ updatedAt: new Date() }).where(eq(listings.id, listing.id)).returning();
    return {
      id: touched.id,
      slug: touched.slug,
      status: touched.status,
      creatorHandle: creator.creatorHandle,
      versionId: version.id,
      versionNumber: version.number,
      draft,
      updatedAt: version.updatedAt,
    };
  });
}

/** Throws away the unsubmitted changes of a listing that already has a live version. */
export async function discardContentDraft(db: Db, actor: Actor | null, listingId: string): Promise<ListingRef> {
  const creator = assertCreator(actor);
  return db.transaction(async (tx) => {
    const listing = await lockOwnListing(tx, creator.id, listingId);
    const [draft] = await versionsByStatus(tx, listing.id, "draft");
    if (!draft) throw new DomainError("version.no_draft");
    if (!listing.currentVersionId) {
      throw new DomainError("version.first_draft");
    }
    await tx.delete(listingVersions).where(eq(listingVersions.id, draft.id));
    return { id: listing.id, slug: listing.slug, status: listing.status, creatorHandle: creator.creatorHandle };
  });
}

/**
 * Sends the draft version for approval: the content must pass its kind's schema, a first submission needs
 * valid details, and every version from 2 on needs a changelog. The version is immutable from here.
 */
export async function submitForApproval(db: Db, actor: Actor | null, listingId: string): Promise<ListingRef & { versionNumber: number }> {
  const creator = assertEmailVerified(assertCreator(actor));
  return db.transaction(async (tx) => {
    const listing = await lockOwnListing(tx, creator.id, listingId);
    assertEditable(listing.status);
    if (listing.status === "rejected") {
      throw new DomainError("version.nothing_to_submit", { changesRequested: true });
    }
    assertNoPendingVersion(await versionsByStatus(tx, listing.id, "pending_review"));
    const [version] = await versionsByStatus(tx, listing.id, "draft");
    if (!version) throw new DomainError("version.nothing_to_submit");

    const first = listing.status === "draft";
    if (first) {
      const details = listingDetailsSchema.safeParse({ ...listing, tags: listing.tags });
      if (!details.success) throw new DomainError("listing.details_invalid", { issue: details.error.issues[0]?.message ?? "" });
    }
    const { draft, fileId } = await checkedDraft(tx, creator.id, listing, readDraft(listing.kind, version.content));
    const content = draftToContent(draft);
    if (!content.ok) {
      const messages = content.issues.slice(0, 3).map((i) => (i.line ? `${i.message} (line ${i.line})` : i.message));
      throw new DomainError("version.invalid", { issues: messages });
    }
    if (version.number >= 2 && version.changelog.trim().length < 3) {
      throw new DomainError("version.changelog_required", { number: version.number });
    }
    if (!readLicense(version.license)) throw new DomainError("license.required");
    if (fileId) await assertSellableModelFile(tx, creator.id, fileId);

    await tx
      .update(listingVersions)
      .set({
        content: content.content,
        fileId,
        changelog: version.changelog.trim(),
        reviewStatus: "pending_review",
        submittedAt: new Date(),
        reviewReason: null,
      })
      .where(eq(listingVersions.id, version.id));
    let status = listing.status;
    if (first) {
      assertMove("draft", "pending_review", "creator");
      status = "pending_review";
      await tx.update(listings).set({ status, statusReason: null }).where(eq(listings.id, listing.id));
    }
    await writeAudit(tx, {
      actorId: creator.id,
      action: "listing_version.submit",
      targetType: "listing_version",
      targetId: version.id,
      details: { listingId: listing.id, number: version.number },
    });
    return { id: listing.id, slug: listing.slug, status, creatorHandle: creator.creatorHandle, versionNumber: version.number };
  });
}
