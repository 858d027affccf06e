// API keys a person creates for their own scripts: shown once, stored as a sha256 hash, listed by prefix, revoked at once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { DomainError, parseInput } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { API_KEY_SCOPES, type ApiKeyScope } from "./scopes";

/** Every key starts with this, so a leaked key is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = "agora_";
/** The part of a key shown in lists: the prefix and the first six random characters. */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 6;
/** Active keys one person may hold; revoked ones don't count. */
export const MAX_ACTIVE_KEYS = 20;

/** 32 random bytes (256 bits) in base64url: a key nobody guesses, so one sha256 without salt is enough to store it. */
function generateKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name, e.g. the script that uses it.").max(80, "Keep the name under 80 characters."),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, { error: "Choose what the key may do." }))
    .min(1, "Choose at least one thing the key may do.")
    .transform((scopes) => [...new Set(scopes)].sort() as ApiKeyScope[]),
});

/** A key as its owner sees it in lists: never the hash. */
export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const summaryColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/** Creates a key for the actor; `key` is the only time the whole key exists outside the caller's hands. */
export async function createApiKey(db: Db, actor: Actor | null, input: unknown): Promise<{ key: string; apiKey: ApiKeySummary }> {
  // Suspended accounts may still read what they own, so they may still make a key to do it.
  const user = assertSignedIn(actor);
  const { name, scopes } = parseInput(createApiKeySchema, input);
  const key = generateKey();
  return db.transaction(async (tx) => {
    const [{ active }] = await tx
      .select({ active: count() })
      .from(apiKeys)
      .where(and(eq(apiKeys.userId, user.id), isNull(apiKeys.revokedAt)));
    if (active >= MAX_ACTIVE_KEYS) throw new DomainError("apikey.limit_reached", { max: MAX_ACTIVE_KEYS });
    const [row] = await tx
      .insert(apiKeys)
      .values({ userId: user.id, name, scopes, prefix: key.slice(0, SHOWN_LENGTH), keyHash: hashApiKey(key) })
      .returning(summaryColumns);
    return { key, apiKey: { ...row, scopes: row.scopes as ApiKeyScope[] } };
  });
}

/** The actor's keys, active ones first, newest first. */
export async function listApiKeys(db: Db, actor: Actor | null): Promise<ApiKeySummary[]> {
  const user = assertSignedIn(actor);
  const rows = await db.select(summaryColumns).from(apiKeys).where(eq(apiKeys.userId, user.id)).orderBy(apiKeys.revokedAt, desc(apiKeys.createdAt));
  return rows.map((r) => ({ ...r, scopes: r.scopes as ApiKeyScope[] }));
}

/** Revokes one of the actor's keys; the next request with it is refused. Someone else's key is "not found". */
export async function revokeApiKey(db: Db, actor: Actor | null, keyId: string): Promise<ApiKeySummary> {
  const user = assertSignedIn(actor);
  if (!isUuid(keyId)) throw new DomainError("not_found");
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, user.id), isNull(apiKeys.revokedAt)))
    .returning(summaryColumns);
  if (row) return { ...row, scopes: row.scopes as ApiKeyScope[] };
  const [existing] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, user.id)))
    .limit(1);
  throw new DomainError(existing ? "apikey.already_revoked" : "not_found");
}

/** Revokes every active key of a user (account deletion); returns how many. Runs inside the caller's transaction. */
export async function revokeAllApiKeys(db: Db, userId: string): Promise<number> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length;
}
