// Route handlers that accept an API key: resolve the caller (key, or the session where allowed), answer 429 with
// Retry-After for a key over its budget, and turn every failure into the shared error response.
import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getCurrentUser } from "@/lib/auth/session";
import { DomainError, errorResponse, publicError } from "@/lib/errors";
import { rateLimitHeaders } from "@/lib/security/rate-limit";
import { authenticateApiKey, bearerKey } from "./authenticate";
import type { ApiKeyScope } from "./scopes";

export type KeyRouteOptions = {
  /** What the key must be allowed to do. */
  scope: ApiKeyScope;
  /** Whether a signed-in browser session may call without a key (download routes) or only keys may (the /api/v1/me API). */
  session: boolean;
  /** Names the route in the log line. */
  log: string;
  /** Headers every answer carries, errors included. */
  headers?: Record<string, string>;
};

/**
 * Runs `answer` for the caller. With an Authorization header the key alone decides (a revoked key is refused even
 * from a browser that is also signed in); without one, the session is used when `session` allows it.
 */
export async function answerForCaller(request: Request, options: KeyRouteOptions, answer: (actor: Actor | null) => Promise<Response>): Promise<Response> {
  const base = { "Cache-Control": "private, no-store", ...options.headers };
  try {
    const key = bearerKey(request.headers);
    if (key === null) {
      if (!options.session) throw new DomainError("apikey.missing");
      return await answer(await getCurrentUser());
    }
    const auth = await authenticateApiKey(await getDb(), key, options.scope);
    const limitHeaders = rateLimitHeaders(auth.rateLimit);
    if (!auth.ok) return errorResponse(new DomainError("apikey.rate_limited"), { headers: { ...base, ...limitHeaders } });
    const response = await answer(auth.actor);
    for (const [name, value] of Object.entries(limitHeaders)) response.headers.set(name, value);
    return response;
  } catch (error) {
    // RFC 6750: a refused or missing key says which scheme the endpoint takes.
    const challenge = publicError(error).status === 401 && (!options.session || request.headers.has("authorization"));
    return errorResponse(error, { log: options.log, headers: challenge ? { ...base, "WWW-Authenticate": 'Bearer realm="agora"' } : base });
  }
}
