// Changes to a live listing's public text and cover: they wait as one pending revision (listing_revisions) while the
// approved details stay public; an admin approves or rejects them (lib/moderation/revisions.ts). Price is not part of it.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listingRevisions, type Listing, type ListingRevision } from "@/db/schema";

/** The part of a listing a revision proposes: everything public except the price. */
export type PublicText = Pick<Listing, "title" | "summary" | "description" | "category" | "tags" | "coverImageId">;

export const PUBLIC_TEXT_FIELDS = ["title", "summary", "description", "category", "tags", "coverImageId"] as const satisfies readonly (keyof PublicText)[];

/** A listing that has been approved and is (or was) public: its text changes need approval before they show. */
export function changesNeedApproval(listing: Pick<Listing, "status">): boolean {
  return listing.status === "published" || listing.status === "unpublished";
}

export function publicText(source: PublicText): PublicText {
  return {
    title: source.title,
    summary: source.summary,
    description: source.description,
    category: source.category,
    tags: source.tags,
    coverImageId: source.coverImageId,
  };
}

/** Which public fields differ between two versions of the text. */
export function changedTextFields(before: PublicText, after: PublicText): (keyof PublicText)[] {
  return PUBLIC_TEXT_FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

export async function pendingRevision(db: Db, listingId: string, lock = false): Promise<ListingRevision | null> {
  const query = db
    .select()
    .from(listingRevisions)
    .where(and(eq(listingRevisions.listingId, listingId), eq(listingRevisions.status, "pending")))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

/**
 * Records the creator's proposed public text for a live listing (inside their transaction, listing row locked):
 * updates the pending revision or opens one; proposing exactly the live text withdraws it. Answers whether one waits.
 */
export async function proposeRevision(tx: Db, listing: Listing, authorId: string, proposed: PublicText): Promise<{ pending: boolean; fields: string[] }> {
  const existing = await pendingRevision(tx, listing.id, true);
  const fields = changedTextFields(publicText(listing), proposed);
  if (fields.length === 0) {
    if (existing) await tx.delete(listingRevisions).where(eq(listingRevisions.id, existing.id));
    return { pending: false, fields };
  }
  if (existing) {
    // The revision keeps its place in the queue (submittedAt) while the creator refines it.
    await tx
      .update(listingRevisions)
      .set({ ...proposed, authorId })
      .where(eq(listingRevisions.id, existing.id));
  } else {
    await tx.insert(listingRevisions).values({ listingId: listing.id, authorId, ...proposed, status: "pending" });
  }
  return { pending: true, fields };
}

export type RevisionState = {
  /** The proposed text waiting for approval (what the editor shows and edits). */
  pending: (PublicText & { id: string; submittedAt: Date; fields: string[] }) | null;
  /** The latest decision when it was a rejection and nothing waits since: the admin's reason. */
  lastRejection: { reason: string; decidedAt: Date | null } | null;
};

/** Where the listing's text changes stand, for its creator's editor. */
export async function revisionState(db: Db, listing: Listing): Promise<RevisionState> {
  const [latest] = await db
    .select()
    .from(listingRevisions)
    .where(eq(listingRevisions.listingId, listing.id))
    .orderBy(desc(listingRevisions.submittedAt), desc(listingRevisions.createdAt))
    .limit(1);
  const pending = await pendingRevision(db, listing.id);
  if (pending) {
    return {
      pending: { ...publicText(pending), id: pending.id, submittedAt: pending.submittedAt, fields: changedTextFields(publicText(listing), pending) },
      lastRejection: null,
    };
  }
  if (latest?.status === "rejected") return { pending: null, lastRejection: { reason: latest.decisionNote ?? "", decidedAt: latest.decidedAt } };
  return { pending: null, lastRejection: null };
}
