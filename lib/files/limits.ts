// Upload limits for attached files (model weights, preset packs): FILE_UPLOAD_MAX_BYTES, validated in lib/env.ts.
import "server-only";
import { env } from "@/lib/env";

/** The largest attached file accepted, in bytes (default 50 MB). */
export function fileMaxBytes(): number {
  return env().FILE_UPLOAD_MAX_BYTES;
}
