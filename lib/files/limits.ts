// Upload limits for attached files (model weights, preset packs): configurable with FILE_UPLOAD_MAX_BYTES.
import { z } from "zod";

export const DEFAULT_FILE_MAX_BYTES = 50 * 1024 * 1024;

const limitSchema = z.coerce
  .number()
  .int()
  .min(1024, "FILE_UPLOAD_MAX_BYTES must be at least 1024")
  .max(1024 * 1024 * 1024, "FILE_UPLOAD_MAX_BYTES must be at most 1 GiB (Postgres bytea values are capped at 1 GB)");

/** The largest attached file accepted, in bytes (default 50 MB). */
export function fileMaxBytes(source: Record<string, string | undefined> = process.env): number {
  const raw = source.FILE_UPLOAD_MAX_BYTES?.trim();
  if (!raw) return DEFAULT_FILE_MAX_BYTES;
  return limitSchema.parse(raw);
}
