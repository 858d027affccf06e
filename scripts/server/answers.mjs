// What the production server (scripts/server/index.mjs) answers itself, before Next sees a request. Plain JavaScript,
// as index.mjs; types in answers.d.mts.
import { randomUUID } from "node:crypto";
import { staticSecurityHeaders } from "../../lib/security/headers.mjs";

/** Cheap requests a balancer or a scraper must get answered while the queue is long. */
const BYPASS = new Set(["/api/health", "/api/metrics"]);

/** A request URL's path, without its query. */
export const pathOf = (url) => (url ?? "/").split("?")[0];

/** Whether `req` skips the admission queue (BYPASS). */
export const bypassesQueue = (req) => BYPASS.has(pathOf(req.url));

/** The answer to a request refused because the queue is full: 503 with Retry-After, JSON for the API. */
export function refuse(req, res) {
  const requestId = randomUUID();
  const api = pathOf(req.url).startsWith("/api/") || /application\/json/.test(req.headers.accept ?? "");
  const message = "Agora is very busy right now. Please try again in a few seconds.";
  const body = api
    ? JSON.stringify({ error: "server.busy", message, requestId })
    : `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Busy · Agora</title></head><body><h1>Agora is very busy</h1><p>${message}</p><p>Reference: ${requestId}</p></body></html>`;
  res.writeHead(503, {
    "Content-Type": api ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Retry-After": "5",
    "X-Request-Id": requestId,
    // The headers every response carries (the proxy has not run), and a policy that allows nothing.
    ...staticSecurityHeaders(),
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  });
  res.end(body);
}
