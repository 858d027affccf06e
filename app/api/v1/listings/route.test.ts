// Contract of GET /api/v1/listings: items, cursor and facets; 400 naming the bad parameter; CORS and caching.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { refreshSearchTerms } from "@/lib/catalog/terms";
import { metrics } from "@/lib/observability/metrics";
import { makeCreator, makeListingRow } from "@/lib/testing/fixtures";
import { GET, OPTIONS } from "./route";

// Route handlers run outside Next here: the data cache is a pass-through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn, revalidateTag: () => {} }));

const get = (query: string) => GET(new Request(`http://test.local/api/v1/listings${query}`, { headers: { "x-forwarded-for": "203.0.113.7" } }));

beforeAll(async () => {
  const db = testDatabase().db;
  const creator = await makeCreator(db);
  for (let i = 0; i < 30; i++) {
    await makeListingRow(db, {
      creatorId: creator.id,
      title: `Watercolor ${i % 2 ? "portrait" : "landscape"} prompt ${i}`,
      priceCents: i * 100,
      kind: i % 3 ? "prompt" : "preset",
      category: "image-generation",
    });
  }
  await makeListingRow(db, { creatorId: creator.id, title: "Watercolor secret draft", status: "draft" });
  await refreshSearchTerms(db);
});

describe("GET /api/v1/listings", () => {
  it("answers items, nextCursor and facets with CORS and cache headers", async () => {
    const response = await get("?q=watercolor&limit=10");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toContain("public");
    expect(response.headers.get("x-ratelimit-limit")).toBeTruthy();
    const body = (await response.json()) as {
      items: { slug: string; title: string; priceCents: number }[];
      nextCursor: string;
      facets: { kind: { value: string; count: number }[] };
    };
    expect(body.items).toHaveLength(10);
    expect(typeof body.nextCursor).toBe("string");
    expect(body.facets.kind.find((k) => k.value === "prompt")?.count).toBe(20);
    expect(body.items.every((i) => !i.title.includes("draft"))).toBe(true);
  });

  it("follows the cursor to the end without repeats", async () => {
    const seen = new Set<string>();
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null && pages < 10) {
      const body = (await (await get(`?q=watercolor&limit=7&sort=price_asc${cursor ? `&cursor=${cursor}` : ""}`)).json()) as {
        items: { slug: string }[];
        nextCursor: string | null;
      };
      for (const item of body.items) {
        expect(seen.has(item.slug)).toBe(false);
        seen.add(item.slug);
      }
      cursor = body.nextCursor;
      pages++;
    }
    expect(seen.size).toBe(30);
  });

  it("filters by price in cents", async () => {
    const body = (await (await get("?minPrice=500&maxPrice=900&sort=price_asc")).json()) as { items: { priceCents: number }[] };
    expect(body.items.map((i) => i.priceCents)).toEqual([500, 600, 700, 800, 900]);
  });

  it.each([
    ["?sort=cheapest", "sort"],
    ["?minPrice=abc", "minPrice"],
    ["?maxPrice=-5", "maxPrice"],
    ["?minRating=7", "minRating"],
    ["?kind=song", "kind"],
    ["?category=nope", "category"],
    ["?limit=0", "limit"],
    ["?cursor=%%%", "cursor"],
    ["?cursor=eyJ4IjoxfQ", "cursor"],
    ["?free=maybe", "free"],
    ["?minPrice=900&maxPrice=100", "minPrice"],
  ])("answers 400 naming the parameter for %s", async (query, parameter) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; parameter: string; message: string };
    expect(body.parameter).toBe(parameter);
    expect(body.message).toContain(parameter);
  });

  it("answers CORS preflight", () => {
    const response = OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("rate limits a client that goes over its budget", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    try {
      const headers = { "x-forwarded-for": "198.51.100.99" };
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await GET(new Request("http://test.local/api/v1/listings?limit=1", { headers }))).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
    }
  });

  it("answers a client over API_RATE_LIMIT_PER_MINUTE 429 with Retry-After and a message that says when to try again", async () => {
    const budget = process.env.API_RATE_LIMIT_PER_MINUTE;
    process.env.API_RATE_LIMIT_PER_MINUTE = "2";
    try {
      const call = () => GET(new Request("http://test.local/api/v1/listings?q=watercolor", { headers: { "x-forwarded-for": "198.51.100.23" } }));
      expect((await call()).status).toBe(200);
      expect((await call()).status).toBe(200);
      const refused = await call();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      expect(await refused.json()).toMatchObject({
        error: "rate_limited",
        message: expect.stringMatching(/^Too many requests\. Try again in (\d+ seconds?|1 minute)\.$/),
      });
    } finally {
      if (budget === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
      else process.env.API_RATE_LIMIT_PER_MINUTE = budget;
    }
  });

  it("counts each request once in the request metrics, under v1/listings", async () => {
    const counted = async () =>
      (await metrics().httpRequests.get()).values.filter((v) => v.labels.route === "v1/listings").reduce((sum, v) => sum + v.value, 0);
    const before = await counted();
    expect((await get("?limit=1")).status).toBe(200);
    expect((await counted()) - before).toBe(1);
  });
});
