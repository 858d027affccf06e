// The A/B bench's arithmetic: alternating order, per-build figures and the paired difference between builds.
import { describe, expect, it } from "vitest";
import { buildSummary, median, pairedDifference, roundOrder, type RoundFigures } from "./_ab-stats";

const round = (serverCpuMs: number, requests = 100, latencies: number[] = [], failed = 0): RoundFigures => ({
  serverCpuMs,
  postgresCpuMs: serverCpuMs / 2,
  requests,
  latencies,
  failed,
});

describe("roundOrder", () => {
  it("sends each round to the builds in turn, the first build first in even rounds and last in odd ones", () => {
    expect(roundOrder(0, 2)).toEqual([0, 1]);
    expect(roundOrder(1, 2)).toEqual([1, 0]);
    expect(roundOrder(2, 3)).toEqual([0, 1, 2]);
    expect(roundOrder(3, 3)).toEqual([2, 1, 0]);
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe("buildSummary", () => {
  it("divides all rounds' CPU by all their requests and takes latency percentiles over every request", () => {
    const latencies = Array.from({ length: 100 }, (_, i) => i + 1);
    const summary = buildSummary([round(300, 100, latencies.slice(0, 50)), round(500, 100, latencies.slice(50), 2)]);
    expect(summary).toEqual({
      requests: 200,
      failed: 2,
      server_cpu_ms_per_request: 4,
      server_cpu_ms_median_round: 4,
      postgres_cpu_ms_per_request: 2,
      p50_ms: 50,
      p95_ms: 95,
    });
  });
});

describe("pairedDifference", () => {
  it("compares the builds round by round, so a drift that moves both rounds alike cancels", () => {
    // The machine slows down by half over the run; build b always spends 0.5 ms a request less.
    const a = [round(400), round(500), round(600)];
    const b = [round(350), round(450), round(550)];
    expect(pairedDifference(a, b)).toEqual({
      rounds: 3,
      median_diff_ms: -0.5,
      median_diff_percent: -10,
      min_diff_ms: -0.5,
      max_diff_ms: -0.5,
      rounds_b_cheaper: 3,
    });
  });

  it("reports a build that is cheaper in some rounds and dearer in others by its range", () => {
    const result = pairedDifference([round(400), round(400), round(400)], [round(420), round(390), round(400)]);
    expect(result).toMatchObject({ median_diff_ms: 0, min_diff_ms: -0.1, max_diff_ms: 0.2, rounds_b_cheaper: 1 });
  });
});
