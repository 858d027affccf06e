// Ownership checks for the creator's dashboard: another creator's listing reads as "not found", never as "forbidden".
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { files, images, listings, type FileRow, type Listing } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

export const listingNotFound = () => new DomainError("listing.not_found");

/** The actor's own listing, row-locked for the rest of the transaction; anyone else's id is not found. */
export async function lockOwnListing(tx: Db, creatorId: string, listingId: string): Promise<Listing> {
  if (!isUuid(listingId)) throw listingNotFound();
  const [row] = await tx
    .select()
    .from(listings)
    .where(and(eq(listings.id, listingId), eq(listings.creatorId, creatorId)))
    .for("update")
    .limit(1);
  if (!row) throw listingNotFound();
  return row;
}

/**
 * Throws not-found unless every image id belongs to the owner. Call it in the transaction that then references the
 * images: it holds them (FOR KEY SHARE) until that transaction ends, so the storage cron's image cleanup, which takes
 * unused images FOR UPDATE SKIP LOCKED, passes over them meanwhile (a reference inside a version's content has no
 * foreign key to do that). An image the cleanup is deleting at that moment is waited for and then not found.
 */
export async function assertOwnImages(db: Db, ownerId: string, imageIds: string[]): Promise<void> {
  const ids = [...new Set(imageIds)];
  if (ids.length === 0) return;
  if (!ids.every(isUuid)) throw new DomainError("image.not_found");
  const rows = await db
    .select({ id: images.id })
    .from(images)
    .where(and(inArray(images.id, ids), eq(images.ownerId, ownerId)))
    .orderBy(images.id)
    .for("key share");
  if (rows.length !== ids.length) throw new DomainError("image.not_found");
}

/** The owner's file row (without its bytes), or not-found. */
export async function ownFile(db: Db, ownerId: string, fileId: string): Promise<Omit<FileRow, "data">> {
  if (!isUuid(fileId)) throw new DomainError("file.not_found");
  const [row] = await db
    .select({
      id: files.id,
      ownerId: files.ownerId,
      filename: files.filename,
      contentType: files.contentType,
      byteSize: files.byteSize,
      sha256: files.sha256,
      storageKey: files.storageKey,
      inspection: files.inspection,
      createdAt: files.createdAt,
    })
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.ownerId, ownerId)))
    .limit(1);
  if (!row) throw new DomainError("file.not_found");
  return row;
}
