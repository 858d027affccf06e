// Facet counts for kind, category, price band and rating: each group counts under every other filter (not its own).
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { LISTING_KINDS, type Kind } from "@/lib/listings/kinds";
import { CATEGORIES } from "./categories";
import { allOf, filterConditions, PUBLISHED, tsQuery } from "./filters";
import type { CatalogQuery } from "./params";
import type { TextMatch } from "./search";

/** Price bands in cents: [min, max] inclusive, max null = no upper bound. */
export const PRICE_BANDS = [
  { id: "free", label: "Free", min: 0, max: 0 },
  { id: "under-5", label: "Under $5", min: 1, max: 499 },
  { id: "5-20", label: "$5 – $20", min: 500, max: 1999 },
  { id: "20-50", label: "$20 – $50", min: 2000, max: 4999 },
  { id: "over-50", label: "$50 and up", min: 5000, max: null },
] as const;

/** Rating thresholds shown as "4.5 & up", "4 & up"… (counts are cumulative). */
export const RATING_THRESHOLDS = [4.5, 4, 3, 2, 1] as const;

export type Facets = {
  kind: { value: Kind; count: number }[];
  category: { value: string; count: number }[];
  price: { value: (typeof PRICE_BANDS)[number]["id"]; label: string; min: number; max: number | null; count: number }[];
  rating: { value: number; count: number }[];
};

const BAND_SQL = sql.raw(
  `case ${PRICE_BANDS.map((b, i) => `when l.price_cents ${b.max === null ? `>= ${b.min}` : `between ${b.min} and ${b.max}`} then ${i}`).join(" ")} end`,
);
const RATING_SQL = sql.raw(`case ${RATING_THRESHOLDS.map((t, i) => `when l.rating_avg >= ${t} then ${i}`).join(" ")} else -1 end`);

type FacetRow = { kind: Kind | null; category: string | null; band: number | null; rating: number | null; nk: number; nc: number; np: number; nr: number; g: number };

/** The facet SQL (exported for the benchmark's EXPLAIN): one pass, four grouping sets, one filtered count per group. */
export function facetSql(query: CatalogQuery, text: TextMatch | null) {
  const f = filterConditions(query);
  const ok = (part: keyof typeof f) => f[part] ?? sql`true`;
  // A row matters to a facet group when it passes every filter but that group's own: at least three of four.
  const relevant = [f.kind, f.category, f.price, f.rating].filter(Boolean).length >= 2
    ? sql`((${ok("kind")})::int + (${ok("category")})::int + (${ok("price")})::int + (${ok("rating")})::int) >= 3`
    : null;
  return sql`select kind, category, band, rating,
      count(*) filter (where c_ok and p_ok and r_ok)::int as nk,
      count(*) filter (where k_ok and p_ok and r_ok)::int as nc,
      count(*) filter (where k_ok and c_ok and r_ok)::int as np,
      count(*) filter (where k_ok and c_ok and p_ok)::int as nr,
      grouping(kind, category, band, rating)::int as g
    from (
      select l.kind, l.category, ${BAND_SQL} as band, ${RATING_SQL} as rating,
             ${ok("kind")} as k_ok, ${ok("category")} as c_ok, ${ok("price")} as p_ok, ${ok("rating")} as r_ok
      from listings l
      where ${allOf([PUBLISHED, text ? sql`l.search @@ ${tsQuery(text.source)}` : null, relevant])}
    ) s
    group by grouping sets ((kind), (category), (band), (rating))`;
}

export async function searchFacets(db: Db, query: CatalogQuery, text: TextMatch | null): Promise<Facets> {
  const rows = await queryRows<FacetRow>(db, facetSql(query, text));
  const kinds = new Map<string, number>();
  const categories = new Map<string, number>();
  const bands = new Map<number, number>();
  const ratings = new Map<number, number>();
  for (const row of rows) {
    // grouping() bits, high to low: kind, category, band, rating (1 = rolled up).
    if (row.g === 0b0111 && row.kind) kinds.set(row.kind, Number(row.nk));
    else if (row.g === 0b1011 && row.category) categories.set(row.category, Number(row.nc));
    else if (row.g === 0b1101 && row.band !== null) bands.set(Number(row.band), Number(row.np));
    else if (row.g === 0b1110 && row.rating !== null) ratings.set(Number(row.rating), Number(row.nr));
  }
  let cumulative = 0;
  const rating = RATING_THRESHOLDS.map((value, i) => {
    cumulative += ratings.get(i) ?? 0;
    return { value, count: cumulative };
  });
  return {
    kind: LISTING_KINDS.map((value) => ({ value, count: kinds.get(value) ?? 0 })),
    category: CATEGORIES.map((c) => ({ value: c.slug, count: categories.get(c.slug) ?? 0 })),
    price: PRICE_BANDS.map((b, i) => ({ value: b.id, label: b.label, min: b.min, max: b.max, count: bands.get(i) ?? 0 })),
    rating,
  };
}
