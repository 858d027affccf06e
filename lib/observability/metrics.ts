// Prometheus metrics (prom-client), one registry per process kept on globalThis. Counters and histograms are per
// instance (sum them across instances in queries); the figures read from Postgres at scrape time are global.
import "server-only";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { admissionStats as admission } from "./admission";

function createMetrics() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "agora" });
  return {
    registry,
    httpRequests: new Counter({
      name: "agora_http_requests_total",
      help: "Requests answered by route handlers, by route, method and status.",
      labelNames: ["route", "method", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "agora_http_request_duration_seconds",
      help: "Route handler latency in seconds, by route and method.",
      labelNames: ["route", "method"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    webhookEvents: new Counter({
      name: "agora_webhook_events_total",
      help: "Stripe webhook deliveries by event type and outcome (processed, duplicate, ignored, rejected, failed).",
      labelNames: ["type", "outcome"] as const,
      registers: [registry],
    }),
    rateLimitRejections: new Counter({
      name: "agora_rate_limit_rejections_total",
      help: "Requests refused by a rate limit, by limit (the key's prefix: api, checkout, review, report…).",
      labelNames: ["limit"] as const,
      registers: [registry],
    }),
    // Read from the server's queue at scrape time (absent under `next dev` and on Vercel, which do not run it).
    serverRequests: new Gauge({
      name: "agora_server_requests",
      help: "Requests in the production server's admission queue now, by state (active: being served, queued: waiting).",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const stats = admission();
        if (!stats) return;
        this.set({ state: "active" }, stats.active);
        this.set({ state: "queued" }, stats.queued);
      },
    }),
    serverQueueOutcomes: new Counter({
      name: "agora_server_queue_outcomes_total",
      help: "Requests through the admission queue since start, by outcome (admitted, refused: 503 with the queue full, abandoned: the client left while waiting, released: held a slot past its lease).",
      labelNames: ["outcome"] as const,
      registers: [registry],
      collect() {
        const stats = admission();
        if (!stats) return;
        // The queue keeps the totals: the counter shows them as they are now.
        this.reset();
        for (const outcome of ["admitted", "refused", "abandoned", "released"] as const) this.inc({ outcome }, stats[outcome]);
      },
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const g = globalThis as typeof globalThis & { __agoraMetrics?: Metrics };

/** The process's metrics (created on first use). */
export function metrics(): Metrics {
  g.__agoraMetrics ??= createMetrics();
  return g.__agoraMetrics;
}

/** A Stripe webhook delivery's outcome, for agora_webhook_events_total. */
export function recordWebhookOutcome(type: string, outcome: "processed" | "duplicate" | "ignored" | "rejected" | "failed") {
  // Event types are Stripe's fixed vocabulary; anything odd is folded so a forged type can't create label series.
  const label = /^[a-z_]+(\.[a-z_]+){1,3}$/.test(type) ? type : "other";
  metrics().webhookEvents.inc({ type: label, outcome });
}

/** One refusal by a rate limit whose key starts with `prefix:` (e.g. `checkout:<user id>` counts as checkout). */
export function recordRateLimitRejection(key: string) {
  const prefix = key.split(":")[0]?.replace(/[^a-z0-9_-]/gi, "") || "other";
  metrics().rateLimitRejections.inc({ limit: prefix.slice(0, 40) });
}
