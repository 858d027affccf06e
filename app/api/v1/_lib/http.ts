// Shared plumbing of the public read API: CORS for GET, cache headers, rate limiting and JSON errors.
import { RETRY_AFTER_SECONDS } from "@/db/availability";
import { getDb } from "@/db/client";
import { publicError } from "@/lib/errors";
import { apiRateLimitPerMinute, clientKey, hitRateLimit, rateLimitHeaders, retryAfterSeconds, waitInWords } from "@/lib/security/rate-limit";
import { logger } from "@/lib/observability/logger";

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
} as const;

/** Shared caches may keep an answer briefly; the data cache behind it is revalidated by tag on every change. */
export const PUBLIC_CACHE = "public, max-age=30, s-maxage=60, stale-while-revalidate=300";

export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

export function jsonError(status: number, error: string, message: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}): Response {
  return Response.json({ error, message, ...extra }, { status, headers: { ...CORS_HEADERS, "Cache-Control": "no-store", ...headers } });
}

export function badParameter(parameter: string, message: string): Response {
  return jsonError(400, "invalid_parameter", message, { parameter });
}

/** Runs a public GET: counts it against the caller's budget, then answers JSON with CORS and cache headers. (Each route
 * exports its handler through observedRoute, which measures it.) */
export async function publicGet(request: Request, answer: (url: URL) => Promise<Response | { body: unknown; status?: number }>): Promise<Response> {
  return answerPublicGet(request, answer);
}

async function answerPublicGet(request: Request, answer: (url: URL) => Promise<Response | { body: unknown; status?: number }>): Promise<Response> {
  try {
    const limit = await hitRateLimit(await getDb(), `api:${clientKey(request.headers)}`, apiRateLimitPerMinute());
    const limitHeaders = rateLimitHeaders(limit);
    if (!limit.allowed) return jsonError(429, "rate_limited", `Too many requests. Try again in ${waitInWords(retryAfterSeconds(limit))}.`, {}, limitHeaders);
    const result = await answer(new URL(request.url));
    if (result instanceof Response) {
      for (const [key, value] of Object.entries({ ...CORS_HEADERS, ...limitHeaders })) result.headers.set(key, value);
      return result;
    }
    return Response.json(result.body, {
      status: result.status ?? 200,
      headers: { ...CORS_HEADERS, ...limitHeaders, "Cache-Control": (result.status ?? 200) === 200 ? PUBLIC_CACHE : "no-store" },
    });
  } catch (error) {
    const safe = publicError(error);
    if (safe.status >= 500) logger.error({ event: "api.failed", err: error }, "public API request failed");
    return jsonError(safe.status, safe.code, safe.message, {}, safe.code === "database.unavailable" ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {});
  }
}
