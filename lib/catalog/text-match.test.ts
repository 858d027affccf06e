// How the planner's estimate of a query's matches is read off its plan, and what the vocabulary adds (text-match.ts).
import { describe, expect, it } from "vitest";
import type { ResolvedToken } from "./terms";
import { expectedMatches, scanRows } from "./text-match";

describe("scanRows", () => {
  it("reads a plain subplan's scan estimate", () => {
    const head = {
      "Node Type": "Aggregate",
      "Plan Rows": 1,
      Plans: [
        {
          "Node Type": "Bitmap Heap Scan",
          "Relation Name": "listing_search",
          "Plan Rows": 34216,
          Plans: [{ "Node Type": "Bitmap Index Scan", "Index Name": "listing_search_head_idx", "Plan Rows": 34216 }],
        },
      ],
    };
    expect(scanRows(head)).toBe(34216);
  });

  it("reads a parallel subplan's estimate for the whole table, not the Gather's partial counts", () => {
    // `body @@ 'doc:*'` at 1M listings (EXPLAIN on the bench catalog): 451,453 matches, two workers.
    const body = {
      "Node Type": "Aggregate",
      "Plan Rows": 1,
      Plans: [
        {
          "Node Type": "Gather",
          "Plan Rows": 2,
          "Workers Planned": 2,
          Plans: [
            {
              "Node Type": "Aggregate",
              "Plan Rows": 1,
              Plans: [
                {
                  "Node Type": "Bitmap Heap Scan",
                  "Relation Name": "listing_search",
                  "Parallel Aware": true,
                  "Plan Rows": 188105,
                  Plans: [{ "Node Type": "Bitmap Index Scan", "Index Name": "listing_search_body_idx", "Plan Rows": 451453 }],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(scanRows(body)).toBe(451453);
    // A parallel sequential scan has no index node: its per-process rows are scaled by the workers and the leader (2.4).
    const seq = {
      "Node Type": "Gather",
      "Workers Planned": 2,
      Plans: [{ "Node Type": "Seq Scan", "Relation Name": "listing_search", "Parallel Aware": true, "Plan Rows": 1000 }],
    };
    expect(scanRows(seq)).toBeCloseTo(2400);
  });
});

describe("expectedMatches", () => {
  const token = (t: Partial<ResolvedToken> & { token: string; matches: number }): ResolvedToken => ({ known: true, word: true, corrections: [], ...t });

  it("takes one word's vocabulary count as a floor under the planner's estimate, at most the catalog", () => {
    // `learnes` read as `learners | learning`: the planner guesses an OR of corrections low.
    const misspelling = token({ token: "learnes", known: false, word: false, corrections: ["learners", "learning"], matches: 54_253 });
    expect(expectedMatches(12_000, [misspelling], 859_728)).toBe(54_253);
    expect(expectedMatches(60_000, [misspelling], 859_728)).toBe(60_000);
    expect(expectedMatches(12_000, [token({ token: "doc", word: false, matches: 2_000_000 })], 859_728)).toBe(859_728);
  });

  it("keeps the planner's estimate for several words: the rarest word's count bounds their AND from above only", () => {
    // `studlnts pro` at 1M listings: `students` in 33,753, both words in 1,864, planned 2,346.
    const students = token({ token: "studlnts", known: false, word: false, corrections: ["students"], matches: 33_753 });
    const pro = token({ token: "pro", word: false, matches: 412_000 });
    expect(expectedMatches(2_346, [students, pro], 859_728)).toBe(2_346);
  });
});
