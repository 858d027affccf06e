// Direct uploads: a browser sending a file straight to the bucket through presigned multipart URLs
// (lib/storage/direct-uploads.ts). The row remembers who started it, what they declared and how it ended,
// so confirming, aborting and sweeping abandoned uploads need nothing from the browser but the id.
import { sql, type InferSelectModel } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, primaryId, requiredRef } from "./columns";
import { files, images } from "./media";
import { users } from "./users-and-creators";

export const DIRECT_UPLOAD_PURPOSES = ["file", "cover", "example", "avatar"] as const;
export const DIRECT_UPLOAD_STATUSES = ["open", "completed", "aborted"] as const;

export const directUploads = pgTable(
  "direct_uploads",
  {
    id: primaryId(),
    ownerId: requiredRef(() => users.id, "cascade"),
    // What the upload becomes: a model file (`files`) or an image original processed into `images`.
    purpose: text({ enum: DIRECT_UPLOAD_PURPOSES }).notNull(),
    storageKey: text().notNull(),
    multipartUploadId: text().notNull(),
    filename: text().notNull(),
    contentType: text().notNull(),
    // Declared before the first byte; the confirmation refuses an object of any other size.
    byteSize: bigint({ mode: "number" }).notNull(),
    partSize: integer().notNull(),
    status: text({ enum: DIRECT_UPLOAD_STATUSES }).notNull().default("open"),
    fileId: uuid().references(() => files.id, { onDelete: "set null" }),
    imageId: uuid().references(() => images.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("direct_uploads_storage_key_idx").on(t.storageKey),
    index("direct_uploads_owner_idx").on(t.ownerId),
    index("direct_uploads_open_idx")
      .on(t.createdAt)
      .where(sql`${t.status} = 'open'`),
    check("direct_uploads_purpose", sql`${t.purpose} in ('file', 'cover', 'example', 'avatar')`),
    check("direct_uploads_status", sql`${t.status} in ('open', 'completed', 'aborted')`),
    check("direct_uploads_sizes_positive", sql`${t.byteSize} > 0 and ${t.partSize} > 0`),
  ],
);

export type DirectUpload = InferSelectModel<typeof directUploads>;

// Bucket objects whose `files` row is gone (deleted by a draft's removal, the orphan sweep or an account's deletion):
// a trigger on `files` (migration 0023) queues the key in the transaction that deletes the row, and the storage cron
// deletes the object and then the queue row (lib/storage/orphans.ts). Nothing is lost when the bucket is down.
export const storageDeletions = pgTable(
  "storage_deletions",
  {
    storageKey: text().primaryKey(),
    createdAt: createdAt(),
  },
  (t) => [index("storage_deletions_created_idx").on(t.createdAt)],
);
