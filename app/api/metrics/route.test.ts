// GET /api/metrics: who may scrape, and that the figures move with what the app does.
import { afterEach, describe, expect, it } from "vitest";
import { reloadEnv } from "@/lib/env";
import { GET as health } from "@/app/api/health/route";
import { GET } from "./route";

const TOKEN = "metrics-token-for-tests-0123456789";
const scrape = (authorization?: string) => GET(new Request("http://test.local/api/metrics", { headers: authorization ? { authorization } : {} }));

function withEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  reloadEnv();
}

/** The value of one sample line (`name{labels…} value`) whose labels include every `match`. */
function sample(text: string, name: string, match: Record<string, string>): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && Object.entries(match).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

afterEach(() => withEnv({ METRICS_TOKEN: undefined, NODE_ENV: "test" }));

describe("GET /api/metrics", () => {
  it("answers 401 to a missing or wrong token once METRICS_TOKEN is set, and the text format to the right one", async () => {
    withEnv({ METRICS_TOKEN: TOKEN });
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer wrong-token-wrong-token-wrong")).status).toBe(401);
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain; version=0.0.4");
  });

  it("is not found in production when no token is configured", async () => {
    withEnv({
      METRICS_TOKEN: undefined,
      NODE_ENV: "production",
      AUTH_SECRET: "x".repeat(32),
      AGORA_DEMO: "1",
      PAYMENTS_DRIVER: "local",
      SMTP_URL: "smtp://localhost:2525",
      EMAIL_FROM: "a@b.test",
      APP_URL: "https://agora.test",
    });
    try {
      expect((await scrape()).status).toBe(404);
    } finally {
      withEnv({ AUTH_SECRET: undefined, AGORA_DEMO: undefined, PAYMENTS_DRIVER: undefined, SMTP_URL: undefined, EMAIL_FROM: undefined, APP_URL: undefined });
    }
  });

  it("counts requests by route and status: a health check moves agora_http_requests_total", async () => {
    withEnv({ METRICS_TOKEN: TOKEN });
    const before = sample(await (await scrape(`Bearer ${TOKEN}`)).text(), "agora_http_requests_total", { route: "health", status: "200" });
    await health(new Request("http://test.local/api/health"));
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(text, "agora_http_requests_total", { route: "health", status: "200" })).toBe(before + 1);
    expect(text).toMatch(/agora_http_request_duration_seconds_bucket\{[^}]*route="health"/);
  });

  it("reports the database figures read at scrape time: outbox, payouts, connections", async () => {
    withEnv({ METRICS_TOKEN: TOKEN });
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(text).toContain("# TYPE agora_email_outbox_depth gauge");
    expect(text).toContain("# TYPE agora_email_outbox_failed gauge");
    expect(text).toContain("# TYPE agora_payouts_processing_over_a_day gauge");
    expect(text).toMatch(/agora_db_pool_max\{service="agora"\} \d+/);
  });
});
