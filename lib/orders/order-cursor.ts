// Where a page of orders (newest first) ends: the last order shown, by its exact creation time (microseconds) and id.
// The admin's order list and a buyer's order history page with it.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { orders } from "@/db/schema";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/lib/keyset-cursor";
import { uuidSchema } from "@/lib/uuid";

const cursorSchema = z.tuple([z.iso.datetime(), uuidSchema()]);

/** The order's creation time as the cursor keeps it: UTC to the microsecond (a Date would round it to milliseconds). */
export const orderCursorAt = sql<string>`to_char(${orders.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function encodeOrdersCursor(row: { cursorAt: string; id: string }): string {
  return encodeKeysetCursor([row.cursorAt, row.id]);
}

/** A cursor from the address, or null when absent or not one of ours (the newest orders are shown then). */
export function decodeOrdersCursor(cursor: string | null | undefined): [string, string] | null {
  return decodeKeysetCursor(cursorSchema, cursor);
}

/** Orders older than the cursor's, in the newest-first order (created_at desc, id desc); orders created in one
 * microsecond are told apart by id, so paging never skips or repeats one. */
export function olderThan(cursor: [string, string]): SQL {
  return sql`(${orders.createdAt}, ${orders.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`;
}

/** Reads `limit + 1` rows' worth into one page and the cursor of the page after it, when there is one. */
export function orderPage<T extends { cursorAt: string; id: string }>(found: T[], limit: number): { rows: Omit<T, "cursorAt">[]; nextCursor: string | null } {
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ cursorAt: _, ...row }) => row),
    nextCursor: found.length > limit && last ? encodeOrdersCursor(last) : null,
  };
}
