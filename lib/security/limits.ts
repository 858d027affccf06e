// The per-person limits of actions that write on someone's behalf, in one place (README, "Operating Agora"): each
// counts in Postgres (shared by every instance) and refuses with a 429 that says when to try again (Retry-After).
import "server-only";
import type { Db } from "@/db/client";
import { enforceRateLimit, type RateLimitCode, type RateLimitResult } from "./rate-limit";

type Limit = { prefix: string; limit: number; windowSeconds: number; code: RateLimitCode };

export const ACTION_LIMITS = {
  /** Checkouts started (paid or free) per buyer: a person buys a few things; a script opening sessions is stopped. */
  checkout: { prefix: "checkout", limit: 20, windowSeconds: 10 * 60, code: "checkout.rate_limited" },
  /** Reviews written, edited or replied to per person. */
  review: { prefix: "review", limit: 20, windowSeconds: 60 * 60, code: "review.rate_limited" },
  /** Uploads started (images, files, direct-to-bucket) per person: a listing needs a handful. */
  upload: { prefix: "upload", limit: 120, windowSeconds: 60 * 60, code: "upload.rate_limited" },
} as const satisfies Record<string, Limit>;

export type ActionLimit = keyof typeof ACTION_LIMITS;

/** Counts one `action` by `userId`; throws its 429 DomainError (with Retry-After) once the person is over the limit. */
export async function limitAction(db: Db, action: ActionLimit, userId: string): Promise<RateLimitResult> {
  const { prefix, limit, windowSeconds, code } = ACTION_LIMITS[action];
  return enforceRateLimit(db, `${prefix}:${userId}`, limit, windowSeconds, code);
}
