// Vercel cron calls carry `Authorization: Bearer $CRON_SECRET`; with no secret configured, nothing passes.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** True only for the exact bearer token of a non-empty secret (so `Bearer undefined` never passes). */
export function isCronAuthorized(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || !secret.trim() || !authorization) return false;
  return timingSafeEqual(digest(authorization), digest(`Bearer ${secret}`));
}
