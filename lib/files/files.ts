// Attached files (model weights and the like): stored with their hash, size and type through the storage driver
// (lib/storage: bytes in the row, or an object in the bucket); readable by their owner and admins here (buyers'
// downloads check entitlement in lib/library/downloads.ts).
import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { files } from "@/db/schema";
import { assertCreator, assertSignedIn, isAdmin, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { formatBytes } from "@/lib/format";
import type { DeliverableFile } from "@/lib/storage/delivery";
import { isUuid } from "@/lib/uuid";
import { configuredBucket } from "@/lib/storage/bucket";
import { newObjectKey } from "@/lib/storage/file-bytes";
import { assertStorageRoom, reserveStorage } from "@/lib/storage/quota";
import { serverUploadMaxBytes } from "./limits";
import { inspectModelFile } from "./model-inspect";

export type StoredFile = { id: string; filename: string; contentType: string; byteSize: number; sha256: string };

export const storedFileColumns = { id: files.id, filename: files.filename, contentType: files.contentType, byteSize: files.byteSize, sha256: files.sha256 };

export const fileTooLarge = (declared: number | null, limit = serverUploadMaxBytes()) =>
  new DomainError("file.too_large", { size: declared ? formatBytes(declared) : null, limit: formatBytes(limit) });

/** A file name safe to store and to put in a Content-Disposition header: no path, no control characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(0, 200);
  return cleaned && cleaned !== "." && cleaned !== ".." ? cleaned : "file";
}

const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

export function cleanContentType(type: string | null | undefined): string {
  const value = (type ?? "").split(";")[0].trim().toLowerCase();
  return CONTENT_TYPE.test(value) ? value : "application/octet-stream";
}

/** Stores a file whose bytes came through the server (POST /api/uploads/files): in the bucket when there is one, else in the row. */
export async function storeFile(db: Db, actor: Actor | null, input: { filename: string; contentType: string | null; bytes: Uint8Array }): Promise<StoredFile> {
  const creator = assertCreator(actor);
  const limit = serverUploadMaxBytes();
  if (input.bytes.byteLength === 0) throw new DomainError("file.empty");
  if (input.bytes.byteLength > limit) throw fileTooLarge(input.bytes.byteLength, limit);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const contentType = cleanContentType(input.contentType);
  // The model file check reads the header from the bytes in hand; a refusal is kept too (submission refuses the file).
  const inspection = await inspectModelFile(async (start, length) => input.bytes.subarray(start, start + length), input.bytes.byteLength);
  const row = { ownerId: creator.id, filename: cleanFilename(input.filename), contentType, byteSize: input.bytes.byteLength, sha256, inspection };
  // The quota check and the insert are one step under the creator's storage lock (lib/storage/quota.ts).
  const record = (bytes: { data: Uint8Array } | { storageKey: string }) =>
    db.transaction(async (tx) => {
      await reserveStorage(tx, creator.id, row.byteSize);
      const [stored] = await tx
        .insert(files)
        .values({ ...row, ...bytes })
        .returning(storedFileColumns);
      return stored;
    });
  const bucket = configuredBucket();
  if (!bucket) return record({ data: input.bytes });
  // Over quota is refused before the bytes go to the bucket.
  await assertStorageRoom(db, creator.id, row.byteSize);
  const storageKey = newObjectKey("files", creator.id);
  await bucket.put(storageKey, input.bytes, contentType);
  try {
    return await record({ storageKey });
  } catch (error) {
    // No row, no object: an object nobody can name is only a cost.
    await bucket.delete(storageKey).catch(() => {});
    throw error;
  }
}

/** A file (where its bytes are, not the bytes) for its owner or an active admin; anyone else gets not-found (the id's existence stays secret). */
export async function readOwnFile(db: Db, actor: Actor | null, fileId: string): Promise<DeliverableFile & StoredFile> {
  const user = assertSignedIn(actor);
  const notFound = new DomainError("file.not_found");
  if (!isUuid(fileId)) throw notFound;
  const [row] = await db
    .select({ ...storedFileColumns, ownerId: files.ownerId, storageKey: files.storageKey })
    .from(files)
    .where(eq(files.id, fileId))
    .limit(1);
  // Admins read others' files only once they may act as admins (two-factor sign-in on, isAdmin).
  if (!row || (row.ownerId !== user.id && !isAdmin(user))) throw notFound;
  const { ownerId: _ownerId, ...file } = row;
  return file;
}
