// How the planner's estimate of a query's matches is read off its plan (text-match.ts).
import { describe, expect, it } from "vitest";
import { scanRows } from "./text-match";

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
