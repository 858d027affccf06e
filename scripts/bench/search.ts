// Benchmark: catalog search as buyers use it, on Postgres. ≥ 10,000 unique requests from a fixed seed (see
// _search-mix.ts) over HTTP to `next start`: p50/p95/p97.5/p99 per shape and overall at 4 concurrent requests,
// throughput at 32 concurrent as a ratio to /api/health in the same run, and the 20 slowest requests with the
// EXPLAIN (ANALYZE, BUFFERS) of every statement they ran. One JSON object per line.
// Usage: tsx --conditions=react-server scripts/bench/search.ts [--listings N] [--requests N] [--seed N]
//        [--database NAME (kept: seeded when it does not exist yet, reused as it is when it does)]
//        [--in-process (no HTTP: time catalogSearch)] [--seed-only (seed the --database and stop)]
import http from "node:http";
import os from "node:os";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Db } from "@/db/client";
import { catalogSearch } from "@/lib/catalog/catalog";
import { parseCatalogQuery, type CatalogQuery } from "@/lib/catalog/params";
import { createScratchDatabase, DEFAULT_ADMIN_URL, keptDatabase, percentile } from "../support/database";
import { seedLargeCatalog } from "../support/catalog";
import { clearDataCache, ensureBuild, startNextServer } from "../support/server";
import { cpuPerRequest, readCpu } from "../support/cpu";
import { generateMix, loadMixInputs, shapeGroup, type BenchRequest } from "./_search-mix";
import { explainRequest } from "./_search-plans";
import { runMain } from "../support/main";

const emit = (line: Record<string, unknown>) => console.log(JSON.stringify({ bench: "search", ...line }));
const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const round = (ms: number) => Math.round(ms * 100) / 100;
const load = () => os.loadavg().map((n) => round(n));

type Timed = { request: BenchRequest; ms: number; status: number };

function stats(times: number[]) {
  return {
    n: times.length,
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    p97_5_ms: round(percentile(times, 97.5)),
    p99_ms: round(percentile(times, 99)),
    max_ms: round(Math.max(0, ...times)),
  };
}

/** Runs `requests` with `concurrency` in flight; each worker takes the next request in order. */
async function run<T>(items: T[], concurrency: number, send: (item: T) => Promise<number>): Promise<{ item: T; ms: number; status: number }[]> {
  const out: { item: T; ms: number; status: number }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const t0 = performance.now();
        const status = await send(item);
        out.push({ item, ms: performance.now() - t0, status });
      }
    }),
  );
  return out;
}

function httpGetter(base: string, concurrency: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = (path: string) =>
    new Promise<number>((resolve) => {
      const req = http.get(`${base}${path}`, { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", () => resolve(0));
    });
  return { get, close: () => agent.destroy() };
}

function parse(params: Record<string, string>): CatalogQuery {
  const parsed = parseCatalogQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(`bench request invalid: ${parsed.message}`);
  return parsed.query;
}

function report(timed: Timed[], phase: string) {
  const groups = new Map<string, number[]>();
  for (const t of timed) {
    const g = shapeGroup(t.request.shape);
    groups.set(g, [...(groups.get(g) ?? []), t.ms]);
  }
  for (const [shape, times] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) emit({ phase, shape, ...stats(times) });
  const bad = timed.filter((t) => t.status < 200 || t.status >= 300);
  emit({ phase, shape: "overall", ...stats(timed.map((t) => t.ms)), non_2xx: bad.length, errors: bad.filter((t) => t.status === 0).length, load: load() });
  for (const b of bad.slice(0, 5)) emit({ phase, failed: b.request.path, status: b.status });
}

async function slowest(db: Db, timed: Timed[], count: number) {
  const worst = [...timed].sort((a, b) => b.ms - a.ms).slice(0, count);
  for (const t of worst) {
    if (t.request.storefront) {
      emit({ slow: t.request.path, shape: t.request.shape, ms: round(t.ms), statements: "storefront page (catalog search by creator)" });
      continue;
    }
    const statements = await explainRequest(db, parse(t.request.params));
    emit({ slow: t.request.path, shape: t.request.shape, ms: round(t.ms), statements });
  }
}

/**
 * How many terms keep facet cells (search_token_keys): a search for a frequent word or partial word that keeps none yet
 * counts and keeps them after its answer (keepFrequentTerm), up to a second of Postgres CPU each at 1M listings, beside
 * the requests being measured. A run that kept many measured that warm-up too; the report says how many it kept.
 */
async function keptTerms(db: Db): Promise<{ terms: number; partial_words: number }> {
  const [row] = await queryRows<{ terms: number; partial_words: number }>(
    db,
    sql`select count(*)::int as terms, (count(*) filter (where key like '%:*'))::int as partial_words from search_token_keys`,
  );
  return { terms: Number(row?.terms ?? 0), partial_words: Number(row?.partial_words ?? 0) };
}

async function main() {
  const listings = Number(arg("--listings") ?? 100_000);
  const count = Number(arg("--requests") ?? 10_000);
  const seed = Number(arg("--seed") ?? 20261130);
  const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
  const named = arg("--database");
  const kept = named ? await keptDatabase(adminUrl, named) : null;
  const reuse = kept?.exists ?? false;
  const scratch = kept ? { url: kept.url, drop: async () => {} } : await createScratchDatabase("agora_bench_search", adminUrl);
  const url = scratch.url as string;
  try {
    const handle = await openDatabase({ url, poolMax: 4 });
    const t0 = performance.now();
    await handle.migrate();
    if (!reuse) {
      const seeded = await seedLargeCatalog(handle.db, listings);
      emit({ event: "seeded", listings, search_terms: seeded.searchTerms, seconds: round((performance.now() - t0) / 1000), load: load() });
    }
    if (process.argv.includes("--seed-only")) return await handle.close();
    // The catalog measured: a reused database's own size, not --listings (whose default is 100k), sets the target.
    const [size] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from listings`);
    const catalog = Number(size?.n ?? listings);
    emit({ event: "catalog", listings: catalog });
    const requests = generateMix(await loadMixInputs(handle.db), count, seed);
    emit({ event: "mix", requests: requests.length, unique: new Set(requests.map((r) => r.path)).size, seed, load: load() });
    const keptBefore = await keptTerms(handle.db);

    let timed: Timed[];
    if (process.argv.includes("--in-process")) {
      const api = requests.filter((r) => !r.storefront);
      for (const r of api.slice(0, 50)) await catalogSearch(handle.db, parse(r.params));
      const runs = await run(api, Number(arg("--concurrency") ?? 1), async (r) => {
        await catalogSearch(handle.db, parse(r.params));
        return 200;
      });
      timed = runs.map((r) => ({ request: r.item, ms: r.ms, status: r.status }));
      report(timed, "in_process");
    } else {
      ensureBuild({ reuse: process.env.BENCH_REBUILD !== "1" });
      // Storefront pages are kept in the data cache: a run must not be answered from the last run's entries.
      clearDataCache();
      const server = await startNextServer({ DATABASE_URL: url, API_RATE_LIMIT_PER_MINUTE: "100000000" }, { quiet: true });
      // The server runs on the Node.js this bench runs on (`node` on PATH, scripts/start.sh): its figures depend on it.
      emit({ event: "server", node: process.version });
      try {
        // Warm the server (module loading, JIT, connections) on requests outside the measured mix.
        const warm = httpGetter(server.url, 8);
        const measured = new Set(requests.map((r) => r.path));
        const fresh = async (n: number, s: number) =>
          generateMix(await loadMixInputs(handle.db), n, s)
            .map((r) => r.path)
            .filter((p) => !measured.has(p));
        await run([...(await fresh(400, seed + 1)), ...Array(200).fill("/api/health")], 8, warm.get);
        warm.close();

        const four = httpGetter(server.url, 4);
        timed = (await run(requests, 4, (r) => four.get(r.path))).map((r) => ({ request: r.item, ms: r.ms, status: r.status }));
        four.close();
        report(timed, "concurrency_4");

        // Throughput at 32: /api/health, then a fresh slice of unique searches (a new seed: nothing cached), same run.
        const throughput = async (name: string, paths: string[]) => {
          const client = httpGetter(server.url, 32);
          const t = performance.now();
          const cpuBefore = readCpu(server.process.pid);
          const done = await run(paths, 32, client.get);
          const seconds = (performance.now() - t) / 1000;
          const cpu = cpuPerRequest(cpuBefore, readCpu(server.process.pid), done.length);
          client.close();
          const rps = Math.round(done.length / seconds);
          emit({
            phase: "concurrency_32",
            http: name,
            requests: done.length,
            seconds: round(seconds),
            rps,
            non_2xx: done.filter((d) => d.status < 200 || d.status >= 300).length,
            ...cpu,
            load: load(),
          });
          return rps;
        };
        const health = await throughput("/api/health", Array(4000).fill("/api/health"));
        const search = await throughput("/api/v1/listings (mix)", await fresh(4000, seed + 2));
        emit({ phase: "concurrency_32", ratio: round(search / Math.max(1, health)), target: catalog >= 1_000_000 ? 0.3 : 0.5 });
      } finally {
        await server.stop();
      }
    }
    // Give the last term being kept after its answer time to finish, then say how many terms this run kept.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const keptAfter = await keptTerms(handle.db);
    emit({ event: "kept_terms", before: keptBefore, after: keptAfter, kept_by_this_run: keptAfter.terms - keptBefore.terms });
    await slowest(handle.db, timed, Number(arg("--slowest") ?? 20));
    await handle.close();
  } finally {
    await scratch.drop();
  }
}

runMain(main);
