// Opaque keyset cursors for paged lists: base64url JSON of the last row's sort key, read back through a schema.
import type { z } from "zod";

/** The cursor of the row a page ended at: its sort key's values, exactly as the next statement compares them. */
export function encodeKeysetCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** A cursor from an address or a client, or null when absent, too long or not one of ours (the first page then). */
export function decodeKeysetCursor<T>(schema: z.ZodType<T>, cursor: string | null | undefined, maxLength = 200): T | null {
  if (!cursor || cursor.length > maxLength) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
