// Bearer secrets (Vercel cron's CRON_SECRET, the metrics scraper's METRICS_TOKEN); with no secret configured, nothing passes.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** True only for the exact bearer token of a non-empty secret (so `Bearer undefined` never passes). */
export function isBearerAuthorized(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || !secret.trim() || !authorization) return false;
  return timingSafeEqual(digest(authorization), digest(`Bearer ${secret}`));
}

/** The cron routes' check: `Authorization: Bearer $CRON_SECRET`. */
export const isCronAuthorized = isBearerAuthorized;
