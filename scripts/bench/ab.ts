// Benchmark: two (or more) production builds side by side on one catalog, for changes smaller than a machine's drift.
// On a shared 2-core machine the same build's server CPU per request can move by half from one minute to the next, so
// back-to-back runs of the search bench cannot show a change of a millisecond. Here every build's server runs at
// once; in each round the same fresh requests (the load tool's traffic: searches, /browse, listing pages, storefronts,
// home, health, from the search bench's fixed-seed mix) go to each build in turn, and each server's CPU for the round
// is read from /proc. One JSON line per round and build, then per build and per build against the first.
// Usage: npm run bench -- ab --builds .next,.next-b [--database NAME (kept; seeded with --listings when new)]
//        [--listings 10000] [--rounds 10] [--per 200] [--concurrency 4] [--seed 20261130]
//        [--only search,browse,listing,storefront,home,health (routes to send; default all)]
// A build in another dist dir: `NEXT_DIST_DIR=.next-b npx next build` (it adds .next-b's types to tsconfig.json:
// restore that file afterwards). The same dir twice is refused (they would share one data cache); an A/A run (a
// build and a copy built into another dir) shows the noise floor a difference must clear.
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { existsSync } from "node:fs";
import { openBenchCatalog } from "../support/catalog";
import { clearDataCache, startNextServer, type RunningServer } from "../support/server";
import { readCpu } from "../support/cpu";
import { runMain } from "../support/main";
import { browsingPlan, type Route, type Shares } from "../load/_traffic";
import { buildSummary, pairedDifference, roundOrder, type RoundFigures } from "./_ab-stats";

const emit = (line: Record<string, unknown>) => console.log(JSON.stringify({ bench: "ab", ...line }));
const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const load = () => os.loadavg().map((n) => Math.round(n * 100) / 100);

/** The share of each route in the traffic (the load tool's, with storefronts and health checks). */
const AB_SHARES: Shares = { home: 5, browse: 25, search: 40, listing: 15, storefront: 10, health: 5 };

function onlyShares(only: string | undefined): Shares {
  if (!only) return AB_SHARES;
  const routes = only.split(",") as (keyof Shares)[];
  const unknown = routes.filter((r) => !(r in AB_SHARES));
  if (unknown.length || routes.length === 0) throw new Error(`--only takes routes among ${Object.keys(AB_SHARES).join(", ")}`);
  // Whole percents adding up to 100: the first routes take the remainder.
  const each = Math.floor(100 / routes.length);
  return Object.fromEntries(routes.map((r, i) => [r, each + (i < 100 - each * routes.length ? 1 : 0)]));
}

function client(base: string, concurrency: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = (target: string) =>
    new Promise<number>((resolve) => {
      const req = http.get(`${base}${target}`, { agent, headers: { accept: "text/html,application/json" } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", () => resolve(0));
    });
  return { get, close: () => agent.destroy() };
}

/** Sends `paths` with `concurrency` in flight; each request's latency and whether it failed (no answer or 5xx). */
async function send(get: (path: string) => Promise<number>, paths: string[], concurrency: number) {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const target = paths[next++];
        const t0 = performance.now();
        const status = await get(target);
        latencies.push(performance.now() - t0);
        if (status === 0 || status >= 500) failed += 1;
      }
    }),
  );
  return { latencies, failed };
}

async function main() {
  const builds = (arg("--builds") ?? "").split(",").filter(Boolean);
  if (builds.length < 2) {
    emit({ skipped: "compares production builds: --builds .next,.next-b (each built with NEXT_DIST_DIR=<dir> npx next build)" });
    return;
  }
  if (new Set(builds).size !== builds.length) throw new Error("each build needs its own dist dir (the same dir twice would share one data cache)");
  for (const dir of builds) if (!existsSync(path.join(process.cwd(), dir, "BUILD_ID"))) throw new Error(`no production build in ${dir}`);
  const rounds = Number(arg("--rounds") ?? 10);
  const per = Number(arg("--per") ?? 200);
  const concurrency = Number(arg("--concurrency") ?? 4);
  const seed = Number(arg("--seed") ?? 20261130);
  const shares = onlyShares(arg("--only"));

  const catalog = await openBenchCatalog({
    prefix: "agora_bench_ab",
    named: arg("--database"),
    listings: Number(arg("--listings") ?? 10_000),
    onSeeded: (seeded) => emit({ event: "seeded", ...seeded }),
  });
  const { url, handle } = catalog;
  const servers: RunningServer[] = [];
  try {
    // Warm-up requests come from another seed than the measured ones: nothing measured is answered from a cache
    // filled before the rounds.
    const warmPlan = await browsingPlan(handle.db, seed + 1, 2_000, shares);
    const plan = await browsingPlan(handle.db, seed, Math.max(2_000, rounds * per), shares);
    for (const dir of builds) {
      clearDataCache(dir);
      servers.push(
        await startNextServer({ DATABASE_URL: url, NEXT_DIST_DIR: dir, API_RATE_LIMIT_PER_MINUTE: "1000000000", DATABASE_POOL_MAX: "10" }, { quiet: true }),
      );
    }
    emit({ event: "start", builds, rounds, per, concurrency, shares, node: process.version, load: load() });
    const clients = servers.map((s) => client(s.url, concurrency));
    const warm = Array.from({ length: 300 }, () => warmPlan().path);
    for (const c of clients) await send(c.get, warm, concurrency);

    const figures: RoundFigures[][] = builds.map(() => []);
    for (let r = 0; r < rounds; r++) {
      const requests: { route: Route; path: string }[] = Array.from({ length: per }, () => plan());
      const paths = requests.map((q) => q.path);
      for (const b of roundOrder(r, builds.length)) {
        const pid = servers[b].process.pid;
        const before = readCpu(pid);
        const { latencies, failed } = await send(clients[b].get, paths, concurrency);
        const after = readCpu(pid);
        const round: RoundFigures = {
          serverCpuMs: (after.server ?? 0) - (before.server ?? 0),
          postgresCpuMs: (after.postgres ?? 0) - (before.postgres ?? 0),
          requests: paths.length,
          latencies,
          failed,
        };
        figures[b].push(round);
        emit({
          round: r + 1,
          build: builds[b],
          server_cpu_ms_per_request: Math.round((round.serverCpuMs / paths.length) * 100) / 100,
          postgres_cpu_ms_per_request: Math.round((round.postgresCpuMs / paths.length) * 100) / 100,
          failed,
        });
      }
    }
    for (const c of clients) c.close();
    for (const [b, dir] of builds.entries()) emit({ build: dir, ...buildSummary(figures[b]) });
    for (let b = 1; b < builds.length; b++) emit({ build: builds[b], against: builds[0], ...pairedDifference(figures[0], figures[b]) });
    emit({ event: "done", load: load() });
  } finally {
    for (const s of servers) await s.stop();
    await catalog.close();
  }
}

runMain(main);
