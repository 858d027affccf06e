// The log of code Node runs without Next's bundles (the production server, scripts/server/index.mjs; the cache
// handler, lib/cache/handler.mjs): pino lines shaped as lib/observability/logger.ts writes the app's.
import pino from "pino";

export function createNodeLog() {
  return pino({
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "agora" },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: "message",
    formatters: { level: (label) => ({ level: label }) },
  });
}
