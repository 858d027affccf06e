// Which storage driver this server writes to: a bucket when S3_BUCKET is set, the database otherwise.
import "server-only";
import { env } from "@/lib/env";

export type BucketConfig = {
  bucket: string;
  endpoint?: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
};

/** The bucket from the environment, or null when files are stored in the database. */
export function bucketConfig(): BucketConfig | null {
  const e = env();
  if (!e.S3_BUCKET) return null;
  return {
    bucket: e.S3_BUCKET,
    endpoint: e.S3_ENDPOINT,
    // R2 and MinIO ignore the region but the signature needs one; R2 documents "auto".
    region: e.S3_REGION ?? (e.S3_ENDPOINT?.includes("r2.cloudflarestorage.com") ? "auto" : "us-east-1"),
    credentials: e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } : undefined,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === "true" || e.S3_FORCE_PATH_STYLE === "1",
  };
}
