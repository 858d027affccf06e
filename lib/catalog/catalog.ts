// One catalog request (items, next cursor, facets) in one transaction whose plans are pinned to the indexes.
import "server-only";
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
    // Sent together with the work's first statement (the connection runs them in order).
    const [, result] = await Promise.all([
      tx.execute(sql`select set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)`),
      work(tx as unknown as Db),
    ]);
    return result;
  });
}

/**
 * Items and facets of one request. The text is resolved first; then the page and the facet counts, which both
 * scan the matches, run at the same time in two transactions (two connections, two cores on Postgres; one after
 * the other on PGlite). Their snapshots may differ by a listing published in between, nothing more.
 */
export async function catalogSearch(db: Db, query: CatalogQuery): Promise<CatalogResult> {
  const text = await resolveTextQuery(db, query.q);
  const [page, { facets, counted }] = await Promise.all([
    withCatalogPlans(db, (tx) => searchListings(tx, query, text)),
    withCatalogPlans(db, (tx) => facetsWithSource(tx, query, text)),
  ]);
  // A word this frequent is counted once more, now, and its cells are kept from then on (writers wait meanwhile).
  const single = singleWord(text);
  if (counted && single && text && text.bodyMatches >= FREQUENT_TOKEN_MATCHES) await keepTokenFacets(db, single);
  return { ...page, facets, didYouMean: text?.didYouMean ?? null };
}
