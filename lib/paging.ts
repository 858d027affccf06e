// Numbered pages of a list whose total is counted: "Page 2 of 5", for admin queues and tables.
import { z } from "zod";

export type CountedPage<T> = { rows: T[]; page: number; total: number; pageCount: number };

/** A `page` parameter from an address: a whole number from 1, anything else read as the first page (undefined). */
export const pageParamSchema = z.coerce.number().int().min(1).max(100_000).optional().catch(undefined);

/** The page of `rows` (already read with `pageOffset`) among `total` rows, `size` a page. */
export function countedPage<T>(rows: T[], page: number, total: number, size: number): CountedPage<T> {
  return { rows, page, total, pageCount: Math.max(1, Math.ceil(total / size)) };
}

/** The first row of `page` (from 1; a smaller or fractional page reads as its whole part, at least 1). */
export function pageOffset(page: number, size: number): { page: number; offset: number } {
  const at = Math.max(1, Math.floor(page));
  return { page: at, offset: (at - 1) * size };
}

/** A list's search text from an address: trimmed, its first 100 characters; blank, repeated or missing is no search. */
export const searchParamSchema = z
  .string()
  .trim()
  .transform((q) => q.slice(0, 100).trim() || undefined)
  .optional()
  .catch(undefined);
