// The search bench's request mix: unique catalog requests drawn from a fixed seed, the way buyers really search —
// 0–3 words (vocabulary words, partial words, misspellings, words that match nothing), any filters with prices in
// cents and ratings at any value the API accepts, every sort, first and deep cursor pages, storefronts.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { CATEGORY_SLUGS } from "@/lib/catalog/categories";
import { encodeCursor } from "@/lib/catalog/cursor";
import { MAX_PRICE_CENTS, SORTS, type Sort } from "@/lib/catalog/params";
import { LISTING_KINDS } from "@/lib/listings/kinds";

export type BenchRequest = { shape: string; path: string; params: Record<string, string>; storefront?: string };

/** Positions in the catalog a deep page can start after: real rows' sort keys (any row is a valid keyset point). */
type Anchor = { id: string; creatorHandle: string; newest: string; popular: string; rating: string; price: string; boost: string };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

export async function loadMixInputs(db: Db) {
  const vocabulary = (await queryRows<{ term: string }>(db, sql`select term from search_terms where term ~ '^[a-z]{3,}$' order by term`)).map((r) => r.term);
  const anchors = await queryRows<Anchor>(
    db,
    sql`select s.listing_id as id, c.handle as "creatorHandle",
               to_char(s.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as newest,
               s.sales_count::text as popular, s.rating_avg::text as rating, s.price_cents::text as price, s.boost::text as boost
        from listing_search s join creator_profiles c on c.user_id = s.creator_id
        where s.published_at is not null
        order by md5(s.listing_id::text) limit 4000`,
  );
  const [prices] = await queryRows<{ max: number }>(db, sql`select coalesce(max(price_cents), 0)::int as max from listing_search`);
  return { vocabulary, anchors, maxPrice: Math.min(MAX_PRICE_CENTS, Number(prices?.max ?? 0)) };
}

/** `count` unique requests from `seed`; the same seed and the same catalog give the same requests. */
export function generateMix(inputs: Awaited<ReturnType<typeof loadMixInputs>>, count: number, seed = 20261130): BenchRequest[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const { vocabulary, anchors, maxPrice } = inputs;

  const nonsense = () => Array.from({ length: 4 + Math.floor(random() * 6) }, () => pick(LETTERS.split(""))).join("");
  const misspell = (word: string) => {
    const at = 1 + Math.floor(random() * (word.length - 2));
    const op = Math.floor(random() * 3);
    if (op === 0) return word.slice(0, at) + word.slice(at + 1);
    if (op === 1) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    return word.slice(0, at) + pick(LETTERS.split("")) + word.slice(at + 1);
  };
  const word = (): [string, string] => {
    const roll = random();
    const w = pick(vocabulary);
    if (roll < 0.55) return ["word", w];
    if (roll < 0.75) return ["partial", w.slice(0, Math.max(3, Math.ceil(w.length * (0.4 + random() * 0.4))))];
    if (roll < 0.92 && w.length >= 5) return ["typo", misspell(w)];
    return ["nothing", nonsense()];
  };

  const seen = new Set<string>();
  const out: BenchRequest[] = [];
  while (out.length < count) {
    const params: Record<string, string> = {};
    const roll = random();
    if (roll < 0.04) {
      // Storefront: a creator's grid, sorted and paged (the page renders the same catalog search).
      const anchor = pick(anchors);
      const sort = pick(["popular", "newest", "rating", "price_asc", "price_desc"] as const);
      if (sort !== "popular") params.sort = sort;
      const path = `/c/${anchor.creatorHandle}${Object.keys(params).length ? `?${new URLSearchParams(params)}` : ""}`;
      if (seen.has(path)) continue;
      seen.add(path);
      out.push({ shape: "storefront", path, params, storefront: anchor.creatorHandle });
      continue;
    }
    const words = roll < 0.2 ? [] : Array.from({ length: 1 + Math.floor(random() * 3) }, word);
    if (words.length) params.q = words.map((w) => w[1]).join(" ");
    if (chance(0.35)) params.kind = pick(LISTING_KINDS);
    if (chance(0.3)) params.category = pick(CATEGORY_SLUGS);
    if (chance(0.06)) params.free = "1";
    else {
      // Any cent value over the catalog's price range, as typed into the min/max boxes.
      const min = chance(0.3) ? Math.floor(random() * (maxPrice + 1)) : undefined;
      const max = chance(0.3) ? Math.floor(random() * (maxPrice + 1)) : undefined;
      if (min !== undefined && max !== undefined) {
        params.minPrice = String(Math.min(min, max));
        params.maxPrice = String(Math.max(min, max));
      } else if (min !== undefined) params.minPrice = String(min);
      else if (max !== undefined) params.maxPrice = String(max);
    }
    if (chance(0.25)) params.minRating = String(Math.round(random() * 500) / 100);
    const sorts: readonly Sort[] = params.q ? SORTS : SORTS.filter((s) => s !== "relevance");
    const sort = params.q && chance(0.5) ? "relevance" : pick(sorts);
    params.sort = sort;
    const deep = chance(0.2);
    if (deep) {
      const a = pick(anchors);
      const key: Record<Sort, string | null> = {
        relevance: params.q ? `${chance(0.5) ? 2 : 1}|${a.boost}` : a.popular,
        newest: a.newest,
        popular: a.popular,
        rating: a.rating,
        price_asc: a.price,
        price_desc: a.price,
      };
      params.cursor = encodeCursor({ sort, key: key[sort], id: a.id });
    }
    const shape = `${words.length ? `${words.length}w:${[...new Set(words.map((w) => w[0]))].sort().join("+")}` : "filters"}${deep ? ":deep" : ""}`;
    const path = `/api/v1/listings?${new URLSearchParams(params)}`;
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ shape, path, params });
  }
  return out;
}

/** Coarse shape (what the report groups by): number of words and the worst kind of word in them. */
export function shapeGroup(shape: string): string {
  if (shape === "storefront") return shape;
  const deep = shape.endsWith(":deep") ? ":deep" : "";
  if (shape.startsWith("filters")) return `filters_only${deep}`;
  const [count, kinds] = shape.split(":");
  return `${count}${kinds.includes("nothing") ? ":nothing" : kinds.includes("typo") ? ":typo" : kinds.includes("partial") ? ":partial" : ":word"}${deep}`;
}
