// Uploaded bytes: cover and avatar images with their thumbnails (always in the database), and paid download files
// (bytes in `data` with the database storage driver, or an object in the bucket named by `storage_key`).
import { sql, type InferSelectModel } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt, primaryId, requiredRef } from "./columns";
import { users } from "./users-and-creators";

export const images = pgTable(
  "images",
  {
    id: primaryId(),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    // sha256 of the stored cover bytes: identical uploads share one row per owner.
    hash: text().notNull(),
    contentType: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    byteSize: integer().notNull(),
    data: bytea().notNull(),
    thumbContentType: text().notNull(),
    thumbWidth: integer().notNull(),
    thumbHeight: integer().notNull(),
    thumbData: bytea().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("images_owner_idx").on(t.ownerId),
    index("images_hash_idx").on(t.hash),
    check("images_dimensions_positive", sql`${t.width} > 0 and ${t.height} > 0 and ${t.byteSize} > 0`),
  ],
);

export const files = pgTable(
  "files",
  {
    id: primaryId(),
    ownerId: requiredRef(() => users.id, "cascade"),
    filename: text().notNull(),
    contentType: text().notNull(),
    byteSize: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull(),
    // Exactly one of the two holds the bytes (lib/storage): the row itself, or an object in the bucket.
    data: bytea(),
    storageKey: text(),
    // The model file check at upload (lib/files/model-inspect.ts, ModelFileCheck): the format report, or the refusal
    // and why. Null until checked (files stored before the check ran are checked when their version is submitted).
    inspection: jsonb(),
    createdAt: createdAt(),
  },
  (t) => [
    index("files_owner_idx").on(t.ownerId),
    uniqueIndex("files_storage_key_idx").on(t.storageKey),
    check("files_size_positive", sql`${t.byteSize} > 0`),
    check("files_bytes_stored_once", sql`(${t.data} is null) <> (${t.storageKey} is null)`),
  ],
);

export type Image = InferSelectModel<typeof images>;
export type FileRow = InferSelectModel<typeof files>;
