// What the words of a query become before any listing is read: a tsquery source, spelling fixes, match estimates.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { tsQuery } from "./filters";
import { buildTsQuery, resolveTokensInCatalog, tokenize } from "./terms";

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

export async function resolveTextQuery(db: Db, q: string | undefined): Promise<TextMatch | null> {
  const tokens = q ? tokenize(q) : [];
  if (tokens.length === 0) return null;
  const { resolved, catalogSize, outgrownPages } = await resolveTokensInCatalog(db, tokens);
  const corrections = resolved.filter((r) => r.corrections.length > 0).map((r) => ({ token: r.token, suggestions: r.corrections }));
  const didYouMean = corrections.length ? resolved.map((r) => r.corrections[0] ?? r.token).join(" ") : null;
  const source = buildTsQuery(resolved);
  const estimate = await estimateMatches(db, source);
  // The planner guesses alternatives (a misspelling's corrections, a prefix's words) low; the vocabulary counts them,
  // and all the words together match at most what the rarest one does.
  const vocabulary = Math.min(catalogSize, ...resolved.map((r) => r.matches));
  return { source, corrections, didYouMean, headMatches: estimate.head, bodyMatches: Math.max(estimate.body, vocabulary), catalogSize, outgrownPages };
}
