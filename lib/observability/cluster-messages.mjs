// What a server process's /api/metrics, the primary (scripts/server/workers.mjs) and the other server processes say to each other
// over the cluster's IPC (JSON), to add every process's figures up (lib/observability/cluster-metrics.ts).
export const METRICS_MESSAGES = {
  /** worker → primary: `{ type, id }`, a scrape reached this worker. */
  request: "agora:metrics:request",
  /** primary → every worker: `{ type, id }`. */
  collect: "agora:metrics:collect",
  /** worker → primary: `{ type, id, metrics }`, its registry's `getMetricsAsJSON()`. */
  part: "agora:metrics:part",
  /** primary → the asking worker: `{ type, id, parts }`, every answer that came in time. */
  parts: "agora:metrics:parts",
};
