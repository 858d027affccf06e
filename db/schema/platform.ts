// Running the platform: the audit log, received Stripe events, API keys and shared rate-limit counters.
import { sql, type InferSelectModel } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, primaryId, requiredRef } from "./columns";
import { users } from "./users-and-creators";

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text().notNull(),
    details: jsonb().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_target_idx").on(t.targetType, t.targetId), index("audit_log_created_idx").on(t.createdAt)],
);

export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text().primaryKey(),
    type: text().notNull(),
    payload: jsonb().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("stripe_events_type_idx").on(t.type, t.receivedAt)],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: primaryId(),
    userId: requiredRef(() => users.id, "cascade"),
    name: text().notNull(),
    prefix: text().notNull(),
    // sha256 of the whole key (hex); the key itself is shown once and never stored.
    keyHash: text().notNull(),
    // What the key may do (API_KEY_SCOPES in lib/api-keys/scopes.ts): `library:read`, `downloads`.
    scopes: text().array().notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("api_keys_hash_key").on(t.keyHash),
    index("api_keys_user_idx").on(t.userId),
    check("api_keys_scopes_known", sql`cardinality(${t.scopes}) > 0 and ${t.scopes} <@ array['library:read', 'downloads']::text[]`),
  ],
);

// Fixed-window counters shared by every instance (ARCHITECTURE.md, "Running many instances": no limits kept in process memory).
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  count: integer().notNull(),
  resetAt: timestamp({ withTimezone: true }).notNull(),
});

export type AuditLogEntry = InferSelectModel<typeof auditLog>;
export type StripeEvent = InferSelectModel<typeof stripeEvents>;
export type ApiKey = InferSelectModel<typeof apiKeys>;

/**
 * Data-cache tags revalidated by any server (a publish, a moderation, a review), so that every `next start` instance
 * — other machines behind a balancer, or the other processes of one (SERVER_WORKERS) — drops what one of them
 * revalidated: Next keeps revalidated tags in each process's memory (lib/cache/shared-tags.mjs). One row per tag,
 * its latest revalidation; `version` orders them for the instances that poll.
 */
export const cacheTagRevalidations = pgTable(
  "cache_tag_revalidations",
  {
    tag: text().primaryKey(),
    /** Next's revalidateTag durations (`{ expire }` in seconds), or null: expired at once. */
    durations: jsonb(),
    version: bigserial({ mode: "number" }).notNull(),
    revalidatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cache_tag_revalidations_version_idx").on(t.version), index("cache_tag_revalidations_at_idx").on(t.revalidatedAt)],
);
