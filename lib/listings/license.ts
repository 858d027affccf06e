// A listing's license, chosen per version (lib/licenses): the creator sets it on the draft version, submission
// refuses a version without one, and approval makes it the live license. A buyer keeps the license of the version
// they bought (the order's version), so a later license change never reaches back to them.
import "server-only";
import { and, desc, eq, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listings, listingVersions } from "@/db/schema";
import { assertCreator, type Actor } from "@/lib/auth/actor";
import { DomainError, parseInput } from "@/lib/errors";
import { licenseChoiceSchema, readLicense, resolveLicense, type License } from "@/lib/licenses/licenses";
import { writeAudit } from "@/lib/moderation/audit";
import { lockOwnListing } from "./access";
import { readDraft } from "./content-draft";
import { reviseIfRejected, type ListingRef } from "./editing";
import { assertEditable } from "./status";

export type SavedLicense = ListingRef & { versionNumber: number; license: License };

/**
 * Sets the license of the listing's draft version, creating that draft from the latest content when there is
 * none (a live listing's license change is a new version, approved like any other).
 */
export async function saveDraftLicense(db: Db, actor: Actor | null, listingId: string, input: unknown): Promise<SavedLicense> {
  const creator = assertCreator(actor);
  const license = resolveLicense(parseInput(licenseChoiceSchema, input));
  return db.transaction(async (tx) => {
    let listing = await lockOwnListing(tx, creator.id, listingId);
    assertEditable(listing.status);
    const versions = await tx
      .select()
      .from(listingVersions)
      .where(eq(listingVersions.listingId, listing.id))
      .orderBy(desc(listingVersions.number))
      .for("update");
    const pending = versions.find((v) => v.reviewStatus === "pending_review");
    if (pending) throw new DomainError("version.pending", { number: pending.number });
    listing = await reviseIfRejected(tx, listing);
    let [draft] = await tx
      .select({ id: listingVersions.id, number: listingVersions.number })
      .from(listingVersions)
      .where(and(eq(listingVersions.listingId, listing.id), eq(listingVersions.reviewStatus, "draft")))
      .limit(1);
    if (draft) {
      await tx.update(listingVersions).set({ license }).where(eq(listingVersions.id, draft.id));
    } else {
      const base = versions.find((v) => v.id === listing.currentVersionId) ?? versions[0];
      const [{ last }] = await tx
        .select({ last: max(listingVersions.number) })
        .from(listingVersions)
        .where(eq(listingVersions.listingId, listing.id));
      [draft] = await tx
        .insert(listingVersions)
        .values({
          listingId: listing.id,
          number: (last ?? 0) + 1,
          content: readDraft(listing.kind, base?.content),
          fileId: base?.fileId ?? null,
          license,
          reviewStatus: "draft",
        })
        .returning({ id: listingVersions.id, number: listingVersions.number });
    }
    await tx.update(listings).set({ updatedAt: new Date() }).where(eq(listings.id, listing.id));
    await writeAudit(tx, {
      actorId: creator.id,
      action: "listing_version.license",
      targetType: "listing_version",
      targetId: draft.id,
      details: { listingId: listing.id, number: draft.number, license: license.id },
    });
    return { id: listing.id, slug: listing.slug, status: listing.status, creatorHandle: creator.creatorHandle, versionNumber: draft.number, license };
  });
}

/** The license of one version (the live one for a listing page, the bought one for a receipt). */
export async function versionLicense(db: Db, versionId: string | null): Promise<License | null> {
  if (!versionId) return null;
  const [row] = await db.select({ license: listingVersions.license }).from(listingVersions).where(eq(listingVersions.id, versionId)).limit(1);
  return readLicense(row?.license);
}

/** The license the editor starts from: the draft's, else the latest version's (a new draft inherits it). */
export async function editorLicense(db: Db, listingId: string): Promise<License | null> {
  const [latest] = await db
    .select({ license: listingVersions.license })
    .from(listingVersions)
    .where(eq(listingVersions.listingId, listingId))
    .orderBy(desc(listingVersions.number))
    .limit(1);
  return readLicense(latest?.license);
}
