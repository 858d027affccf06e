// The one way a route handler answers a failure: a DomainError → its catalogue status and
// `{ error: code, message }` (plus `fieldErrors` for input.invalid); anything else → a 500 with a safe
// message. Server-side failures (5xx) are logged here, once, so handlers don't log them again.
import { RETRY_AFTER_SECONDS } from "@/db/availability";
import type { FieldErrors } from "./catalogue";
import { isDomainError, publicError, type PublicError } from "./domain-error";

/** The JSON body of every internal error response (the public API v1 adds `parameter` for bad parameters). */
export type ErrorBody = { error: string; message: string; fieldErrors?: FieldErrors };

export function errorBody(failure: PublicError): ErrorBody {
  return { error: failure.code, message: failure.message, ...(failure.fieldErrors ? { fieldErrors: failure.fieldErrors } : {}) };
}

type ErrorResponseOptions = {
  /** Names the route in the log line, e.g. "uploads/files". */
  log?: string;
  /** Added to (or replacing) the default `Cache-Control: no-store`. */
  headers?: Record<string, string>;
  /** The status to answer instead of any 5xx (the cron route answers 503 so the scheduler retries). */
  serverErrorStatus?: number;
};

/** Where server-side failures are logged. lib/observability/logger.ts installs the structured logger here on the server;
 * lib/errors itself stays importable from client components (status labels), which must never pull in the logger. */
export type ErrorLogSink = (fields: { err: unknown; route: string }, message: string) => void;
const errorLogSink = (): ErrorLogSink =>
  (globalThis as { __agoraErrorLogSink?: ErrorLogSink }).__agoraErrorLogSink ??
  ((fields, message) => console.error(`[${fields.route}] ${message}`, fields.err));

export function errorResponse(error: unknown, options: ErrorResponseOptions = {}): Response {
  const failure = publicError(error);
  if (failure.status >= 500) errorLogSink()({ err: error, route: options.log ?? "route" }, "request failed");
  const status = failure.status >= 500 && options.serverErrorStatus ? options.serverErrorStatus : failure.status;
  // A rate-limit refusal says when to come back, in the header as well as in the message.
  // So does a database that can't be reached (a balancer or client backs off instead of retrying at once).
  const retryAfterSeconds = isDomainError(error) ? error.retryAfterSeconds : failure.code === "database.unavailable" ? RETRY_AFTER_SECONDS : undefined;
  const retryAfter: Record<string, string> = retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {};
  return Response.json(errorBody(failure), { status, headers: { "Cache-Control": "no-store", ...retryAfter, ...options.headers } });
}
