// Moderation of live listings: a published listing's public details wait here for approval while the approved ones stay live.
import { sql, type InferSelectModel } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, primaryId, requiredRef, updatedAt } from "./columns";
import { listings } from "./listings";
import { images } from "./media";
import { users } from "./users-and-creators";

export const REVISION_STATUSES = ["pending", "approved", "rejected"] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

// A revision holds the whole proposed public part (not a patch), so approving it is one copy onto the listing.
export const listingRevisions = pgTable(
  "listing_revisions",
  {
    id: primaryId(),
    listingId: requiredRef(() => listings.id, "cascade"),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    title: text().notNull(),
    summary: text().notNull().default(""),
    description: text().notNull().default(""),
    category: text().notNull(),
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    coverImageId: uuid().references(() => images.id, { onDelete: "set null" }),
    status: text().$type<RevisionStatus>().notNull().default("pending"),
    // The rejection reason the creator sees, or the approving admin's note.
    decisionNote: text(),
    decidedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("listing_revisions_one_pending_key")
      .on(t.listingId)
      .where(sql`status = 'pending'`),
    index("listing_revisions_listing_idx").on(t.listingId, t.submittedAt),
    index("listing_revisions_queue_idx").on(t.status, t.submittedAt),
    check("listing_revisions_status_known", sql`${t.status} in ('pending', 'approved', 'rejected')`),
  ],
);

export type ListingRevision = InferSelectModel<typeof listingRevisions>;
