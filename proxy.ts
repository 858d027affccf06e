// The edge of every request (ARCHITECTURE.md, "Edge and observability"): a request id, security headers and a
// per-request CSP nonce, a real 307 to sign-in for signed-out visits to private pages, cross-site refusal for cookie
// requests that mutate /api routes, oversized bodies refused on unauthenticated POST routes before they are read, and
// pages answered 503 while the database is known to be unreachable (db/availability).
// Authorization still lives in lib: the proxy only asks "is there a session token at all?".
import { NextResponse, type NextRequest } from "next/server";
import { databaseAvailable } from "@/db/availability";
import { safeReturnPath } from "@/lib/auth/return-path";
import { env } from "@/lib/env";
import { UNAVAILABLE_PAGE_POLICY, unavailablePage } from "@/lib/errors/unavailable-page";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/observability/request-id";
import { declaresTooLarge, SMALL_BODY_LIMIT, WEBHOOK_BODY_LIMIT } from "@/lib/security/body-limit";
import { bucketOrigins, contentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";
import { staticSecurityHeaders } from "@/lib/security/headers.mjs";
import { checkRequestOrigin } from "@/lib/security/request-origin";
import { hasSessionToken } from "@/lib/security/session-presence";

/** Pages only a signed-in person can open; everyone else is sent to sign in and back. */
const PRIVATE_PAGES = /^\/(dashboard|library|admin|notifications|account)(\/|$)/;
/** Downloads under those areas are route handlers that answer a script 401 themselves (CSV and JSON exports). */
const PRIVATE_DOWNLOADS = /\/export$/;

/** Unauthenticated POST routes and the most a body may declare there (the webhook also counts while reading). */
const BODY_LIMITS: Array<[RegExp, number]> = [
  [/^\/api\/webhooks\/stripe$/, WEBHOOK_BODY_LIMIT],
  [/^\/api\/email\/unsubscribe$/, SMALL_BODY_LIMIT],
  [/^\/api\/auth\//, SMALL_BODY_LIMIT],
];

/** Pages whose server actions anyone may post (sign-in, sign-up, password reset): small forms, capped like the API's. */
const PUBLIC_FORM_PAGES = /^\/(signin|signup|forgot-password|reset-password|confirm-email|verify-email)(\/|$)/;

function withHeaders(response: NextResponse, requestId: string, policy: string | null): NextResponse {
  for (const [name, value] of Object.entries(staticSecurityHeaders())) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  if (policy) response.headers.set("Content-Security-Policy", policy);
  return response;
}

function jsonRefusal(status: number, error: string, message: string, requestId: string): NextResponse {
  return withHeaders(NextResponse.json({ error, message }, { status, headers: { "Cache-Control": "no-store" } }), requestId, null);
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const requestId = requestIdFor(request.headers);
  const isApi = pathname.startsWith("/api/");
  const e = env();

  if (isApi) {
    const limit = request.method === "GET" || request.method === "HEAD" ? undefined : BODY_LIMITS.find(([route]) => route.test(pathname))?.[1];
    if (limit !== undefined && declaresTooLarge(request.headers, limit)) {
      return jsonRefusal(413, "request.too_large", `This request is too large; the limit is ${Math.ceil(limit / 1024)} KB.`, requestId);
    }
    const verdict = checkRequestOrigin(request.method, pathname, request.headers, new URL(e.appUrl).origin);
    if (!verdict.allowed) {
      return jsonRefusal(
        403,
        "request.cross_site",
        "This request came from another site, so it was refused. Reload the page on Agora and try again.",
        requestId,
      );
    }
  }

  if (request.method === "POST" && PUBLIC_FORM_PAGES.test(pathname) && declaresTooLarge(request.headers, SMALL_BODY_LIMIT)) {
    return jsonRefusal(413, "request.too_large", `This request is too large; the limit is ${SMALL_BODY_LIMIT / 1024} KB.`, requestId);
  }

  const privatePage = PRIVATE_PAGES.test(pathname) && !PRIVATE_DOWNLOADS.test(pathname);
  if (privatePage && (request.method === "GET" || request.method === "HEAD") && !(await hasSessionToken(request.headers))) {
    const signIn = new URL("/signin", request.nextUrl);
    // Through the one return-path parser, as the sign-in page will read it: only a path on this site.
    signIn.search = new URLSearchParams({ returnTo: safeReturnPath(`${pathname}${search}`) }).toString();
    return withHeaders(NextResponse.redirect(signIn, 307), requestId, null);
  }

  // The database is known to be down (db/availability): a page would only render into a 500, or wait on a connection
  // that hangs. Answer 503 with Retry-After at once; once a second a request probes the database instead.
  if (!isApi && (request.method === "GET" || request.method === "HEAD") && !(await databaseAvailable())) {
    const page = unavailablePage(requestId, safeReturnPath(`${pathname}${search}`), request.method);
    return withHeaders(new NextResponse(page.body, { status: page.status, headers: page.headers }), requestId, UNAVAILABLE_PAGE_POLICY);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  // Route handlers answer JSON, files and redirects, never HTML: the policy (and its nonce) is for pages.
  let policy: string | null = null;
  if (!isApi) {
    const nonce = createNonce();
    policy = contentSecurityPolicy({
      nonce,
      development: process.env.NODE_ENV === "development",
      bucket: bucketOrigins(),
      upgradeInsecure: e.appUrl.startsWith("https://"),
      formTargets: formTargets(e),
    });
    // Next reads the nonce from the request's policy and puts it on its own scripts (docs: Content Security Policy).
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", policy);
  }
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), requestId, policy);
}

/** Off-site pages a form's redirect may lead to (Chrome applies form-action to redirects): Stripe and GitHub sign-in. */
function formTargets(e: ReturnType<typeof env>): string[] {
  return [
    ...(e.paymentsDriver === "stripe" ? ["https://checkout.stripe.com", "https://connect.stripe.com"] : []),
    ...(e.AUTH_GITHUB_ID ? ["https://github.com"] : []),
  ];
}

/**
 * Where the proxy does nothing: the public read API under /api/v1/ and /api/health answer GET (and the API's CORS
 * preflight) only, so there is no body to limit, no cookie mutation to check and no page to protect, and their route
 * handlers give the request its id themselves (observedRoute). Running the proxy costs a request about a millisecond of
 * the server's CPU in Next's own proxy plumbing (a third of a health check's, a fifth of a search's); these routes get
 * the static security headers from next.config.mjs. `PROXY_SKIPS_METHODS` below is what a route there may export, and
 * a test fails the day one of them exports another method.
 */
export const PROXY_SKIPS = ["api/health$", "api/v1/"];
export const PROXY_SKIPS_METHODS = ["GET", "HEAD", "OPTIONS"];

export const config = {
  // Everything but build assets (which get next.config.mjs's headers) and PROXY_SKIPS (Next reads this literal, so the
  // list is repeated here; a test compares them): pages, route handlers, server actions.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/health$|api/v1/).*)"],
};
