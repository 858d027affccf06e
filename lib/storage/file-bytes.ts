// Where one stored file's bytes are: the row says (a `storage_key` names a bucket object, otherwise the bytes are
// in the row), so files uploaded before a bucket was configured keep working until `npm run storage:migrate`.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { requireBucket } from "./bucket";
import { databaseStorage } from "./database";
import type { RangeReader, StorageDriver } from "./driver";

export type FileBytesRef = { id: string; storageKey: string | null };

/** The driver holding a file's bytes and the key they are stored under. */
export function storageOf(db: Db, file: FileBytesRef): { driver: StorageDriver; key: string } {
  return file.storageKey ? { driver: requireBucket(), key: file.storageKey } : { driver: databaseStorage(db), key: file.id };
}

/** Ranged reads over a stored file (the model-file inspector reads headers through this, never the whole file). */
export function rangeReaderFor(db: Db, file: FileBytesRef): RangeReader {
  const { driver, key } = storageOf(db, file);
  return (start, length) => driver.readRange(key, start, length);
}

/** A stored file's whole bytes (small files only: the database driver keeps them under FILE_UPLOAD_MAX_BYTES). */
export function readFileBytes(db: Db, file: FileBytesRef): Promise<Uint8Array> {
  const { driver, key } = storageOf(db, file);
  return driver.read(key);
}

/** A new, unguessable object key for an owner's upload. `files/` objects are kept; `uploads/` ones are image originals. */
export function newObjectKey(kind: "files" | "uploads", ownerId: string): string {
  return `${kind}/${ownerId}/${randomUUID()}`;
}
