// The edge (proxy.ts) called the way Next calls it: with NextRequest objects.
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  databaseDownSince,
  noteDatabaseReachable,
  noteDatabaseUnreachable,
  PROBE_INTERVAL_MS,
  registerDatabaseProbe,
  RETRY_AFTER_SECONDS,
} from "@/db/availability";
import { env } from "@/lib/env";
import { UNAVAILABLE_HEADING, UNAVAILABLE_PAGE_POLICY } from "@/lib/errors/unavailable-page";
import { discoverRoutes } from "@/lib/testing/authorization";
import { config, PROXY_SKIPS, PROXY_SKIPS_METHODS, proxy } from "@/proxy";

const APP = env().appUrl;

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(path, APP), { method: init.method ?? "GET", headers: init.headers });

async function sessionCookie(uid = "00000000-0000-4000-8000-000000000001"): Promise<string> {
  const token = await encode({ token: { uid, sv: 1 }, secret: env().authSecret, salt: "authjs.session-token" });
  return `authjs.session-token=${token}`;
}

const scriptNonce = (policy: string | null) => /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];

describe("the proxy", () => {
  it.each(["/dashboard", "/library", "/library/abc?tab=files", "/admin/users", "/notifications", "/account/security"])(
    "answers a signed-out visit to %s with a 307 to sign-in that comes back to the same path",
    async (path) => {
      const response = await proxy(request(path));
      expect(response.status).toBe(307);
      const location = new URL(response.headers.get("location") ?? "");
      expect(location.origin).toBe(new URL(APP).origin);
      expect(location.pathname).toBe("/signin");
      expect(location.searchParams.get("returnTo")).toBe(path);
    },
  );

  it("keeps a crafted path on this site: the sign-in redirect and its return path stay on our origin", async () => {
    for (const path of ["/library//evil.example", "/library/%2F%2Fevil.example", "/account/\\evil.example"]) {
      const response = await proxy(new NextRequest(`${APP}${path}`));
      expect(response.status, path).toBe(307);
      const location = new URL(response.headers.get("location") ?? "");
      expect(location.origin, path).toBe(new URL(APP).origin);
      const back = new URL(location.searchParams.get("returnTo") ?? "", "https://agora.invalid");
      expect(back.origin, path).toBe("https://agora.invalid");
    }
  });

  it("lets a request with a valid session token through to the page", async () => {
    const response = await proxy(request("/library", { headers: { cookie: await sessionCookie() } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("treats a forged or garbled session cookie as signed out", async () => {
    const response = await proxy(request("/dashboard", { headers: { cookie: "authjs.session-token=not-a-jwe" } }));
    expect(response.status).toBe(307);
  });

  it("leaves exports under private areas to answer 401 themselves (they are downloads, not pages)", async () => {
    for (const path of ["/dashboard/payouts/export", "/account/data/export", "/admin/audit/export"]) {
      expect((await proxy(request(path))).status, path).toBe(200);
    }
  });

  it("does not redirect public pages", async () => {
    const response = await proxy(request("/browse"));
    expect(response.status).toBe(200);
  });

  it("puts a strict policy with a fresh nonce on every page and hands the nonce to Next on the request", async () => {
    const first = await proxy(request("/"));
    const second = await proxy(request("/"));
    const policy = first.headers.get("content-security-policy");
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toMatch(/form-action 'self'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const nonce = scriptNonce(policy);
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(scriptNonce(second.headers.get("content-security-policy"))).not.toBe(nonce);
    // NextResponse.next({ request: { headers } }) passes request headers as x-middleware-request-*.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("sets the security headers and a request id on pages, redirects and API answers alike", async () => {
    for (const response of [await proxy(request("/")), await proxy(request("/library")), await proxy(request("/api/health"))]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("permissions-policy")).toBe("camera=(), microphone=(), geolocation=()");
      expect(response.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
    }
  });

  it("accepts a well-formed x-request-id, replaces a malformed one, and passes it on to the route", async () => {
    const kept = await proxy(request("/", { headers: { "x-request-id": "lb-1234567890" } }));
    expect(kept.headers.get("x-request-id")).toBe("lb-1234567890");
    expect(kept.headers.get("x-middleware-request-x-request-id")).toBe("lb-1234567890");
    const replaced = await proxy(request("/", { headers: { "x-request-id": 'bad id"<script>' } }));
    expect(replaced.headers.get("x-request-id")).not.toContain("<");
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a cross-site POST that carries cookies with a 403 and a JSON reason", async () => {
    const response = await proxy(
      request("/api/uploads/images", { method: "POST", headers: { cookie: await sessionCookie(), origin: "https://evil.example" } }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "request.cross_site" });
  });

  it("refuses a cookie POST with neither Origin nor Sec-Fetch-Site, and one marked cross-site", async () => {
    const cookie = await sessionCookie();
    expect((await proxy(request("/api/uploads/files", { method: "POST", headers: { cookie } }))).status).toBe(403);
    expect((await proxy(request("/api/uploads/files", { method: "DELETE", headers: { cookie, "sec-fetch-site": "cross-site" } }))).status).toBe(403);
  });

  it("lets same-origin cookie POSTs, API-key calls, the webhook, cron and Auth.js through", async () => {
    const cookie = await sessionCookie();
    const origin = new URL(APP).origin;
    const allowed = [
      request("/api/uploads/images", { method: "POST", headers: { cookie, origin } }),
      request("/api/uploads/images", { method: "POST", headers: { cookie, "sec-fetch-site": "same-origin" } }),
      request("/api/uploads/files", { method: "POST", headers: { cookie, authorization: "Bearer agora_abc", origin: "https://evil.example" } }),
      request("/api/webhooks/stripe", { method: "POST", headers: { cookie, origin: "https://stripe.example" } }),
      request("/api/auth/callback/credentials", { method: "POST", headers: { cookie } }),
      request("/api/uploads/images", { method: "POST" }),
    ];
    for (const r of allowed) expect((await proxy(r)).status, r.nextUrl.pathname).toBe(200);
  });

  it("refuses an oversized webhook or sign-in body by its Content-Length (413) before anything reads it", async () => {
    const webhook = await proxy(request("/api/webhooks/stripe", { method: "POST", headers: { "content-length": String(5 * 1024 * 1024) } }));
    expect(webhook.status).toBe(413);
    expect(await webhook.json()).toMatchObject({ error: "request.too_large" });
    const auth = await proxy(request("/api/auth/callback/credentials", { method: "POST", headers: { "content-length": "200000" } }));
    expect(auth.status).toBe(413);
    const signInAction = await proxy(request("/signin", { method: "POST", headers: { "content-length": "500000", "next-action": "abc" } }));
    expect(signInAction.status).toBe(413);
    const small = await proxy(request("/api/webhooks/stripe", { method: "POST", headers: { "content-length": "2000" } }));
    expect(small.status).toBe(200);
  });

  describe("while the database is known to be unreachable", () => {
    afterEach(() => {
      noteDatabaseReachable();
      registerDatabaseProbe(null);
    });

    it("answers a page 503 at once with a friendly page, its request id, Retry-After and a strict policy", async () => {
      const probe = vi.fn(async () => false);
      registerDatabaseProbe(probe);
      noteDatabaseUnreachable(Date.now() - 2 * PROBE_INTERVAL_MS);
      const response = await proxy(request("/browse?q=lighting&minPrice=12058"));
      expect(response.status).toBe(503);
      expect(probe).toHaveBeenCalledTimes(1);
      expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("content-security-policy")).toBe(UNAVAILABLE_PAGE_POLICY);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const requestId = response.headers.get("x-request-id") ?? "";
      const html = await response.text();
      expect(html).toContain(`<h1>${UNAVAILABLE_HEADING}</h1>`);
      expect(html).toContain(`Request id: <code>${requestId}</code>`);
      expect(html).toContain('<a href="/browse?q=lighting&amp;minPrice=12058">Try again</a>');
      expect(html).not.toMatch(/<script/i);

      // Within the probe interval the next page is refused without probing again; HEAD gets no body.
      const head = await proxy(request("/l/some-listing", { method: "HEAD" }));
      expect(head.status).toBe(503);
      expect(await head.text()).toBe("");
      expect(probe).toHaveBeenCalledTimes(1);
    });

    it("keeps the try-again link on this site for a crafted path", async () => {
      registerDatabaseProbe(async () => false);
      noteDatabaseUnreachable(Date.now() - 2 * PROBE_INTERVAL_MS);
      const html = await (await proxy(new NextRequest(`${APP}//evil.example/x`))).text();
      const href = /<a href="([^"]*)">Try again/.exec(html)?.[1] ?? "";
      expect(new URL(href.replaceAll("&amp;", "&"), "https://agora.invalid").origin).toBe("https://agora.invalid");
    });

    it("leaves route handlers to answer for themselves, and lets form posts through", async () => {
      registerDatabaseProbe(async () => false);
      noteDatabaseUnreachable(Date.now() - 2 * PROBE_INTERVAL_MS);
      expect((await proxy(request("/api/health"))).status).toBe(200);
      expect((await proxy(request("/api/v1/listings?q=x"))).headers.get("x-middleware-next")).toBe("1");
      expect((await proxy(request("/signin", { method: "POST", headers: { "next-action": "abc", "content-length": "100" } }))).status).toBe(200);
    });

    it("renders the page again as soon as a probe reaches the database", async () => {
      registerDatabaseProbe(async () => true);
      noteDatabaseUnreachable(Date.now() - 2 * PROBE_INTERVAL_MS);
      const response = await proxy(request("/browse"));
      expect(response.status).toBe(200);
      expect(response.headers.get("x-middleware-next")).toBe("1");
      expect(databaseDownSince()).toBeNull();
    });
  });
});

describe("the routes the proxy skips", () => {
  const skipped = new RegExp(`^/(?:${PROXY_SKIPS.join("|")})`);
  const routes = discoverRoutes().map((entry) => {
    const [file, method] = entry.split(" ");
    return { path: file.replace(/^app/, "").replace(/\/route\.ts$/, ""), method };
  });

  it("are the ones its matcher leaves out, and no others", () => {
    expect(config.matcher).toEqual([`/((?!_next/static|_next/image|favicon.ico|${PROXY_SKIPS.join("|")}).*)`]);
    const paths = new Set(routes.filter((route) => skipped.test(route.path)).map((route) => route.path));
    expect([...paths].sort()).toEqual(["/api/health", "/api/v1/listings", "/api/v1/listings/[slug]", "/api/v1/me/library", "/api/v1/suggest"]);
    // Pages and the routes that take bodies or cookies stay behind it.
    for (const path of ["/api/healthz", "/api/webhooks/stripe", "/api/uploads/files", "/api/auth/signin", "/library", "/api/metrics"]) {
      expect(skipped.test(path), path).toBe(false);
    }
  });

  it("only read: a method there that takes a body or changes something would go without the proxy's checks", () => {
    const methods = routes.filter((route) => skipped.test(route.path)).map((route) => route.method);
    expect(methods.length).toBeGreaterThanOrEqual(5);
    for (const method of methods) expect(PROXY_SKIPS_METHODS).toContain(method);
  });
});
