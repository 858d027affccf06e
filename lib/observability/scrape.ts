// What GET /api/metrics answers: who may scrape (METRICS_TOKEN) and the Prometheus text of the server's counters
// (every server process's, cluster-metrics.ts) plus the figures read from Postgres at scrape time.
import "server-only";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { isBearerAuthorized } from "@/lib/security/cron";
import { databaseFigures, formatFigures } from "./database-figures";
import { processMetricsText } from "./cluster-metrics";

export type ScrapeAccess = "allowed" | "hidden" | "unauthorized";

/**
 * With METRICS_TOKEN set, only `Authorization: Bearer <token>` may scrape (401 otherwise). Without it, production
 * hides the endpoint (404: nothing to find) and development serves it to anyone on the machine.
 */
export function scrapeAccess(authorization: string | null): ScrapeAccess {
  const e = env();
  if (!e.METRICS_TOKEN) return e.NODE_ENV === "production" ? "hidden" : "allowed";
  return isBearerAuthorized(authorization, e.METRICS_TOKEN) ? "allowed" : "unauthorized";
}

export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** The whole scrape body: the server's counters and histograms (every process's), then the database figures. */
export async function metricsText(): Promise<string> {
  const own = await processMetricsText();
  const figures = formatFigures(await databaseFigures(await getDb()));
  return `${own.trimEnd()}\n${figures}\n`;
}
