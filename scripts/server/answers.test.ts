// What the production server answers itself: the refusal when its queue is full, and which requests skip the queue.
import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { staticSecurityHeaders } from "@/lib/security/headers.mjs";
import { bypassesQueue, refuse } from "./answers.mjs";

let server: http.Server;
let base = "";
beforeAll(async () => {
  server = http.createServer((req, res) => refuse(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("refuse", () => {
  it("answers the API 503 in JSON with Retry-After and a reference", async () => {
    const res = await fetch(`${base}/api/v1/listings?q=x`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toEqual({
      error: "server.busy",
      message: "Agora is very busy right now. Please try again in a few seconds.",
      requestId: res.headers.get("x-request-id"),
    });
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a page a small HTML page that runs nothing and can't be framed", async () => {
    const res = await fetch(`${base}/browse?q=x`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    // The headers every other response carries (the proxy's), though the proxy never saw this request.
    for (const [name, value] of Object.entries(staticSecurityHeaders(false))) expect(res.headers.get(name)).toBe(value);
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const html = await res.text();
    expect(html).toContain("<h1>Agora is very busy</h1>");
    expect(html).toContain(`Reference: ${res.headers.get("x-request-id")}`);
  });
});

describe("refuse in production", () => {
  it("adds HSTS as the proxy does", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      const res = await fetch(`${base}/`);
      for (const [name, value] of Object.entries(staticSecurityHeaders(true))) expect(res.headers.get(name)).toBe(value);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("bypassesQueue", () => {
  const req = (url: string) => ({ url }) as IncomingMessage;
  it("lets health checks and metric scrapes past the queue, with or without a query, and nothing else", () => {
    expect(bypassesQueue(req("/api/health"))).toBe(true);
    expect(bypassesQueue(req("/api/health?probe=1"))).toBe(true);
    expect(bypassesQueue(req("/api/metrics"))).toBe(true);
    expect(bypassesQueue(req("/api/healthz"))).toBe(false);
    expect(bypassesQueue(req("/api/health/../v1/listings"))).toBe(false);
    expect(bypassesQueue(req("/"))).toBe(false);
  });
});
