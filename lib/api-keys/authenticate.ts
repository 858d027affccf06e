// Who is calling with `Authorization: Bearer agora_…`: the key's owner, re-read on every use, so a revoked key, a
// banned owner or a deleted account is refused on the very next request. Each key has its own rate limit.
import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { hitRateLimit, type RateLimitResult } from "@/lib/security/rate-limit";
import { API_KEY_PREFIX, hashApiKey } from "./keys";
import { API_KEY_SCOPE_LABELS, type ApiKeyScope } from "./scopes";

/** Requests per key per minute; API_KEY_RATE_LIMIT_PER_MINUTE overrides it. */
export function apiKeyRateLimitPerMinute(): number {
  const parsed = z.coerce.number().int().min(1).max(1_000_000).safeParse(process.env.API_KEY_RATE_LIMIT_PER_MINUTE);
  return parsed.success ? parsed.data : 120;
}

/** The key in an Authorization header, or null when the request carries none (a session request). */
export function bearerKey(headers: Headers): string | null {
  const value = headers.get("authorization");
  if (value === null) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value.trim());
  // A header that is there but unreadable is a bad key, not "no key": the caller meant to use one.
  return match ? match[1] : "";
}

export type KeyAuthentication =
  { ok: true; actor: Actor; keyId: string; rateLimit: RateLimitResult } | { ok: false; rateLimit: RateLimitResult; keyId: string };

/**
 * The actor behind a key, for a request that needs `scope`. Throws `apikey.invalid` (unknown or malformed),
 * `apikey.revoked`, `auth.banned` (owner banned or account gone) or `apikey.scope_missing`; answers
 * `ok: false` when the key is over its rate limit (the caller answers 429 with Retry-After).
 */
export async function authenticateApiKey(db: Db, key: string, scope: ApiKeyScope): Promise<KeyAuthentication> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) throw new DomainError("apikey.invalid");
  const [row] = await db
    .select({ id: apiKeys.id, userId: apiKeys.userId, scopes: apiKeys.scopes, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, hashApiKey(key)))
    .limit(1);
  if (!row) throw new DomainError("apikey.invalid");
  if (row.revokedAt) throw new DomainError("apikey.revoked");
  // loadActor re-reads role and status now and is null for a banned or missing account.
  const actor = await loadActor(db, row.userId);
  if (!actor) throw new DomainError("auth.banned");

  const rateLimit = await hitRateLimit(db, `api_key:${row.id}`, apiKeyRateLimitPerMinute());
  if (!rateLimit.allowed) return { ok: false, rateLimit, keyId: row.id };
  if (!row.scopes.includes(scope)) throw new DomainError("apikey.scope_missing", { scope, allows: API_KEY_SCOPE_LABELS[scope].allows });

  // Last use to the minute: one write a minute per key at most, not one per request.
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))));
  // A key reads what its owner owns or created, never with admin powers: an admin's leaked key opens nothing extra.
  return { ok: true, actor: { ...actor, role: "user" }, keyId: row.id, rateLimit };
}
