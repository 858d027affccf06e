// Opaque keyset cursors: base64url JSON of (sort, exact sort key as text, id), validated before it reaches SQL.
import type { Sort } from "./params";
import { isUuid } from "@/lib/uuid";

export type CursorKey = { sort: Sort; key: string | null; id: string };

// Each sort's key is text produced by Postgres, so it round-trips exactly (microseconds, float8 digits).
const KEY_SHAPES: Record<Sort, RegExp> = {
  // tier|boost with a text query (boost is float8 text), sales count without one.
  relevance: /^([123]\|\d+(\.\d+)?(e[-+]?\d+)?|\d{1,10})$/i,
  newest: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
  popular: /^\d{1,10}$/,
  rating: /^\d(\.\d{1,2})?$/,
  price_asc: /^\d{1,7}$/,
  price_desc: /^\d{1,7}$/,
};

export function encodeCursor(cursor: CursorKey): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString("base64url");
}

/** The cursor for `sort`, or null when it is malformed or was made for another sort. */
export function decodeCursor(text: string, sort: Sort): CursorKey | null {
  if (text.length > 400 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [cursorSort, key, id] = value as unknown[];
  if (cursorSort !== sort || !isUuid(id)) return null;
  if (key === null) return sort === "newest" ? { sort, key: null, id } : null;
  if (typeof key !== "string" || !KEY_SHAPES[sort].test(key)) return null;
  if (sort === "newest" && Number.isNaN(Date.parse(key))) return null;
  return { sort, key, id };
}
