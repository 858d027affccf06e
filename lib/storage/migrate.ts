// Moving files whose bytes are still in the database into the bucket (`npm run storage:migrate`). One file at a
// time (memory stays at one file), each moved in two steps that can both be repeated: the object is written under
// a key derived from the file id, then the row takes the key and drops its bytes. A run that stops anywhere is
// resumed by running again; a finished run finds nothing left to move.
import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { files } from "@/db/schema";
import type { BucketStorage } from "./bucket";

export type StorageMigrationReport = {
  dryRun: boolean;
  /** Files whose bytes were in the database when the run started looking. */
  pending: number;
  pendingBytes: number;
  moved: number;
  movedBytes: number;
  /** Files already in the bucket (from uploads or an earlier run). */
  alreadyInBucket: number;
  failed: { fileId: string; reason: string }[];
};

/** The object key a migrated file gets: fixed per file, so a repeated or resumed run writes the same object. */
export const migratedObjectKey = (file: { id: string; ownerId: string }) => `files/${file.ownerId}/${file.id}`;

export async function migrateFilesToBucket(
  db: Db,
  bucket: BucketStorage,
  opts: { dryRun?: boolean; batchSize?: number; log?: (line: string) => void } = {},
): Promise<StorageMigrationReport> {
  const log = opts.log ?? (() => {});
  const [counts] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${files.storageKey} is null)`.mapWith(Number),
      pendingBytes: sql<number>`coalesce(sum(${files.byteSize}) filter (where ${files.storageKey} is null), 0)`.mapWith(Number),
      inBucket: sql<number>`count(*) filter (where ${files.storageKey} is not null)`.mapWith(Number),
    })
    .from(files);
  const report: StorageMigrationReport = {
    dryRun: Boolean(opts.dryRun),
    pending: counts.pending,
    pendingBytes: counts.pendingBytes,
    moved: 0,
    movedBytes: 0,
    alreadyInBucket: counts.inBucket,
    failed: [],
  };
  if (opts.dryRun || counts.pending === 0) return report;

  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await db
      .select({ id: files.id, ownerId: files.ownerId, contentType: files.contentType, byteSize: files.byteSize, sha256: files.sha256 })
      .from(files)
      .where(and(isNull(files.storageKey), gt(files.id, after)))
      .orderBy(asc(files.id))
      .limit(opts.batchSize ?? 100);
    if (batch.length === 0) break;
    for (const file of batch) {
      after = file.id;
      const reason = await moveOne(db, bucket, file);
      if (reason) {
        report.failed.push({ fileId: file.id, reason });
        log(`  ${file.id}: not moved (${reason})`);
      } else {
        report.moved++;
        report.movedBytes += file.byteSize;
      }
    }
    log(`  moved ${report.moved} of ${report.pending}`);
  }
  return report;
}

async function moveOne(db: Db, bucket: BucketStorage, file: { id: string; ownerId: string; contentType: string; byteSize: number; sha256: string }) {
  const [row] = await db.select({ data: files.data }).from(files).where(eq(files.id, file.id)).limit(1);
  // Moved by a run going on at the same time, or deleted meanwhile.
  if (!row?.data) return null;
  const bytes = new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength);
  // A file whose bytes no longer match its recorded hash stays where it is, for someone to look at.
  if (createHash("sha256").update(bytes).digest("hex") !== file.sha256) return "its bytes do not match the recorded sha256";
  const key = migratedObjectKey(file);
  try {
    await bucket.put(key, bytes, file.contentType);
    if ((await bucket.byteSize(key)) !== bytes.byteLength) return "the bucket holds a different size after writing";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  await db
    .update(files)
    .set({ storageKey: key, data: null })
    .where(and(eq(files.id, file.id), isNull(files.storageKey)));
  return null;
}
