// One catalog request (items, next cursor, facets) in one transaction whose plans are pinned to the indexes.
import "server-only";
import type { Db } from "@/db/client";
import {
  APPROXIMATE_FACETS_ABOVE,
  countedFacets,
  countFiltered,
  countsEveryMatch,
  FACET_SAMPLE_ROWS,
  keepTitleFacets,
  keepTokenFacets,
  keptPriceSpan,
  keptTermsShowNone,
  keptWordCells,
  matchesPassingFilters,
  singleTerm,
  termGroups,
  type Facets,
  type PriceSpan,
  type PriceTail,
} from "./facets";
import { cursorFor } from "./page-statements";
import type { CatalogQuery } from "./params";
import { withCatalogPlans } from "./plan-settings";
import { pageWithFacets } from "./page-with-facets";
import { searchListings, type SearchPage } from "./search";
import { resolveTextQuery, type TextMatch } from "./text-match";
import { FREQUENT_TOKEN_MATCHES } from "./terms";
import { serverSaturated } from "@/lib/observability/admission";

export type CatalogResult = SearchPage & { facets: Facets; didYouMean: string | null };

/** Runs work after the answer is sent (Next's `after` in a request); without one, work runs before catalogSearch returns. */
export type Later = (work: () => Promise<void>) => void;

/**
 * Items and facets of one request. The text is resolved first. Words whose facets count every match get the page from
 * the same statement (pageWithFacets). Otherwise the count of listings passing the filters is read, and the page and
 * the facets run at the same time in two transactions (two connections, two cores on Postgres; one after the other
 * on PGlite) — the facets being the catalog's kept cube (no words), a frequent word's kept cells (read first), or a
 * sample of very many matches. Their snapshots may differ by a listing published in between, nothing more.
 */
export async function catalogSearch(db: Db, query: CatalogQuery, opts: { later?: Later } = {}): Promise<CatalogResult> {
  return searchWithText(db, query, await resolveTextQuery(db, query.q), opts);
}

/**
 * catalogSearch once the text is resolved, its estimates as they came: `countAtMost` is the most matches the estimate
 * may expect for their facets to be counted exactly (APPROXIMATE_FACETS_ABOVE; tests make it small).
 */
export async function searchWithText(
  db: Db,
  query: CatalogQuery,
  estimated: TextMatch | null,
  opts: { later?: Later; countAtMost?: number } = {},
): Promise<CatalogResult> {
  const countAtMost = opts.countAtMost ?? APPROXIMATE_FACETS_ABOVE;
  const single = singleTerm(estimated);
  // A frequent word's (or partial word's) facets come from kept cells in about a millisecond, before the page: they
  // count exactly how many of its listings pass the filters, which tells the page how to find them, or that there are
  // none to find. Only a term in about FREQUENT_TOKEN_MATCHES listings can have kept cells: a rarer one goes straight
  // to counting (one statement fewer; should its cells exist after all, counting gives the same facets).
  const mayBeKept = single !== null && estimated !== null && estimated.bodyMatches >= FREQUENT_TOKEN_MATCHES / 2;
  // The count of listings passing the filters steers the page statements; it is read only for them (about a
  // millisecond of Postgres summing the kept catalog cells at 1M listings), at the same time as the kept cells.
  const filterCount = () => countFiltered(db, query);
  // Under a price order the same cells also tell at which price the page's matches begin (keptPriceSpan).
  const [cells, keptFiltered, keptSpan] = mayBeKept
    ? await Promise.all([withCatalogPlans(db, (tx) => keptWordCells(tx, query, estimated)), filterCount(), priceSpanOf(db, query, estimated)])
    : [null, undefined, null];
  const kept = cells?.facets ?? null;
  // Facets that count every match read each match's row: the page is sorted from the same read (pageWithFacets), which
  // goes on to twice the estimate's limit when the estimate was low (READ_AT_MOST).
  const both =
    !kept && estimated && countsEveryMatch(estimated, countAtMost)
      ? await withCatalogPlans(db, (tx) => pageWithFacets(tx, query, estimated, 2 * countAtMost))
      : null;
  if (both && "page" in both) {
    await keepFrequentTerm(db, estimated, opts.later);
    return { ...both.page, facets: both.facets, didYouMean: estimated?.didYouMean ?? null };
  }
  // The words matched more than the estimate said (words found together more often than apart): the facets are
  // estimated from the matches read, and the page is found as for any other query that many listings match.
  const estimatedFacets = both?.facets ?? null;
  const text = both?.text ?? estimated;
  // Several words, or a misspelling read as several: their kept terms may show that no listing passes the filters (one
  // term's own cells were read above).
  const groups = !single && text && text.bodyMatches >= FREQUENT_TOKEN_MATCHES / 2 ? termGroups(text.source) : null;
  // A misspelling read as several kept words also has a price span under a price order: their cells summed.
  const [filtered, none, alternativesSpan] = await Promise.all([
    keptFiltered === undefined ? filterCount() : keptFiltered,
    groups ? withCatalogPlans(db, (tx) => keptTermsShowNone(tx, query, groups)) : false,
    groups ? priceSpanOf(db, query, text) : null,
  ]);
  const joint = none ? 0 : kept ? matchesPassingFilters(kept, query) : null;
  const span = kept ? keptSpan : alternativesSpan;
  const [page, facets] = await Promise.all([
    withCatalogPlans(db, (tx) => searchListings(tx, query, text, filtered, joint, span, cells?.titleJoint ?? null)),
    kept ?? estimatedFacets ?? withCatalogPlans(db, (tx) => countedFacets(tx, query, text, { above: countAtMost, rows: FACET_SAMPLE_ROWS })),
  ]);
  // A term kept before its title tier's cells were gets them too, the same way.
  if (!kept || cells?.titleJoint === null) await keepFrequentTerm(db, text, opts.later, kept !== null);
  return { ...page, facets, didYouMean: text?.didYouMean ?? null };
}

/**
 * Where the page of a price-ordered query for one kept word, or a misspelling read as several kept words, lies
 * (keptPriceSpan), from the cursor's price on; null for any other query (another order, several words, a storefront or
 * the license filter, which kept cells do not know).
 */
export async function priceSpanOf(db: Db, query: CatalogQuery, text: TextMatch | null): Promise<PriceSpan | PriceTail | null> {
  const single = singleTerm(text);
  const groups = single || !text ? null : termGroups(text.source);
  const terms = single ? [single] : groups?.length === 1 ? groups[0] : null;
  if (!terms || (query.sort !== "price_asc" && query.sort !== "price_desc") || query.creatorId || query.commercial) return null;
  const key = cursorFor(query)?.key;
  return keptPriceSpan(db, query, terms, key == null ? null : Number(key), query.limit + 1);
}

/**
 * The term whose cells this process is counting now, if any. One at a time: a burst of searches for a new partial word
 * counts it once, and a burst of new terms (a fresh catalog) takes at most one core's worth of counting from searches.
 * On globalThis: the search API and the /browse page are separate chunks of a production build, each with its own copy
 * of this module, and "one at a time" is the process's.
 */
const counting = ((globalThis as typeof globalThis & { __agoraKeeping?: { term: string | null; deferred: Set<string> } }).__agoraKeeping ??= {
  term: null,
  deferred: new Set(),
});

/** How many terms seen once while the server was saturated are remembered (the oldest is forgotten first). */
const DEFERRED_AT_MOST = 1000;

/**
 * Whether a term searched while requests wait for a slot (npm start's queue) is kept now: not the first time, so a burst
 * of one-off terms takes no Postgres CPU from the requests in line (at 1M listings keeping a partial word costs about
 * 0.5 s, and a search of it without kept cells about 35 ms more than with them), but the second time, so a term people
 * keep searching is kept during a long overload too.
 */
function keepWhileSaturated(term: string): boolean {
  if (counting.deferred.delete(term)) return true;
  if (counting.deferred.size >= DEFERRED_AT_MOST) counting.deferred.delete(counting.deferred.values().next().value as string);
  counting.deferred.add(term);
  return false;
}

/**
 * A term this frequent was just counted without kept cells: keep them from now on (`titleOnly`: it has them, but not
 * its title tier's, keepTitleFacets). Counting takes a while (every match
 * of a common partial word: about a second at 1M listings, writers waiting meanwhile), so with `later` it runs after the
 * answer; the searches that come before it is done are counted as this one was (and a term that comes while another is
 * being counted, or the first time while the server has requests waiting for a slot, is kept by a later search).
 */
export async function keepFrequentTerm(db: Db, text: TextMatch | null, later?: Later, titleOnly = false): Promise<void> {
  const term = singleTerm(text);
  if (!term || !text || text.bodyMatches < FREQUENT_TOKEN_MATCHES || counting.term !== null) return;
  // After an answer, while requests wait for a slot (npm start's queue): the term's second such search keeps it.
  if (later && serverSaturated() && !keepWhileSaturated(term)) return;
  counting.term = term;
  const work = async () => {
    try {
      await (titleOnly ? keepTitleFacets(db, term) : keepTokenFacets(db, term));
    } finally {
      counting.term = null;
    }
  };
  if (!later) return work();
  try {
    later(work);
  } catch (error) {
    // Never scheduled (no request to run after): nothing is being counted.
    counting.term = null;
    throw error;
  }
}
