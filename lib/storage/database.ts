// The database driver: a file's bytes in its own `files.data` column (the embedded default; FILE_UPLOAD_MAX_BYTES caps them).
// Keys are file ids. Ranged reads are cut by Postgres, so only the asked-for bytes cross the connection.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { files } from "@/db/schema";
import type { StorageDriver } from "./driver";

const asBytes = (value: Uint8Array | null | undefined) => (value ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : new Uint8Array());

export function databaseStorage(db: Db): StorageDriver {
  return {
    name: "database",
    async readRange(key, start, length) {
      if (length <= 0) return new Uint8Array();
      const [row] = await db
        .select({ chunk: sql<Uint8Array>`substring(${files.data} from ${start + 1}::int for ${length}::int)` })
        .from(files)
        .where(eq(files.id, key))
        .limit(1);
      return asBytes(row?.chunk);
    },
    async read(key) {
      const [row] = await db.select({ data: files.data }).from(files).where(eq(files.id, key)).limit(1);
      return asBytes(row?.data);
    },
    async byteSize(key) {
      const [row] = await db
        .select({ size: sql<number | null>`octet_length(${files.data})` })
        .from(files)
        .where(eq(files.id, key))
        .limit(1);
      return row?.size === null || row?.size === undefined ? null : Number(row.size);
    },
  };
}
