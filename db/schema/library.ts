// What buyers do with what they own: their attempts at a test listing.
import { sql, type InferSelectModel } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, uuid } from "drizzle-orm/pg-core";
import { createdAt, primaryId, requiredRef } from "./columns";
import { listings, listingVersions } from "./listings";
import { orders } from "./orders-and-ledger";
import { users } from "./users-and-creators";

export const testAttempts = pgTable(
  "test_attempts",
  {
    id: primaryId(),
    userId: requiredRef(() => users.id, "cascade"),
    listingId: requiredRef(() => listings.id, "cascade"),
    versionId: requiredRef(() => listingVersions.id, "cascade"),
    orderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    answers: jsonb().notNull(),
    score: integer().notNull(),
    total: integer().notNull(),
    passed: boolean().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("test_attempts_user_idx").on(t.userId, t.listingId, t.createdAt),
    index("test_attempts_listing_idx").on(t.listingId),
    check("test_attempts_score_range", sql`${t.score} >= 0 and ${t.score} <= ${t.total}`),
  ],
);

export type TestAttempt = InferSelectModel<typeof testAttempts>;
