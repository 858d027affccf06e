// Server errors Next captured while rendering a page or running a route or action (instrumentation's onRequestError):
// one log line joining the error's digest — the "Reference" an error page shows — to the request id and the route.
import "server-only";
import { isDatabaseConnectionFailure, noteDatabaseUnreachable } from "@/db/availability";
import { logger } from "./logger";
import { REQUEST_ID_HEADER } from "./request-id";

type CapturedRequest = { path: string; method: string; headers: Record<string, string | string[] | undefined> };
type CapturedContext = { routerKind: string; routePath: string; routeType: string };

export function logRequestError(error: unknown, request: CapturedRequest, context: CapturedContext): void {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String((error as { digest: unknown }).digest) : undefined;
  const header = request.headers[REQUEST_ID_HEADER];
  logger.error(
    {
      event: "request.failed",
      requestId: Array.isArray(header) ? header[0] : header,
      digest,
      method: request.method,
      // The route's pattern (/l/[slug]), not the path: ids and query strings stay out of the logs.
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "request failed",
  );
  // A page that failed because the database is unreachable: from now on the proxy answers pages 503 (db/availability).
  if (isDatabaseConnectionFailure(error) && noteDatabaseUnreachable()) {
    logger.error({ event: "database.unreachable" }, "database unreachable: pages answer 503 until it answers");
  }
}
