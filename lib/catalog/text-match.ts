// What the words of a query become before any listing is read: a tsquery source, spelling fixes, match estimates.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { tsQuery } from "./filters";
import { withCatalogPlans } from "./plan-settings";
import { buildTsQuery, resolveTokensInCatalog, toTextArray, tokenize, withoutImpliedTokens, type ResolvedToken } from "./terms";

/** What the text of a query became: tsquery sources (any field, and title/tags only) and the spelling fixes used. */
export type TextMatch = {
  source: string;
  corrections: { token: string; suggestions: string[] }[];
  didYouMean: string | null;
  /** The planner's estimates of listings matching in the title and tags, and anywhere. */
  headMatches: number;
  bodyMatches: number;
  /** Published listings in all. */
  catalogSize: number;
  /**
   * listing_search's pages when the table is larger than Postgres's shared buffers (0 or absent when it fits): the
   * pages a search reads then come from the operating system, each costing more than the rows on it (Density.pages).
   */
  outgrownPages?: number;
};

type PlanNode = {
  "Node Type"?: string;
  "Plan Rows"?: number;
  "Subplan Name"?: string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Parallel Aware"?: boolean;
  "Workers Planned"?: number;
  Plans?: PlanNode[];
};

/**
 * A parallel scan's rows are per process: the planner divides them by the workers plus the leader's share
 * (PostgreSQL's get_parallel_divisor, leader participation on).
 */
function parallelDivisor(workers: number): number {
  return workers + Math.max(0, 1 - 0.3 * workers);
}

/**
 * The rows the planner expects a subplan's scan of listing_search to find: the largest estimate among its scan
 * nodes, a parallel one's scaled back to the whole table. (The count above them is one row, and a Gather's rows are
 * the workers' partial counts: reading those gave 2 for 451,453 body matches of `doc:*`.)
 */
export function scanRows(node: PlanNode, workers = 0): number {
  const planned = node["Workers Planned"] ?? workers;
  const own =
    node["Relation Name"] || node["Index Name"] ? (node["Plan Rows"] ?? 0) * (node["Parallel Aware"] && planned > 0 ? parallelDivisor(planned) : 1) : 0;
  return Math.max(own, ...(node.Plans ?? []).map((child) => scanRows(child, planned)));
}

/** Row estimates for the title/tags and whole-document matches, from one EXPLAIN (statistics on the tsvectors). */
async function estimateMatches(db: Db, source: string): Promise<{ head: number; body: number }> {
  const q = tsQuery(source);
  const [row] = await queryRows<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
    db,
    sql`explain (format json) select (select count(*) from listing_search s where s.head @@ ${q}) as head, (select count(*) from listing_search s where s.body @@ ${q}) as body`,
  );
  const found: Record<string, number> = {};
  const visit = (node: PlanNode) => {
    const name = node["Subplan Name"];
    if (name) found[name] = scanRows(node);
    else node.Plans?.forEach(visit);
  };
  visit(row["QUERY PLAN"][0].Plan);
  const [head = 0, body = 0] = Object.keys(found)
    .sort()
    .map((k) => found[k]);
  return { head: Math.round(head), body: Math.round(Math.max(head, body)) };
}

/**
 * Which of these misspellings some listing's document (`body`) may hold as the start of a word. The vocabulary already
 * says no title, tag or summary word starts with the token, but the tsquery stems it (`learnes:*` is `learn:*`), and a
 * stem can start with what no word does (`happi:*` is the lexeme of "happy"). A stem some vocabulary word starts with
 * is taken as held without reading listings (its matches would be read to prove it: thousands of rows); any other is
 * looked up in the words' GIN index, which for a prefix nothing holds costs a fraction of a millisecond.
 */
async function prefixesHeld(db: Db, tokens: string[]): Promise<Set<string>> {
  const rows = await withCatalogPlans(db, (tx) =>
    queryRows<{ token: string }>(
      tx,
      sql`select t.token from unnest(${toTextArray(tokens)}::text[]) as t(token)
          cross join lateral (select to_tsquery('english'::regconfig, t.token || ':*') as q) p
          cross join lateral (select substring(p.q::text from '^''(.*)'':[*]$') as stem) s
          where case when s.stem <> '' and exists (select 1 from search_terms v where v.term like s.stem || '%') then true
                     else exists (select 1 from listing_search l where l.body @@ p.q) end`,
    ),
  );
  return new Set(rows.map((r) => r.token));
}

/**
 * Marks a one-word query's misspelling when no listing holds it (ResolvedToken.unmatched): its corrections alone are
 * the same query, and one correction alone is a single word, whose kept cells give exact facets and steer the page (`structurd` is
 * `structured`). Counted when the query is asked: a listing published in between is the same race as any kept cell's.
 */
async function withUnmatchedMisspellings(db: Db, resolved: ResolvedToken[]): Promise<ResolvedToken[]> {
  // One word only: several words have no kept cells whatever their spelling, and there the lookup's round trip cost
  // more than the shorter alternatives saved (1M listings, in-process: misspellings among two or three words, mean
  // 15.6–16.7 → 18.5 ms and 11.3–12.0 → 14.6 ms with it).
  const misspelled = resolved.length === 1 ? resolved.filter((r) => r.corrections.length > 0).map((r) => r.token) : [];
  if (misspelled.length === 0) return resolved;
  const held = await prefixesHeld(db, misspelled);
  return resolved.map((r) => (r.corrections.length > 0 && !held.has(r.token) ? { ...r, unmatched: true } : r));
}

export async function resolveTextQuery(db: Db, q: string | undefined): Promise<TextMatch | null> {
  const tokens = q ? tokenize(q) : [];
  if (tokens.length === 0) return null;
  const found = await resolveTokensInCatalog(db, tokens);
  const { catalogSize, outgrownPages } = found;
  const resolved = await withUnmatchedMisspellings(db, found.resolved);
  const corrections = resolved.filter((r) => r.corrections.length > 0).map((r) => ({ token: r.token, suggestions: r.corrections }));
  const didYouMean = corrections.length ? resolved.map((r) => r.corrections[0] ?? r.token).join(" ") : null;
  const source = buildTsQuery(resolved);
  // Tokens another one implies (`produc produce`) are left out of the estimate, which would take them as independent.
  const estimated = withoutImpliedTokens(resolved);
  const estimate = await estimateMatches(db, buildTsQuery(estimated));
  return {
    source,
    corrections,
    didYouMean,
    headMatches: estimate.head,
    bodyMatches: expectedMatches(estimate.body, estimated, catalogSize),
    catalogSize,
    outgrownPages,
  };
}

/**
 * How many listings the words are expected to match: the planner's estimate (`planned`), and for one word (once the
 * words it implies are left out) at least what the vocabulary counts for it, since the planner guesses a misspelling's
 * corrections and a prefix's words low. Several words get no such floor: the rarest one's count bounds their AND from
 * above, not below. Taken as a floor, it sent `studlnts pro` among models (`students` in 33,753 listings at 1M, both
 * words in 1,864; planned 2,346) to a 16,815-row walk and a sampled facet count (256 ms) instead of one read of its
 * matches; 148 requests of the bench's mix were so, whose words match at most 25,742 listings. A planner's estimate
 * that is too low costs at most the one read's stop (READ_AT_MOST).
 */
export function expectedMatches(planned: number, tokens: ResolvedToken[], catalogSize: number): number {
  return tokens.length === 1 ? Math.max(planned, Math.min(catalogSize, tokens[0].matches)) : planned;
}
