// The storage interface: where the bytes of uploaded files live. Two drivers — the database (bytes in the
// `files` row, the embedded default) and an S3-compatible bucket (`S3_BUCKET`; lib/storage/bucket.ts).
import "server-only";

/** Reads `length` bytes from `start` (fewer at the end of the object). The shape the model-file inspector reads through. */
export type RangeReader = (start: number, length: number) => Promise<Uint8Array>;

export type StorageDriverName = "database" | "bucket";

export interface StorageDriver {
  readonly name: StorageDriverName;
  /** Bytes [start, start + length) of the object named `key`; shorter when the object ends first. */
  readRange(key: string, start: number, length: number): Promise<Uint8Array>;
  /** The whole object (for small objects: image originals, the database driver's downloads). */
  read(key: string): Promise<Uint8Array>;
  /** The object's size in bytes, or null when there is none. */
  byteSize(key: string): Promise<number | null>;
}
