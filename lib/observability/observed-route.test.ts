// observedRoute counts every answer by route, method and status, redirects and not-founds included, and names the request.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { notFound, redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { metrics } from "./metrics";
import { controlFlowStatus, observedRoute } from "./observed-route";

async function countOf(route: string, method: string, status: string): Promise<number> {
  const values = (await metrics().httpRequests.get()).values;
  return values.find((v) => v.labels.route === route && v.labels.method === method && v.labels.status === status)?.value ?? 0;
}

async function latencySamples(route: string): Promise<number> {
  const values = (await metrics().httpDuration.get()).values;
  return values.find((v) => v.metricName === "agora_http_request_duration_seconds_count" && v.labels.route === route)?.value ?? 0;
}

const request = (method = "GET") => new Request("http://localhost:3000/test", { method, headers: { "x-request-id": "req-observed-1" } });

describe("observedRoute", () => {
  it("counts a request under its route, method and status, records its latency and returns the request id", async () => {
    const handler = observedRoute("test/ok", async () => Response.json({ ok: true }, { status: 201 }));
    const response = await handler(request("POST"));
    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toBe("req-observed-1");
    expect(await countOf("test/ok", "POST", "201")).toBe(1);
    expect(await latencySamples("test/ok")).toBe(1);
  });

  it("counts redirect() as its 307 and notFound() as a 404, not as failures, and lets Next answer them", async () => {
    const redirecting = observedRoute("test/redirect", async () => redirect("/elsewhere"));
    await expect(redirecting(request())).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;/) });
    expect(await countOf("test/redirect", "GET", "307")).toBe(1);
    expect(await countOf("test/redirect", "GET", "500")).toBe(0);

    const missing = observedRoute("test/missing", async () => notFound());
    await expect(missing(request())).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    expect(await countOf("test/missing", "GET", "404")).toBe(1);
  });

  it("counts a handler that throws as a 500", async () => {
    const failing = observedRoute("test/throws", async () => {
      throw new Error("boom");
    });
    await expect(failing(request())).rejects.toThrow("boom");
    expect(await countOf("test/throws", "GET", "500")).toBe(1);
  });

  it("reads the status out of Next's control-flow digests, and falls back to 500 for anything else", () => {
    expect(controlFlowStatus("NEXT_REDIRECT;push;/x;303;")).toBe(303);
    expect(controlFlowStatus("NEXT_HTTP_ERROR_FALLBACK;403")).toBe(403);
    expect(controlFlowStatus("NEXT_SOMETHING_NEW")).toBe(500);
  });
});

describe("every route handler", () => {
  const appDir = path.join(import.meta.dirname, "../../app");
  const routeFiles = (readdirSync(appDir, { recursive: true }) as string[]).filter((file) => file.endsWith(`${path.sep}route.ts`) || file === "route.ts");

  it("is exported through observedRoute, so /api/metrics reports its requests and latency by route", () => {
    expect(routeFiles.length).toBeGreaterThan(20);
    const unobserved: string[] = [];
    for (const file of routeFiles) {
      const source = readFileSync(path.join(appDir, file), "utf8");
      const methods = [...source.matchAll(/^export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE|HEAD)\b(.*)$/gm)];
      for (const [, method, rest] of methods) {
        // A 405 answer re-exported under other methods (`export { methodNotAllowed as POST }`) is not a handler.
        if (!rest.includes("observedRoute(")) unobserved.push(`${file} ${method}`);
      }
    }
    expect(unobserved).toEqual([]);
  });
});
