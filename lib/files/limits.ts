// Upload limits for attached files (model weights, preset packs). Through the server (the database driver, or any
// upload posted to /api/uploads/files) FILE_UPLOAD_MAX_BYTES applies, validated in lib/env.ts; straight to a bucket,
// BUCKET_FILE_MAX_BYTES.
import "server-only";
import { env } from "@/lib/env";
import { bucketConfig } from "@/lib/storage/config";

/** The largest file uploaded straight to the bucket: 5 GiB, S3's limit for one PUT and plenty for a fine-tune. */
export const BUCKET_FILE_MAX_BYTES = 5 * 1024 * 1024 * 1024;

/** The largest body POST /api/uploads/files reads (default 50 MB; Postgres bytea values are capped at 1 GB). */
export function serverUploadMaxBytes(): number {
  return env().FILE_UPLOAD_MAX_BYTES;
}

/** The largest attached file a creator may upload with the configured storage driver. */
export function fileMaxBytes(): number {
  return bucketConfig() ? BUCKET_FILE_MAX_BYTES : serverUploadMaxBytes();
}
