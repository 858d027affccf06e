// Cross-site request refusal for route handlers that act on a browser's cookies (ARCHITECTURE.md, "Edge and
// observability"). Server actions are not covered here: Next compares their Origin with the host itself.
import "server-only";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Mutating /api routes that carry no ambient authority, so a cross-site request can't borrow anything:
 * Stripe's webhook (signature), cron (Bearer CRON_SECRET), one-click unsubscribe (signed token, posted by mail
 * providers' servers) and Auth.js (its own double-submit CSRF token on every POST).
 */
const EXEMPT = [/^\/api\/webhooks\/stripe$/, /^\/api\/cron\//, /^\/api\/email\/unsubscribe$/, /^\/api\/auth\//];

export type OriginVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether a request to `pathname` may act on the cookies it carries. Allowed: safe methods, the exempt routes,
 * API-key (Bearer) calls, requests without cookies (nothing to borrow), an `Origin` equal to `appOrigin`, or — when
 * the browser sent no Origin — `Sec-Fetch-Site: same-origin`. Everything else is refused.
 */
export function checkRequestOrigin(method: string, pathname: string, headers: Headers, appOrigin: string): OriginVerdict {
  if (!MUTATING.has(method.toUpperCase()) || !pathname.startsWith("/api/")) return { allowed: true };
  if (EXEMPT.some((route) => route.test(pathname))) return { allowed: true };
  if (/^Bearer\s/i.test(headers.get("authorization") ?? "")) return { allowed: true };
  if (!headers.get("cookie")) return { allowed: true };
  const origin = headers.get("origin");
  if (origin) {
    return origin === appOrigin ? { allowed: true } : { allowed: false, reason: `Origin ${origin.slice(0, 100)} is not ${appOrigin}` };
  }
  const site = headers.get("sec-fetch-site");
  if (site === "same-origin") return { allowed: true };
  return { allowed: false, reason: site ? `Sec-Fetch-Site is ${site.slice(0, 20)}` : "no Origin or Sec-Fetch-Site header" };
}
