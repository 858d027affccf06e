// Benchmark: what a page view in a real browser costs the server. The search bench and the load tool send the pages'
// own requests; a browser also sends what the page makes it send (next/link prefetches of every link on screen,
// suggestions, images), and that is what a server answers for each visitor. Chromium (Debian's, as the journeys use)
// opens generated pages of the catalog — home, /browse with the search mix's words, filters, sorts and cursors, listing
// pages and storefronts, from a fixed seed — scrolls each to the bottom, waits for the network to settle, and on a
// /browse page with results clicks the first card (a client-side navigation). Visitors of ten views share a browser
// context (its cache). Per route: the requests a view caused by kind, the server's and Postgres's CPU a view (from
// /proc, views one at a time), the time to the load event; then the slowest views.
// Usage: npm run bench -- views [--database NAME (kept; seeded with --listings when new)] [--listings 10000]
//        [--views 100] [--seed 20261130] [--dist .next]
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { percentile } from "../support/database";
import { openBenchCatalog } from "../support/catalog";
import { clearDataCache, ensureBuild, startNextServer } from "../support/server";
import { readCpu } from "../support/cpu";
import { runMain } from "../support/main";
import { browsingPlan, type Shares } from "../load/_traffic";

const emit = (line: Record<string, unknown>) => console.log(JSON.stringify({ bench: "views", ...line }));
const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const round = (n: number) => Math.round(n * 10) / 10;

/** Pages only (no API calls, no health checks): the share of each in the views. */
const VIEW_SHARES: Shares = { home: 10, browse: 50, listing: 25, storefront: 15 };
const VISITOR_VIEWS = 10;
const KINDS = ["document", "prefetch", "rsc", "api", "image"] as const;
type Kind = (typeof KINDS)[number];
type View = { route: string; path: string; requests: Record<Kind, number>; serverCpuMs: number; postgresCpuMs: number; loadMs: number; failed: number };

function kindOf(url: URL, headers: Record<string, string>, resourceType: string): Kind | null {
  if (url.pathname.startsWith("/_next/static") || url.pathname === "/icon.svg") return null; // immutable build assets
  if (headers["next-router-prefetch"]) return "prefetch";
  if (headers["rsc"]) return "rsc";
  if (resourceType === "document") return "document";
  if (url.pathname.startsWith("/api/images/")) return "image";
  return "api";
}

/** Scrolls to the bottom in steps (lazy images and links entering the viewport), then lets the network settle. */
async function settle(page: Page) {
  for (let i = 0; i < 4; i++) {
    await page.mouse.wheel(0, 1200);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(800);
  await page.waitForLoadState("networkidle");
}

async function main() {
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromiumPath)) {
    emit({ skipped: `needs Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)` });
    return;
  }
  const views = Number(arg("--views") ?? 100);
  const seed = Number(arg("--seed") ?? 20261130);
  const dist = arg("--dist") ?? ".next";
  const catalog = await openBenchCatalog({
    prefix: "agora_bench_views",
    named: arg("--database"),
    listings: Number(arg("--listings") ?? 10_000),
    onSeeded: (seeded) => emit({ event: "seeded", ...seeded }),
  });
  const { url, handle } = catalog;
  const browser = await chromium.launch({ executablePath: chromiumPath });
  try {
    if (dist === ".next") ensureBuild({ reuse: process.env.BENCH_REBUILD !== "1" });
    else if (!existsSync(path.join(process.cwd(), dist, "BUILD_ID"))) throw new Error(`no production build in ${dist}`);
    const plan = await browsingPlan(handle.db, seed, Math.max(2_000, views), VIEW_SHARES);
    const warmPlan = await browsingPlan(handle.db, seed + 1, 2_000, VIEW_SHARES);
    clearDataCache(dist);
    const server = await startNextServer({ DATABASE_URL: url, NEXT_DIST_DIR: dist, API_RATE_LIMIT_PER_MINUTE: "1000000000" }, { quiet: true });
    const pid = server.process.pid;
    emit({ event: "start", views, seed, dist, chromium: browser.version(), node: process.version });
    try {
      // Every route's code loaded once before anything is measured (another seed's pages).
      const warm = await browser.newPage();
      for (let i = 0; i < 8; i++) await warm.goto(server.url + warmPlan().path, { waitUntil: "load" });
      await warm.close();

      const done: View[] = [];
      let context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      for (let i = 0; i < views; i++) {
        if (i > 0 && i % VISITOR_VIEWS === 0) {
          await context.close();
          context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        }
        const { route, path: target } = plan();
        const page = await context.newPage();
        const requests = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
        let failed = 0;
        page.on("request", (request) => {
          const address = new URL(request.url());
          if (address.origin !== server.url) return;
          const kind = kindOf(address, request.headers(), request.resourceType());
          if (kind) requests[kind] += 1;
        });
        page.on("response", (response) => {
          if (response.status() >= 500) failed += 1;
        });
        const before = readCpu(pid);
        const started = performance.now();
        const answer = await page.goto(server.url + target, { waitUntil: "load" });
        const loadMs = performance.now() - started;
        if (!answer || answer.status() >= 400) failed += 1;
        await settle(page);
        let viewRoute: string = route;
        if (route === "browse") {
          const card = page.getByTestId("listing-card").first().getByRole("link");
          if (await card.count()) {
            viewRoute = "browse + card click";
            await card.click();
            await page.waitForURL(/\/l\//);
            await settle(page);
          }
        }
        const after = readCpu(pid);
        await page.close();
        done.push({
          route: viewRoute,
          path: target,
          requests,
          serverCpuMs: (after.server ?? 0) - (before.server ?? 0),
          postgresCpuMs: (after.postgres ?? 0) - (before.postgres ?? 0),
          loadMs,
          failed,
        });
      }
      await context.close();

      const summarize = (name: string, rows: View[]) => {
        const perView = (pick: (v: View) => number) => round(rows.reduce((sum, v) => sum + pick(v), 0) / rows.length);
        const loads = rows.map((v) => v.loadMs);
        emit({
          route: name,
          views: rows.length,
          requests_per_view: Object.fromEntries(KINDS.map((k) => [k, perView((v) => v.requests[k])])),
          server_cpu_ms_per_view: perView((v) => v.serverCpuMs),
          postgres_cpu_ms_per_view: perView((v) => v.postgresCpuMs),
          load_p50_ms: round(percentile(loads, 50)),
          load_p95_ms: round(percentile(loads, 95)),
          failed: rows.reduce((sum, v) => sum + v.failed, 0),
        });
      };
      for (const name of [...new Set(done.map((v) => v.route))].sort())
        summarize(
          name,
          done.filter((v) => v.route === name),
        );
      summarize("overall", done);
      for (const v of [...done].sort((a, b) => b.serverCpuMs - a.serverCpuMs).slice(0, 10)) {
        emit({ slow: v.path, route: v.route, server_cpu_ms: v.serverCpuMs, postgres_cpu_ms: v.postgresCpuMs, load_ms: round(v.loadMs), requests: v.requests });
      }
    } finally {
      await server.stop();
    }
  } finally {
    await browser.close();
    await catalog.close();
  }
}

runMain(main);
