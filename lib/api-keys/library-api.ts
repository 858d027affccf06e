// GET /api/v1/me/library's contract: the key owner's library as pages of public JSON, with the links a script downloads from.
import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { ListingKind } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { libraryItemsAfter, type LibraryItem } from "@/lib/library/items";

export const LIBRARY_API_DEFAULT_LIMIT = 20;
export const LIBRARY_API_MAX_LIMIT = 100;

export type LibraryApiQuery = { cursor?: string; limit: number; q?: string; updated?: boolean };

/** The longest title search the API takes (the library page keeps the first 100 characters of what was typed). */
export const LIBRARY_API_MAX_Q = 100;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const LIMIT_MESSAGE = `must be a whole number from 1 to ${LIBRARY_API_MAX_LIMIT}`;

const libraryQuerySchema = z.object({
  cursor: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(100, "is not a valid cursor")
      .regex(/^[A-Za-z0-9_-]+$/, "is not a valid cursor")
      .optional(),
  ),
  limit: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: LIMIT_MESSAGE })
      .int(LIMIT_MESSAGE)
      .min(1, LIMIT_MESSAGE)
      .max(LIBRARY_API_MAX_LIMIT, LIMIT_MESSAGE)
      .default(LIBRARY_API_DEFAULT_LIMIT),
  ),
  q: z.preprocess(blankToUndefined, z.string().trim().max(LIBRARY_API_MAX_Q, `must be at most ${LIBRARY_API_MAX_Q} characters`).optional()),
  updated: z.preprocess(
    blankToUndefined,
    z
      .enum(["true", "1", "false", "0"], { error: "must be true or false" })
      .transform((v) => v === "true" || v === "1")
      .optional(),
  ),
});

/** `?cursor&limit&q&updated`, or the parameter that is wrong and why (the public API's 400 shape). */
export function parseLibraryQuery(params: URLSearchParams): { ok: true; query: LibraryApiQuery } | { ok: false; parameter: string; message: string } {
  const parsed = libraryQuerySchema.safeParse({
    cursor: params.get("cursor") ?? undefined,
    limit: params.get("limit") ?? undefined,
    q: params.get("q") ?? undefined,
    updated: params.get("updated") ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const parameter = String(issue?.path[0] ?? "query");
    return { ok: false, parameter, message: `${parameter} ${issue?.message ?? "is not valid"}` };
  }
  return { ok: true, query: parsed.data };
}

/** One owned listing as the API shows it. `download`/`json` are there only for kinds that have them. */
export type LibraryApiItem = {
  orderId: string;
  listing: { id: string; slug: string; title: string; kind: ListingKind; url: string };
  creator: string;
  purchasedAt: string | null;
  purchasedVersion: number;
  currentVersion: number | null;
  updated: boolean;
  withdrawn: boolean;
  links: { library: string; download?: string; json?: string };
};

const FILE_KINDS: readonly ListingKind[] = ["model"];
const JSON_KINDS: readonly ListingKind[] = ["preset", "template"];

function apiItem(item: LibraryItem): LibraryApiItem {
  const links: LibraryApiItem["links"] = { library: `/library/${item.listingId}` };
  if (!item.withdrawn && FILE_KINDS.includes(item.kind)) links.download = `/api/library/${item.listingId}/download`;
  if (!item.withdrawn && JSON_KINDS.includes(item.kind)) links.json = `/api/library/${item.listingId}/json`;
  return {
    orderId: item.orderId,
    listing: { id: item.listingId, slug: item.slug, title: item.title, kind: item.kind, url: `/l/${item.slug}` },
    creator: item.creatorName,
    purchasedAt: item.purchasedAt?.toISOString() ?? null,
    purchasedVersion: item.purchasedVersion,
    currentVersion: item.currentVersion,
    updated: item.updated,
    withdrawn: item.withdrawn,
    links,
  };
}

const encodeCursor = (orderId: string) => Buffer.from(orderId, "utf8").toString("base64url");
const decodeCursor = (cursor: string) => Buffer.from(cursor, "base64url").toString("utf8");

/**
 * One page of the actor's library, newest purchase first (order id breaks ties, so pages never repeat or skip),
 * narrowed to titles containing `q` and to listings updated since bought (`updated`), as /library narrows.
 * Null when the cursor names no order in this library (altered, or the order was refunded).
 */
export async function libraryPage(db: Db, actor: Actor, query: LibraryApiQuery): Promise<{ items: LibraryApiItem[]; nextCursor: string | null } | null> {
  const page = await libraryItemsAfter(db, actor, query.cursor ? decodeCursor(query.cursor) : null, query.limit, {
    q: query.q,
    updated: query.updated || undefined,
  });
  if (!page) return null;
  const last = page.items[page.items.length - 1];
  return { items: page.items.map(apiItem), nextCursor: page.more && last ? encodeCursor(last.orderId) : null };
}
