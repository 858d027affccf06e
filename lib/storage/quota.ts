// Per-creator storage quota: the bytes of a creator's files plus the files they are uploading straight to the bucket
// must stay under STORAGE_QUOTA_BYTES (default 20 GB with a bucket, 2 GB in the database). Checked when a direct
// upload starts and when a server upload arrives, under a per-creator lock so two uploads at once can't both fit.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directUploads, files } from "@/db/schema";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { formatBytes } from "@/lib/format";
import { bucketConfig } from "./config";

const GIB = 1024 * 1024 * 1024;
export const DEFAULT_BUCKET_QUOTA_BYTES = 20 * GIB;
export const DEFAULT_DATABASE_QUOTA_BYTES = 2 * GIB;

export type StorageUsage = { usedBytes: number; quotaBytes: number };

/** The bytes one creator may keep: STORAGE_QUOTA_BYTES, else a default that fits the storage driver. */
export function storageQuotaBytes(): number {
  return env().STORAGE_QUOTA_BYTES ?? (bucketConfig() ? DEFAULT_BUCKET_QUOTA_BYTES : DEFAULT_DATABASE_QUOTA_BYTES);
}

/** Bytes a creator's files take plus the files they are uploading now (an open direct upload holds its declared size). */
export async function storageUsage(db: Db, ownerId: string): Promise<StorageUsage> {
  const [stored] = await db
    .select({ bytes: sql<string | number>`coalesce(sum(${files.byteSize}), 0)` })
    .from(files)
    .where(eq(files.ownerId, ownerId));
  const [uploading] = await db
    .select({ bytes: sql<string | number>`coalesce(sum(${directUploads.byteSize}), 0)` })
    .from(directUploads)
    .where(and(eq(directUploads.ownerId, ownerId), eq(directUploads.status, "open"), eq(directUploads.purpose, "file")));
  return { usedBytes: Number(stored.bytes) + Number(uploading.bytes), quotaBytes: storageQuotaBytes() };
}

/** Refuses `incomingBytes` more for this creator when they would pass the quota (413, with what is used and allowed). */
export async function assertStorageRoom(db: Db, ownerId: string, incomingBytes: number): Promise<void> {
  const { usedBytes, quotaBytes } = await storageUsage(db, ownerId);
  if (usedBytes + incomingBytes > quotaBytes) {
    throw new DomainError("storage.quota_exceeded", { size: formatBytes(incomingBytes), used: formatBytes(usedBytes), quota: formatBytes(quotaBytes) });
  }
}

/**
 * Inside a transaction: takes the creator's storage lock (held until commit), checks there is room for `incomingBytes`,
 * so the row the caller inserts next is counted before any other upload of theirs is checked.
 */
export async function reserveStorage(tx: Db, ownerId: string, incomingBytes: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`storage:${ownerId}`}))`);
  await assertStorageRoom(tx, ownerId, incomingBytes);
}
