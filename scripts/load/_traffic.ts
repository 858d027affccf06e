// The load tool's browsing traffic: what 1,000 keep-alive connections ask for (home, /browse with filters and
// cursors, catalog searches from the search bench's fixed-seed mix, listing pages) and the per-route figures.
import http from "node:http";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { percentile } from "../support/database";
import { generateMix, loadMixInputs } from "../bench/_search-mix";

export type Route = "home" | "browse" | "search" | "listing" | "storefront" | "health" | "checkout";
export type Sample = { route: Route; ms: number; status: number };

/** Percent of requests per route, in this order of a request's turn (they add up to 100). */
export type Shares = Partial<Record<Exclude<Route, "checkout">, number>>;
const SHARE_ORDER = ["home", "browse", "search", "listing", "storefront", "health"] as const;

/** The load tool's browsing: 10 % home, 30 % /browse, 40 % /api/v1/listings searches, 20 % listing pages. */
export const LOAD_SHARES: Shares = { home: 10, browse: 30, search: 40, listing: 20 };

/**
 * A deterministic stream of paths in `shares` (LOAD_SHARES by default): searches, /browse pages and storefronts from
 * the search bench's fixed-seed mix, listing pages from the catalog, home and /api/health.
 */
export async function browsingPlan(db: Db, seed: number, size = 20_000, shares: Shares = LOAD_SHARES) {
  const mix = generateMix(await loadMixInputs(db), size, seed);
  const searches = mix.filter((r) => !r.storefront);
  const stores = mix.filter((r) => r.storefront);
  const slugs = (
    await queryRows<{ slug: string }>(db, sql`select slug from listings where status = 'published' order by md5(id::text || ${String(seed)}) limit 3000`)
  ).map((r) => r.slug);
  if (slugs.length === 0 || searches.length === 0) throw new Error("the catalog is empty: seed it first");
  if (SHARE_ORDER.reduce((sum, route) => sum + (shares[route] ?? 0), 0) !== 100) throw new Error("route shares must add up to 100");
  const turns: Exclude<Route, "checkout">[] = SHARE_ORDER.flatMap((route) => Array<Exclude<Route, "checkout">>(shares[route] ?? 0).fill(route));
  let next = 0;
  return (): { route: Route; path: string } => {
    const i = next++;
    const route = turns[(i * 7919) % 100];
    const request = searches[i % searches.length];
    if (route === "home") return { route, path: "/" };
    // The same filters, sorts and cursors as the API mix, as the /browse page takes them.
    if (route === "browse") return { route, path: `/browse?${new URLSearchParams(request.params)}` };
    if (route === "search") return { route, path: request.path };
    if (route === "storefront") return { route, path: stores[i % stores.length]?.path ?? "/" };
    if (route === "health") return { route, path: "/api/health" };
    return { route, path: `/l/${slugs[i % slugs.length]}` };
  };
}

/**
 * `connections` loops on one keep-alive agent (at most that many sockets), each asking for the next path until
 * `seconds` have passed; a request that fails to connect or takes longer than `timeoutMs` counts with status 0.
 */
export async function browse(
  base: string,
  next: () => { route: Route; path: string },
  opts: { connections: number; seconds: number; timeoutMs: number },
): Promise<Sample[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections, maxFreeSockets: opts.connections });
  const samples: Sample[] = [];
  const until = Date.now() + opts.seconds * 1000;
  const get = (path: string) =>
    new Promise<number>((resolve) => {
      const req = http.get(`${base}${path}`, { agent, headers: { accept: "text/html,application/json" } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      });
      req.setTimeout(opts.timeoutMs, () => req.destroy(new Error("timeout")));
      req.on("error", () => resolve(0));
    });
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (Date.now() < until) {
        const { route, path } = next();
        const t0 = performance.now();
        const status = await get(path);
        samples.push({ route, ms: performance.now() - t0, status });
      }
    }),
  );
  agent.destroy();
  return samples;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** One summary per route: requests, error rate (no answer, or 5xx, or an unexpected 4xx), p50/p95/p99. */
export function routeFigures(samples: Sample[], seconds: number) {
  const byRoute = new Map<Route, Sample[]>();
  for (const s of samples) {
    const list = byRoute.get(s.route) ?? [];
    list.push(s);
    byRoute.set(s.route, list);
  }
  return [...byRoute].map(([route, list]) => {
    const times = list.map((s) => s.ms);
    const errors = list.filter((s) => s.status === 0 || s.status >= 400).length;
    const statuses: Record<string, number> = {};
    for (const s of list) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
    return {
      route,
      requests: list.length,
      rps: Math.round(list.length / seconds),
      errors,
      error_rate: list.length ? Math.round((errors / list.length) * 10_000) / 10_000 : 0,
      p50_ms: round(percentile(times, 50)),
      p95_ms: round(percentile(times, 95)),
      p99_ms: round(percentile(times, 99)),
      statuses,
    };
  });
}
