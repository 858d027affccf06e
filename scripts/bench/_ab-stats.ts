// The A/B bench's arithmetic: rounds of the same requests sent to each build in turn, each round's server CPU per
// request, and what the rounds say about the difference between two builds.

/** One build's measurements in one round: server and Postgres CPU (ms, from /proc) and each request's latency. */
export type RoundFigures = { serverCpuMs: number; postgresCpuMs: number; requests: number; latencies: number[]; failed: number };

/** Which build goes first in each round: the order alternates so neither always meets a machine warmed by the other. */
export function roundOrder(round: number, builds: number): number[] {
  const order = Array.from({ length: builds }, (_, i) => i);
  return round % 2 === 0 ? order : order.reverse();
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A build over all rounds: server and Postgres CPU per request (all rounds together, and the median round), latencies. */
export function buildSummary(rounds: RoundFigures[]) {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const perRound = rounds.map((r) => r.serverCpuMs / Math.max(1, r.requests));
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? 0;
  return {
    requests,
    failed: rounds.reduce((n, r) => n + r.failed, 0),
    server_cpu_ms_per_request: round2(rounds.reduce((ms, r) => ms + r.serverCpuMs, 0) / Math.max(1, requests)),
    server_cpu_ms_median_round: round2(median(perRound)),
    postgres_cpu_ms_per_request: round2(rounds.reduce((ms, r) => ms + r.postgresCpuMs, 0) / Math.max(1, requests)),
    p50_ms: round2(at(50)),
    p95_ms: round2(at(95)),
  };
}

/**
 * Build `b` against build `a`, round by round: each round's difference in server CPU per request (b − a, ms) sent
 * the same requests to both a few seconds apart, so a machine whose speed drifts over minutes moves both alike. The
 * median difference, its range, and in how many rounds `b` spent less. A difference smaller than an A/A run's
 * (the same build twice) is noise.
 */
export function pairedDifference(a: RoundFigures[], b: RoundFigures[]) {
  const perRequest = (r: RoundFigures) => r.serverCpuMs / Math.max(1, r.requests);
  const diffs = a.map((ra, i) => perRequest(b[i]) - perRequest(ra));
  const base = median(a.map(perRequest));
  return {
    rounds: diffs.length,
    median_diff_ms: round2(median(diffs)),
    median_diff_percent: round2((median(diffs) / base) * 100),
    min_diff_ms: round2(Math.min(...diffs)),
    max_diff_ms: round2(Math.max(...diffs)),
    rounds_b_cheaper: diffs.filter((d) => d < 0).length,
  };
}
