// Direct uploads: the browser sends a file straight to the bucket in parts through presigned URLs, so no large
// body passes through a server function. The server starts the upload for an owner with the size declared up
// front, presigns part URLs on request (again after a pause or a failed part), then confirms it: completes the
// multipart upload, checks the size and the content, and records the file (or processes an image original).
import "server-only";
import { and, asc, count, eq, gt, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directUploads, files, type DirectUpload } from "@/db/schema";
import { assertActive, assertCreator, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { checkModelFileContent } from "@/lib/files/content-check";
import { cleanContentType, cleanFilename, fileTooLarge, storedFileColumns, type StoredFile } from "@/lib/files/files";
import { BUCKET_FILE_MAX_BYTES, serverUploadMaxBytes } from "@/lib/files/limits";
import { formatBytes } from "@/lib/format";
import { IMAGE_MAX_BYTES, imageTooLarge, type ImageFocus } from "@/lib/images/pipeline";
import { storeImage, type StoredImage } from "@/lib/images/store";
import { isUuid } from "@/lib/uuid";
import { configuredBucket, requireBucket, type BucketStorage, type UploadedPart } from "./bucket";
import { newObjectKey } from "./file-bytes";
import { assertStorageRoom, reserveStorage } from "./quota";

export type DirectUploadPurpose = DirectUpload["purpose"];

/** S3 needs parts of at least 5 MiB (but the last) and at most 10,000 of them. */
export const MIN_PART_BYTES = 8 * 1024 * 1024;
const MAX_PARTS = 10_000;
/** How long a presigned part URL works; the browser asks for fresh ones after a pause. */
export const PART_URL_TTL_SECONDS = 15 * 60;
/** Uploads one person may have in progress at once (each holds parts in the bucket until it ends). */
export const MAX_OPEN_UPLOADS = 10;
/** An upload still open after this is abandoned (a closed tab): the storage cron drops its parts. */
export const ABANDONED_AFTER_HOURS = 24;

export function partSizeFor(byteSize: number): number {
  const mib = 1024 * 1024;
  return Math.max(MIN_PART_BYTES, Math.ceil(byteSize / MAX_PARTS / mib) * mib);
}

export const partCountOf = (upload: Pick<DirectUpload, "byteSize" | "partSize">) => Math.max(1, Math.ceil(upload.byteSize / upload.partSize));

/** Straight to the bucket in parts, or (database driver) the body posted to /api/uploads/files or /api/uploads/images. */
export type StartedUpload = { via: "bucket"; id: string; partSize: number; partCount: number } | { via: "server" };

const ownerFor = (actor: Actor | null, purpose: DirectUploadPurpose) => (purpose === "avatar" ? assertActive(actor) : assertCreator(actor));

function assertDeclaredSize(purpose: DirectUploadPurpose, byteSize: number, fileLimit: number) {
  if (byteSize <= 0) throw new DomainError(purpose === "file" ? "file.empty" : "image.empty");
  if (purpose === "file" && byteSize > fileLimit) throw fileTooLarge(byteSize, fileLimit);
  if (purpose !== "file" && byteSize > IMAGE_MAX_BYTES) throw imageTooLarge(byteSize);
}

/** Creates the multipart upload in the bucket and remembers who started it and what they declared. */
export async function startDirectUpload(
  db: Db,
  actor: Actor | null,
  input: { purpose: DirectUploadPurpose; filename: string; contentType: string | null; byteSize: number },
): Promise<StartedUpload> {
  const owner = ownerFor(actor, input.purpose);
  const bucket = configuredBucket();
  assertDeclaredSize(input.purpose, input.byteSize, bucket ? BUCKET_FILE_MAX_BYTES : serverUploadMaxBytes());
  if (!bucket) return { via: "server" };
  const [{ open }] = await db
    .select({ open: count() })
    .from(directUploads)
    .where(and(eq(directUploads.ownerId, owner.id), eq(directUploads.status, "open"), gt(directUploads.createdAt, abandonedBefore(new Date()))));
  if (open >= MAX_OPEN_UPLOADS) throw new DomainError("upload.too_many_open", { limit: MAX_OPEN_UPLOADS });
  // Over quota is refused before the bucket hears of the upload; checked again under the lock as the row is written.
  if (input.purpose === "file") await assertStorageRoom(db, owner.id, input.byteSize);
  const contentType = cleanContentType(input.contentType);
  const storageKey = newObjectKey(input.purpose === "file" ? "files" : "uploads", owner.id);
  const multipartUploadId = await bucket.createMultipartUpload(storageKey, contentType);
  const partSize = partSizeFor(input.byteSize);
  try {
    const row = await db.transaction(async (tx) => {
      // The open upload counts against the quota from now on (its declared size), so this check and the insert are one step.
      if (input.purpose === "file") await reserveStorage(tx, owner.id, input.byteSize);
      const [inserted] = await tx
        .insert(directUploads)
        .values({
          ownerId: owner.id,
          purpose: input.purpose,
          storageKey,
          multipartUploadId,
          filename: cleanFilename(input.filename),
          contentType,
          byteSize: input.byteSize,
          partSize,
        })
        .returning({ id: directUploads.id });
      return inserted;
    });
    return { via: "bucket", id: row.id, partSize, partCount: partCountOf({ byteSize: input.byteSize, partSize }) };
  } catch (error) {
    await bucket.abortMultipartUpload(storageKey, multipartUploadId).catch(() => {});
    throw error;
  }
}

/** The actor's upload; another person's id is not-found, like a made-up one. */
async function ownUpload(db: Db, actor: Actor | null, uploadId: string): Promise<DirectUpload> {
  const user = assertActive(actor);
  if (!isUuid(uploadId)) throw new DomainError("upload.not_found");
  const [row] = await db
    .select()
    .from(directUploads)
    .where(and(eq(directUploads.id, uploadId), eq(directUploads.ownerId, user.id)))
    .limit(1);
  if (!row) throw new DomainError("upload.not_found");
  return row;
}

async function openUpload(db: Db, actor: Actor | null, uploadId: string): Promise<DirectUpload> {
  const row = await ownUpload(db, actor, uploadId);
  if (row.status !== "open") throw new DomainError("upload.finished");
  return row;
}

/** Fresh presigned URLs for some parts (the browser asks per batch, and again to retry a part or resume). */
export async function presignUploadParts(db: Db, actor: Actor | null, uploadId: string, partNumbers: number[]): Promise<{ partNumber: number; url: string }[]> {
  const upload = await openUpload(db, actor, uploadId);
  const count = partCountOf(upload);
  const bad = partNumbers.find((n) => !Number.isInteger(n) || n < 1 || n > count);
  if (bad !== undefined) throw new DomainError("input.invalid", { issue: `part numbers go from 1 to ${count}` });
  const bucket = requireBucket();
  return Promise.all(
    [...new Set(partNumbers)].map(async (partNumber) => ({
      partNumber,
      url: await bucket.presignUploadPart(upload.storageKey, upload.multipartUploadId, partNumber, PART_URL_TTL_SECONDS),
    })),
  );
}

// The upload ends without a file: its parts or object are dropped and the row says so.
async function discard(db: Db, bucket: BucketStorage, upload: DirectUpload, objectExists: boolean) {
  if (objectExists) await bucket.delete(upload.storageKey).catch(() => {});
  else await bucket.abortMultipartUpload(upload.storageKey, upload.multipartUploadId);
  await db
    .update(directUploads)
    .set({ status: "aborted", finishedAt: new Date() })
    .where(and(eq(directUploads.id, upload.id), eq(directUploads.status, "open")));
}

/** Cancels an upload: the bucket drops its parts, no file is recorded. Cancelling twice is fine. */
export async function abortDirectUpload(db: Db, actor: Actor | null, uploadId: string): Promise<void> {
  const upload = await ownUpload(db, actor, uploadId);
  if (upload.status === "aborted") return;
  if (upload.status === "completed") throw new DomainError("upload.finished");
  await discard(db, requireBucket(), upload, false);
}

const abandonedBefore = (now: Date) => new Date(now.getTime() - ABANDONED_AFTER_HOURS * 3600_000);

/**
 * Ends uploads left open for a day (the tab was closed mid-upload): the bucket drops their parts and the rows say
 * aborted. Run by the storage cron; a bucket lifecycle rule for incomplete multipart uploads is a second net.
 */
export async function abortAbandonedUploads(db: Db, opts: { now?: Date; limit?: number } = {}): Promise<{ aborted: number }> {
  const bucket = configuredBucket();
  if (!bucket) return { aborted: 0 };
  const stale = await db
    .select()
    .from(directUploads)
    .where(and(eq(directUploads.status, "open"), lte(directUploads.createdAt, abandonedBefore(opts.now ?? new Date()))))
    .orderBy(asc(directUploads.createdAt))
    .limit(opts.limit ?? 500);
  for (const upload of stale) await discard(db, bucket, upload, false);
  return { aborted: stale.length };
}

export type ConfirmedUpload = { kind: "file"; file: StoredFile } | { kind: "image"; image: StoredImage };

/**
 * Confirms an upload whose parts are all in the bucket: completes it, checks the object is exactly the declared
 * size (never over the limit) and that its content is what it claims, then records the file — or, for an image,
 * processes the original with sharp into the cover and thumbnail rows as any upload, and drops the original.
 * A refused upload leaves nothing behind: no object, no row.
 */
export async function completeDirectUpload(
  db: Db,
  actor: Actor | null,
  uploadId: string,
  input: { parts: UploadedPart[]; focus?: ImageFocus },
): Promise<ConfirmedUpload> {
  const upload = await openUpload(db, actor, uploadId);
  const count = partCountOf(upload);
  const numbers = new Set(input.parts.map((p) => p.partNumber));
  if (input.parts.length !== count || numbers.size !== count || [...numbers].some((n) => n < 1 || n > count)) {
    throw new DomainError("upload.incomplete");
  }
  const bucket = requireBucket();
  try {
    await bucket.completeMultipartUpload(upload.storageKey, upload.multipartUploadId, input.parts);
  } catch (error) {
    // The bucket refused the parts (one missing, a wrong ETag, too small): the browser may retry them.
    if (error instanceof DomainError) throw error;
    throw new DomainError("upload.incomplete");
  }

  try {
    const size = await bucket.byteSize(upload.storageKey);
    if (size === null) throw new DomainError("upload.incomplete");
    const limit = upload.purpose === "file" ? BUCKET_FILE_MAX_BYTES : IMAGE_MAX_BYTES;
    if (size > limit) throw upload.purpose === "file" ? fileTooLarge(size, limit) : imageTooLarge(size);
    if (size !== upload.byteSize) {
      throw new DomainError("upload.size_mismatch", { declared: formatBytes(upload.byteSize), received: formatBytes(size) });
    }
    return upload.purpose === "file" ? await recordUploadedFile(db, bucket, upload) : await processUploadedImage(db, actor, bucket, upload, input.focus);
  } catch (error) {
    // Confirmed twice at once: the object belongs to the file the other confirmation recorded.
    if (!(error instanceof DomainError && error.code === "upload.finished")) await discard(db, bucket, upload, true);
    throw error;
  }
}

async function recordUploadedFile(db: Db, bucket: BucketStorage, upload: DirectUpload): Promise<ConfirmedUpload> {
  const inspection = await checkModelFileContent((start, length) => bucket.readRange(upload.storageKey, start, length), upload.byteSize);
  const sha256 = await bucket.sha256(upload.storageKey);
  const file = await db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(files)
      .values({
        ownerId: upload.ownerId,
        filename: upload.filename,
        contentType: upload.contentType,
        byteSize: upload.byteSize,
        sha256,
        storageKey: upload.storageKey,
        inspection,
      })
      .returning(storedFileColumns);
    const [claimed] = await tx
      .update(directUploads)
      .set({ status: "completed", fileId: stored.id, finishedAt: new Date() })
      .where(and(eq(directUploads.id, upload.id), eq(directUploads.status, "open")))
      .returning({ id: directUploads.id });
    // Confirmed twice at once: the first one recorded the file.
    if (!claimed) throw new DomainError("upload.finished");
    return stored;
  });
  return { kind: "file", file };
}

async function processUploadedImage(
  db: Db,
  actor: Actor | null,
  bucket: BucketStorage,
  upload: DirectUpload,
  focus: ImageFocus = "center",
): Promise<ConfirmedUpload> {
  const original = await bucket.read(upload.storageKey);
  const purpose = upload.purpose === "file" ? "cover" : upload.purpose;
  const image = await storeImage(db, actor, original, { purpose, focus });
  // The original was only the way in: the processed cover and thumbnail are what is kept and served.
  await bucket.delete(upload.storageKey).catch(() => {});
  await db
    .update(directUploads)
    .set({ status: "completed", imageId: image.id, finishedAt: new Date() })
    .where(and(eq(directUploads.id, upload.id), eq(directUploads.status, "open")));
  return { kind: "image", image };
}
