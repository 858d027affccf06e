// Wraps a route handler so it is measured and logged: requests and latency by route in /api/metrics, the request id
// on every log line it writes and on its response, and one log line for anything that escaped it.
import "server-only";
import { logger, runWithRequestContext } from "./logger";
import { metrics } from "./metrics";
import { REQUEST_ID_HEADER, requestIdFor } from "./request-id";

/**
 * `export const POST = observedRoute("webhooks/stripe", async (request) => …)`. `route` is the label in metrics
 * (a fixed name, never the raw URL, so ids and slugs don't create series).
 */
export function observedRoute<Req extends Request, Rest extends unknown[]>(
  route: string,
  handler: (request: Req, ...rest: Rest) => Promise<Response> | Response,
): (request: Req, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const requestId = requestIdFor(request.headers);
    const started = performance.now();
    let status = 500;
    try {
      const response = await runWithRequestContext({ requestId, route }, () => handler(request, ...rest));
      status = response.status;
      if (!response.headers.has(REQUEST_ID_HEADER)) {
        try {
          response.headers.set(REQUEST_ID_HEADER, requestId);
        } catch {
          // Response.redirect() and some fetch responses have immutable headers; the proxy already set it.
        }
      }
      return response;
    } catch (error) {
      // redirect() and notFound() travel as errors with a NEXT_ digest: control flow, not failures.
      const digest = (error as { digest?: unknown } | null)?.digest;
      if (typeof digest === "string" && digest.startsWith("NEXT_")) {
        status = controlFlowStatus(digest);
      } else {
        runWithRequestContext({ requestId, route }, () => logger.error({ err: error, route }, "route handler threw"));
      }
      throw error;
    } finally {
      const { httpRequests, httpDuration } = metrics();
      httpRequests.inc({ route, method: request.method, status: String(status) });
      httpDuration.observe({ route, method: request.method }, (performance.now() - started) / 1000);
    }
  };
}

/**
 * The status Next answers for a control-flow error: `redirect()` → its 307/308 (digest `NEXT_REDIRECT;type;url;status;`),
 * `notFound()`/`forbidden()`/`unauthorized()` → 404/403/401 (`NEXT_HTTP_ERROR_FALLBACK;status`), so they are not counted as 500s.
 */
export function controlFlowStatus(digest: string): number {
  const parts = digest.split(";");
  const status = Number(parts[0] === "NEXT_REDIRECT" ? parts[3] : parts[0] === "NEXT_HTTP_ERROR_FALLBACK" ? parts[1] : NaN);
  return Number.isInteger(status) && status >= 100 && status < 600 ? status : 500;
}
