// The catalog query contract shared by /browse and GET /api/v1/listings: zod-parsed filters, sort, cursor and limit.
import { z } from "zod";
import { LISTING_KINDS } from "@/lib/listings/kinds";
import { CATEGORY_SLUGS } from "./categories";
import { decodeCursor } from "./cursor";

export const SORTS = ["relevance", "newest", "popular", "rating", "price_asc", "price_desc"] as const;
export type Sort = (typeof SORTS)[number];

export const SORT_LABELS: Record<Sort, string> = {
  relevance: "Best match",
  newest: "Newest",
  popular: "Most popular",
  rating: "Highest rated",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
};

/** Prices are integer cents everywhere, including the API's minPrice/maxPrice (1000 = $10.00). */
export const MAX_PRICE_CENTS = 100_000;
export const DEFAULT_LIMIT = 24;
export const MAX_LIMIT = 60;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const cents = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "must be a whole number of cents" })
    .int("must be a whole number of cents")
    .min(0, "must be 0 or more")
    .max(MAX_PRICE_CENTS, `must be at most ${MAX_PRICE_CENTS}`)
    .optional(),
);

export const catalogQuerySchema = z
  .object({
    q: z.preprocess(blankToUndefined, z.string().trim().max(200, "must be 200 characters or fewer").optional()),
    kind: z.preprocess(blankToUndefined, z.enum(LISTING_KINDS, { error: `must be one of ${LISTING_KINDS.join(", ")}` }).optional()),
    category: z.preprocess(blankToUndefined, z.enum(CATEGORY_SLUGS, { error: "is not a known category" }).optional()),
    minPrice: cents,
    maxPrice: cents,
    free: z
      .preprocess(blankToUndefined, z.enum(["1", "true", "0", "false"], { error: "must be true or false" }).optional())
      .transform((v) => v === "1" || v === "true"),
    // Only listings whose live version's license allows commercial use (lib/licenses).
    commercial: z
      .preprocess(blankToUndefined, z.enum(["1", "true", "0", "false"], { error: "must be true or false" }).optional())
      .transform((v) => v === "1" || v === "true"),
    minRating: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: "must be a number from 0 to 5" }).min(0, "must be 0 or more").max(5, "must be 5 or less").optional(),
    ),
    sort: z.preprocess(blankToUndefined, z.enum(SORTS, { error: `must be one of ${SORTS.join(", ")}` }).optional()),
    cursor: z.preprocess(
      blankToUndefined,
      z
        .string()
        .max(400, "is not a valid cursor")
        .regex(/^[A-Za-z0-9_-]+$/, "is not a valid cursor")
        .optional(),
    ),
    limit: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: `must be a whole number from 1 to ${MAX_LIMIT}` })
        .int(`must be a whole number from 1 to ${MAX_LIMIT}`)
        .min(1, "must be at least 1")
        .max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`)
        .default(DEFAULT_LIMIT),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.minPrice !== undefined && value.maxPrice !== undefined && value.minPrice > value.maxPrice) {
      ctx.addIssue({ code: "custom", path: ["minPrice"], message: "must not be greater than maxPrice" });
    }
  });

export type CatalogQueryInput = z.input<typeof catalogQuerySchema>;

/** A parsed, normalised catalog query: `sort` is always set (relevance needs a text query, otherwise popular). */
export type CatalogQuery = {
  q?: string;
  kind?: (typeof LISTING_KINDS)[number];
  category?: (typeof CATEGORY_SLUGS)[number];
  minPrice?: number;
  maxPrice?: number;
  free: boolean;
  /** Only listings whose license allows commercial use (unset = any license). */
  commercial?: boolean;
  minRating?: number;
  sort: Sort;
  cursor?: string;
  limit: number;
  /** Internal only (storefronts): never read from a URL. */
  creatorId?: string;
};

export function normalizeQuery(parsed: z.output<typeof catalogQuerySchema>): CatalogQuery {
  const q = parsed.q ? parsed.q.replace(/\s+/g, " ") : undefined;
  const sort: Sort = parsed.sort ?? (q ? "relevance" : "popular");
  return { ...parsed, q, sort };
}

export type ParseResult = { ok: true; query: CatalogQuery } | { ok: false; parameter: string; message: string };

/** Parses URL search parameters; the first problem names its parameter (`minPrice must be 0 or more`). */
export function parseCatalogQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): ParseResult {
  const raw: Record<string, string | undefined> = {};
  const keys = ["q", "kind", "category", "minPrice", "maxPrice", "free", "commercial", "minRating", "sort", "cursor", "limit"];
  for (const key of keys) {
    const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
    raw[key] = Array.isArray(value) ? value[0] : value;
  }
  const parsed = catalogQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const parameter = String(issue?.path[0] ?? "query");
    return { ok: false, parameter, message: `${parameter} ${issue?.message ?? "is not valid"}` };
  }
  const query = normalizeQuery(parsed.data);
  if (query.cursor && !decodeCursor(query.cursor, query.sort))
    return { ok: false, parameter: "cursor", message: "cursor is not valid for this query (it belongs to another sort or was altered)" };
  return { ok: true, query };
}

/** The query as URL parameters (defaults left out), for links that keep the current state. */
export function queryToSearchParams(
  query: Partial<CatalogQuery>,
  overrides: Partial<Record<keyof CatalogQuery, string | number | boolean | undefined>> = {},
): URLSearchParams {
  const merged: Record<string, unknown> = { ...query, ...overrides };
  const out = new URLSearchParams();
  for (const key of ["q", "kind", "category", "minPrice", "maxPrice", "free", "commercial", "minRating", "sort", "cursor"] as const) {
    const value = merged[key];
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (key === "sort" && value === (merged.q ? "relevance" : "popular")) continue;
    out.set(key, value === true ? "1" : String(value));
  }
  if (merged.limit !== undefined && merged.limit !== DEFAULT_LIMIT) out.set("limit", String(merged.limit));
  return out;
}
