// The creator's side of a listing's life: create, edit details and cover, duplicate, delete a draft,
// unpublish and republish. Each function checks the actor, runs in one transaction and writes the audit trail.
import "server-only";
import { and, desc, eq, inArray, isNotNull, notExists, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { files, listings, listingVersions, type Listing } from "@/db/schema";
import { assertCreator, assertEmailVerified, type Actor } from "@/lib/auth/actor";
import { updateSearchTermsForListing } from "@/lib/catalog/terms";
import { DomainError, parseInput } from "@/lib/errors";
import { writeAudit } from "@/lib/moderation/audit";
import { assertOwnImages, lockOwnListing } from "./access";
import { emptyDraft, readDraft } from "./content-draft";
import { listingDetailsSchema, newListingSchema, TITLE_MAX, type ListingDetails } from "./details";
import { changesNeedApproval, pendingRevision, proposeRevision, publicText } from "./revisions";
import { uniqueSlug } from "./slug";
import { assertEditable, assertMove } from "./status";

/** What app code needs after a change to revalidate pages: the listing's address and its creator's. */
export type ListingRef = { id: string; slug: string; status: Listing["status"]; creatorHandle: string };

const ref = (listing: Listing, creatorHandle: string): ListingRef => ({
  id: listing.id,
  slug: listing.slug,
  status: listing.status,
  creatorHandle,
});

/** A new draft listing with an empty version 1 of its kind's content. */
export async function createListing(db: Db, actor: Actor | null, input: unknown): Promise<ListingRef> {
  const creator = assertCreator(actor);
  const data = parseInput(newListingSchema, input);
  return db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, data.title);
    const [listing] = await tx
      .insert(listings)
      .values({ creatorId: creator.id, kind: data.kind, title: data.title, category: data.category, slug, status: "draft" })
      .returning();
    await tx.insert(listingVersions).values({ listingId: listing.id, number: 1, content: emptyDraft(data.kind), reviewStatus: "draft" });
    await writeAudit(tx, { actorId: creator.id, action: "listing.create", targetType: "listing", targetId: listing.id, details: { kind: data.kind } });
    return ref(listing, creator.creatorHandle);
  });
}

/**
 * Moves a rejected listing back to draft when its creator starts revising it, with a new draft version
 * that starts from the rejected content (the rejected version itself stays as it was rejected).
 */
export async function reviseIfRejected(tx: Db, listing: Listing): Promise<Listing> {
  if (listing.status !== "rejected") return listing;
  assertMove("rejected", "draft", "creator");
  const [updated] = await tx.update(listings).set({ status: "draft", statusReason: null }).where(eq(listings.id, listing.id)).returning();
  const [latest] = await tx.select().from(listingVersions).where(eq(listingVersions.listingId, listing.id)).orderBy(desc(listingVersions.number)).limit(1);
  if (latest && latest.reviewStatus !== "draft") {
    await tx.insert(listingVersions).values({
      listingId: listing.id,
      number: latest.number + 1,
      content: readDraft(listing.kind, latest.content),
      fileId: latest.fileId,
      license: latest.license,
      reviewStatus: "draft",
    });
  }
  return updated;
}

/** What app code needs after saving details: the listing, and whether text changes now wait for approval. */
export type SavedDetails = ListingRef & { revisionPending: boolean };

/**
 * Saves the public details. A listing that was never published gets a slug from its new title and the change
 * applies at once. Once a listing has been approved (published or unpublished), its text waits as a pending
 * revision for an admin while the approved text stays public (lib/listings/revisions.ts); a new price applies
 * at once and is audited. The slug never changes after publication (links keep working).
 */
export async function saveListingDetails(db: Db, actor: Actor | null, listingId: string, input: ListingDetails): Promise<SavedDetails> {
  const creator = assertCreator(actor);
  const details = parseInput(listingDetailsSchema, input);
  return db.transaction(async (tx) => {
    let listing = await lockOwnListing(tx, creator.id, listingId);
    assertEditable(listing.status);
    if (changesNeedApproval(listing)) {
      const { priceCents, ...text } = details;
      const current = (await pendingRevision(tx, listing.id)) ?? listing;
      const revision = await proposeRevision(tx, listing, creator.id, { ...text, coverImageId: current.coverImageId });
      if (revision.pending) {
        await writeAudit(tx, {
          actorId: creator.id,
          action: "listing.propose_changes",
          targetType: "listing",
          targetId: listing.id,
          details: { fields: revision.fields },
        });
      }
      if (priceCents !== listing.priceCents) {
        const fromCents = listing.priceCents;
        [listing] = await tx.update(listings).set({ priceCents }).where(eq(listings.id, listing.id)).returning();
        await writeAudit(tx, {
          actorId: creator.id,
          action: "listing.price_change",
          targetType: "listing",
          targetId: listing.id,
          details: { fromCents, toCents: priceCents },
        });
      }
      return { ...ref(listing, creator.creatorHandle), revisionPending: revision.pending };
    }
    listing = await reviseIfRejected(tx, listing);
    const slug = listing.publishedAt || details.title === listing.title ? listing.slug : await uniqueSlug(tx, details.title, listing.id);
    const [updated] = await tx
      .update(listings)
      .set({ ...details, slug })
      .where(eq(listings.id, listing.id))
      .returning();
    return { ...ref(updated, creator.creatorHandle), revisionPending: false };
  });
}

/** Sets (or clears) the cover; the image must be one the creator uploaded. On an approved listing it waits for approval. */
export async function setListingCover(db: Db, actor: Actor | null, listingId: string, imageId: string | null): Promise<SavedDetails> {
  const creator = assertCreator(actor);
  return db.transaction(async (tx) => {
    let listing = await lockOwnListing(tx, creator.id, listingId);
    assertEditable(listing.status);
    if (imageId) await assertOwnImages(tx, creator.id, [imageId]);
    if (changesNeedApproval(listing)) {
      const current = publicText((await pendingRevision(tx, listing.id)) ?? listing);
      const revision = await proposeRevision(tx, listing, creator.id, { ...current, coverImageId: imageId });
      if (revision.pending) {
        await writeAudit(tx, {
          actorId: creator.id,
          action: "listing.propose_changes",
          targetType: "listing",
          targetId: listing.id,
          details: { fields: revision.fields },
        });
      }
      return { ...ref(listing, creator.creatorHandle), revisionPending: revision.pending };
    }
    listing = await reviseIfRejected(tx, listing);
    const [updated] = await tx.update(listings).set({ coverImageId: imageId }).where(eq(listings.id, listing.id)).returning();
    return { ...ref(updated, creator.creatorHandle), revisionPending: false };
  });
}

/** A new draft with the same details, cover and latest content (as version 1). */
export async function duplicateListing(db: Db, actor: Actor | null, listingId: string): Promise<ListingRef> {
  const creator = assertCreator(actor);
  return db.transaction(async (tx) => {
    const source = await lockOwnListing(tx, creator.id, listingId);
    const [latest] = await tx
      .select({ content: listingVersions.content, fileId: listingVersions.fileId })
      .from(listingVersions)
      .where(eq(listingVersions.listingId, source.id))
      .orderBy(desc(listingVersions.number))
      .limit(1);
    const title = `${source.title.slice(0, TITLE_MAX - 7)} (copy)`;
    const [copy] = await tx
      .insert(listings)
      .values({
        creatorId: creator.id,
        kind: source.kind,
        status: "draft",
        slug: await uniqueSlug(tx, title),
        title,
        summary: source.summary,
        description: source.description,
        category: source.category,
        tags: source.tags,
        priceCents: source.priceCents,
        coverImageId: source.coverImageId,
      })
      .returning();
    await tx.insert(listingVersions).values({
      listingId: copy.id,
      number: 1,
      content: latest ? readDraft(source.kind, latest.content) : emptyDraft(source.kind),
      fileId: latest?.fileId ?? null,
      reviewStatus: "draft",
    });
    await writeAudit(tx, { actorId: creator.id, action: "listing.duplicate", targetType: "listing", targetId: copy.id, details: { from: source.id } });
    return ref(copy, creator.creatorHandle);
  });
}

/** Deletes a listing that never went live (draft or changes requested), and files only it used. */
export async function deleteDraftListing(db: Db, actor: Actor | null, listingId: string): Promise<ListingRef> {
  const creator = assertCreator(actor);
  return db.transaction(async (tx) => {
    const listing = await lockOwnListing(tx, creator.id, listingId);
    if ((listing.status !== "draft" && listing.status !== "rejected") || listing.publishedAt || listing.currentVersionId) {
      throw new DomainError("listing.not_draft");
    }
    const used = await tx
      .select({ fileId: listingVersions.fileId })
      .from(listingVersions)
      .where(and(eq(listingVersions.listingId, listing.id), isNotNull(listingVersions.fileId)));
    await tx.delete(listings).where(eq(listings.id, listing.id));
    const fileIds = [...new Set(used.map((u) => u.fileId!))];
    if (fileIds.length) {
      await tx.delete(files).where(
        and(
          inArray(files.id, fileIds),
          eq(files.ownerId, creator.id),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(listingVersions)
              .where(eq(listingVersions.fileId, files.id)),
          ),
        ),
      );
    }
    await writeAudit(tx, {
      actorId: creator.id,
      action: "listing.delete_draft",
      targetType: "listing",
      targetId: listing.id,
      details: { title: listing.title },
    });
    return ref(listing, creator.creatorHandle);
  });
}

/** Published → unpublished: hidden from the catalog; owners keep what they bought. */
export async function unpublishListing(db: Db, actor: Actor | null, listingId: string): Promise<ListingRef> {
  const creator = assertCreator(actor);
  return db.transaction(async (tx) => {
    const listing = await lockOwnListing(tx, creator.id, listingId);
    assertMove(listing.status, "unpublished", "creator");
    await updateSearchTermsForListing(tx, listing.id, "unpublish");
    const [updated] = await tx.update(listings).set({ status: "unpublished" }).where(eq(listings.id, listing.id)).returning();
    await writeAudit(tx, { actorId: creator.id, action: "listing.unpublish", targetType: "listing", targetId: listing.id });
    return ref(updated, creator.creatorHandle);
  });
}

/** Unpublished → published again, with the version that was approved last (no new approval needed). */
export async function republishListing(db: Db, actor: Actor | null, listingId: string): Promise<ListingRef> {
  const creator = assertEmailVerified(assertCreator(actor));
  return db.transaction(async (tx) => {
    const listing = await lockOwnListing(tx, creator.id, listingId);
    assertMove(listing.status, "published", "creator");
    if (!listing.currentVersionId) throw new DomainError("listing.no_live_version");
    const [updated] = await tx.update(listings).set({ status: "published", statusReason: null }).where(eq(listings.id, listing.id)).returning();
    await updateSearchTermsForListing(tx, listing.id, "publish");
    await writeAudit(tx, { actorId: creator.id, action: "listing.republish", targetType: "listing", targetId: listing.id });
    return ref(updated, creator.creatorHandle);
  });
}
