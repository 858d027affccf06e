// One catalog request (items, next cursor, facets) in one transaction whose plans are pinned to the indexes.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { facetsWithSource, keepTokenFacets, singleWord, type Facets } from "./facets";
import type { CatalogQuery } from "./params";
import { resolveTextQuery, searchListings, type SearchPage } from "./search";
import { FREQUENT_TOKEN_MATCHES } from "./terms";

export type CatalogResult = SearchPage & { facets: Facets; didYouMean: string | null };

/**
 * listing_search keeps `body` out of line, which the planner does not price: it would rather seq-scan and
 * detoast every row than read the GIN index. Inside this transaction seq scans are a last resort unless a statement
 * says otherwise (planNext), JIT is off (its compile time dwarfs these millisecond queries), and statements are planned
 * for their own parameters (a word in ten listings and one in half of them want different plans), never with a
 * cached generic plan. All settings are local to the transaction.
 */
export async function withCatalogPlans<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)`,
    );
    return work(tx as unknown as Db);
  });
}

export async function catalogSearch(db: Db, query: CatalogQuery): Promise<CatalogResult> {
  let frequentWord: string | null = null;
  const result = await withCatalogPlans(db, async (tx) => {
    const text = await resolveTextQuery(tx, query.q);
    const page = await searchListings(tx, query, text);
    const { facets, counted } = await facetsWithSource(tx, query, text);
    const single = singleWord(text);
    if (counted && single && text && text.bodyMatches >= FREQUENT_TOKEN_MATCHES) frequentWord = single;
    return { ...page, facets, didYouMean: text?.didYouMean ?? null };
  });
  // A word this frequent is counted once more, now, and its cells are kept from then on (writers wait meanwhile).
  if (frequentWord) await keepTokenFacets(db, frequentWord);
  return result;
}
