// Approval of a live listing's text changes (listing_revisions): approving copies the proposed text and cover onto the
// listing, rejecting keeps the live text and tells the creator why. Same rules as versions: admin only, one decision.
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { creatorProfiles, listingRevisions, listings, users, type Listing, type ListingRevision } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { updateSearchTermsForListing } from "@/lib/catalog/terms";
import { DomainError, parseInput } from "@/lib/errors";
import { changedTextFields, publicText, type PublicText } from "@/lib/listings/revisions";
import { notify } from "@/lib/notifications/notifications";
import { isUuid, uuidSchema } from "@/lib/uuid";
import { writeAudit } from "./audit";
import { contentLines, lineDiff, type DiffLine } from "./diff";

export const approveRevisionSchema = z.object({
  revisionId: uuidSchema(),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").default(""),
});

export const rejectRevisionSchema = z.object({
  revisionId: uuidSchema(),
  reason: z.string().trim().min(10, "Tell the creator what to change (10 characters or more).").max(2000, "Keep the reason under 2,000 characters."),
});

/** Public text as readable lines for the diff (the cover by id: the page shows both images). */
export function publicTextLines(text: PublicText): string[] {
  return contentLines({
    title: text.title,
    summary: text.summary,
    category: text.category,
    tags: text.tags.join(", "),
    cover: text.coverImageId ?? "none",
    description: text.description,
  });
}

export type RevisionItem = {
  revision: { id: string; status: ListingRevision["status"]; submittedAt: Date; decidedAt: Date | null; decisionNote: string | null };
  proposed: PublicText;
  live: PublicText;
  fields: string[];
  diff: DiffLine[];
  listing: Pick<Listing, "id" | "slug" | "kind" | "status" | "priceCents" | "currency">;
  creator: { handle: string; displayName: string; email: string; status: string };
};

/** One revision with the live text it would replace and the line diff between them. */
export async function revisionItem(db: Db, actor: Actor | null, revisionId: string): Promise<RevisionItem | null> {
  assertAdmin(actor);
  if (!isUuid(revisionId)) return null;
  const [row] = await db
    .select({
      revision: listingRevisions,
      listing: listings,
      handle: creatorProfiles.handle,
      displayName: creatorProfiles.displayName,
      email: users.email,
      userStatus: users.status,
    })
    .from(listingRevisions)
    .innerJoin(listings, eq(listings.id, listingRevisions.listingId))
    .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
    .innerJoin(users, eq(users.id, listings.creatorId))
    .where(eq(listingRevisions.id, revisionId))
    .limit(1);
  if (!row) return null;
  const { revision: r, listing: l } = row;
  const proposed = publicText(r);
  const live = publicText(l);
  return {
    revision: { id: r.id, status: r.status, submittedAt: r.submittedAt, decidedAt: r.decidedAt, decisionNote: r.decisionNote },
    proposed,
    live,
    fields: changedTextFields(live, proposed),
    diff: lineDiff(publicTextLines(live), publicTextLines(proposed)),
    listing: { id: l.id, slug: l.slug, kind: l.kind, status: l.status, priceCents: l.priceCents, currency: l.currency },
    creator: { handle: row.handle, displayName: row.displayName, email: row.email, status: row.userStatus },
  };
}

export type RevisionOutcome = { listingId: string; slug: string; creatorHandle: string };

async function lockPendingRevision(tx: Db, revisionId: string): Promise<{ revision: ListingRevision; listing: Listing; creatorHandle: string }> {
  const [revision] = await tx.select().from(listingRevisions).where(eq(listingRevisions.id, revisionId)).for("update").limit(1);
  if (!revision) throw new DomainError("approval.revision_not_found");
  const [row] = await tx
    .select({ listing: listings, handle: creatorProfiles.handle })
    .from(listings)
    .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
    .where(eq(listings.id, revision.listingId))
    .for("update", { of: listings })
    .limit(1);
  if (revision.status !== "pending") throw new DomainError("approval.revision_decided");
  return { revision, listing: row.listing, creatorHandle: row.handle };
}

/** Approves a revision: its text and cover become the listing's public details (search vocabulary included). */
export async function approveRevision(db: Db, actor: Actor | null, input: z.input<typeof approveRevisionSchema>): Promise<RevisionOutcome> {
  const admin = assertAdmin(actor);
  const data = parseInput(approveRevisionSchema, input);
  return db.transaction(async (tx) => {
    const { revision, listing, creatorHandle } = await lockPendingRevision(tx, data.revisionId);
    if (listing.status === "removed") throw new DomainError("approval.listing_removed");
    const text = publicText(revision);
    const fields = changedTextFields(publicText(listing), text);
    const live = listing.status === "published";
    if (live) await updateSearchTermsForListing(tx, listing.id, "unpublish");
    await tx.update(listings).set(text).where(eq(listings.id, listing.id));
    if (live) await updateSearchTermsForListing(tx, listing.id, "publish");
    await tx
      .update(listingRevisions)
      .set({ status: "approved", decidedBy: admin.id, decidedAt: new Date(), decisionNote: data.note || null })
      .where(eq(listingRevisions.id, revision.id));
    await notify(tx, {
      userId: listing.creatorId,
      type: "version_approved",
      title: `Your changes to “${text.title}” are live`,
      body: data.note || "The listing page and search now show your new details.",
      link: `/dashboard/listings/${listing.id}`,
      data: { listingId: listing.id, revisionId: revision.id },
    });
    await writeAudit(tx, {
      actorId: admin.id,
      action: "listing_revision.approve",
      targetType: "listing",
      targetId: listing.id,
      details: { revisionId: revision.id, fields, note: data.note || undefined },
    });
    return { listingId: listing.id, slug: listing.slug, creatorHandle };
  });
}

/** Rejects a revision with a reason the creator sees in their editor; the live text stays. */
export async function rejectRevision(db: Db, actor: Actor | null, input: z.input<typeof rejectRevisionSchema>): Promise<RevisionOutcome> {
  const admin = assertAdmin(actor);
  const data = parseInput(rejectRevisionSchema, input);
  return db.transaction(async (tx) => {
    const { revision, listing, creatorHandle } = await lockPendingRevision(tx, data.revisionId);
    await tx
      .update(listingRevisions)
      .set({ status: "rejected", decidedBy: admin.id, decidedAt: new Date(), decisionNote: data.reason })
      .where(eq(listingRevisions.id, revision.id));
    await notify(tx, {
      userId: listing.creatorId,
      type: "version_rejected",
      title: `Changes requested on your edits to “${listing.title}”`,
      body: data.reason,
      link: `/dashboard/listings/${listing.id}`,
      data: { listingId: listing.id, revisionId: revision.id },
    });
    await writeAudit(tx, {
      actorId: admin.id,
      action: "listing_revision.reject",
      targetType: "listing",
      targetId: listing.id,
      details: { revisionId: revision.id, reason: data.reason },
    });
    return { listingId: listing.id, slug: listing.slug, creatorHandle };
  });
}
