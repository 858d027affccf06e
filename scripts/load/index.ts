// Load tool (not part of npm test): a 100k-listing Postgres catalog behind `npm start` (production), 1,000 keep-alive
// connections browsing for 30 s (home, /browse with filters and cursors, /api/v1/listings searches from the search
// bench's fixed-seed mix, listing pages) while 50 buyers each sign in and buy through the pages' forms and the local
// test checkout. Prints one JSON line per route (requests, error rate, p50/p95/p99), the checkout result checked in
// the database (one paid order each, fulfilled exactly once, entitled, its sale in the ledger) and the machine load.
// Exits 1 when a checkout fails or is not fulfilled exactly once.
// Usage: npm run load -- [--database NAME (kept: seeded when missing, reused after)] [--listings 100000]
//        [--connections 1000] [--buyers 50] [--seconds 30] [--seed 20261130] [--timeout-ms 30000]
// The server runs with API_RATE_LIMIT_PER_MINUTE=1000000000 (every connection shares one client address) and
// DATABASE_POOL_MAX=10; sign-in limits count only failures and checkout's is per buyer, so neither needs raising.
import os from "node:os";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "@/db/client";
import { createScratchDatabase, DEFAULT_ADMIN_URL, keptDatabase } from "../support/database";
import { cpuPerRequest, readCpu } from "../support/cpu";
import { runMain } from "../support/main";
import { seedLargeCatalog } from "../support/catalog";
import { ensureBuild, startNextServer } from "../support/server";
import { createBuyers, purchase, verifyFulfilment } from "./_buyers";
import { browse, browsingPlan, routeFigures, type Sample } from "./_traffic";

const emit = (line: Record<string, unknown>) => console.log(JSON.stringify({ tool: "load", ...line }));
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const named = (() => {
  const at = process.argv.indexOf("--database");
  return at === -1 ? undefined : process.argv[at + 1];
})();
const load = () => os.loadavg().map((n) => Math.round(n * 100) / 100);

async function main() {
  const listings = arg("--listings", 100_000);
  const connections = arg("--connections", 1000);
  const buyerCount = arg("--buyers", 50);
  const seconds = arg("--seconds", 30);
  const seed = arg("--seed", 20261130);
  const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
  const scratch = named
    ? { ...(await keptDatabase(adminUrl, named)), drop: async () => {} }
    : { ...(await createScratchDatabase("agora_load", adminUrl)), exists: false };
  const url = scratch.url as string;
  const handle = await openDatabase({ url, poolMax: 4 });
  try {
    await handle.migrate();
    const [catalog] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from listings where status = 'published'`);
    if (!scratch.exists || Number(catalog?.n ?? 0) === 0) {
      const seeded = await seedLargeCatalog(handle.db, listings);
      emit({ event: "seeded", listings, seconds: Math.round(seeded.seconds), load: load() });
    }
    const next = await browsingPlan(handle.db, seed);
    const buyers = await createBuyers(handle.db, buyerCount);

    ensureBuild({ reuse: process.env.LOAD_REBUILD !== "1" });
    const server = await startNextServer({ DATABASE_URL: url, API_RATE_LIMIT_PER_MINUTE: "1000000000", DATABASE_POOL_MAX: "10" }, { quiet: true });
    let failed = false;
    try {
      // Warm-up outside the measured window: module loading, JIT, the first connections.
      await browse(server.url, next, { connections: 8, seconds: 5, timeoutMs: 30_000 });
      const loadBefore = load();
      const cpuBefore = readCpu(server.process.pid);
      emit({
        event: "start",
        connections,
        buyers: buyerCount,
        seconds,
        workers: Number(process.env.SERVER_WORKERS || 1),
        node: process.version,
        load: loadBefore,
      });

      const checkoutSamples: Sample[] = [];
      const started = performance.now();
      const [samples, purchases] = await Promise.all([
        browse(server.url, next, { connections, seconds, timeoutMs: arg("--timeout-ms", 30_000) }),
        Promise.allSettled(buyers.map((b) => purchase(server.url, b, checkoutSamples))),
      ]);
      const elapsed = (performance.now() - started) / 1000;
      const loadAfter = load();
      const cpuAfter = readCpu(server.process.pid);
      // Browsing stops starting requests after `seconds`; the buyers' steps run until the last one has paid.
      for (const figures of [...routeFigures(samples, seconds), ...routeFigures(checkoutSamples, elapsed)]) emit(figures);
      const refused = purchases.flatMap((p) => (p.status === "rejected" ? [String((p.reason as Error).message ?? p.reason)] : []));
      const fulfilment = await verifyFulfilment(handle.db, buyers);
      emit({ checkout: { buyers: buyerCount, completed: buyerCount - refused.length, ...fulfilment, refused: refused.slice(0, 5) } });
      const all = [...samples, ...checkoutSamples];
      const errors = all.filter((s) => s.status === 0 || s.status >= 400).length;
      const sorted = all.map((s) => s.ms).sort((a, b) => a - b);
      const p95 = sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
      emit({
        summary: { requests: all.length, seconds: Math.round(elapsed * 10) / 10, rps: Math.round(all.length / elapsed), errors, p95_ms: Math.round(p95) },
        targets: { zero_errors: errors === 0, p95_under_500ms: p95 <= 500 },
        machine: {
          cpus: os.cpus().length,
          loadavg_before: loadBefore,
          loadavg_after: loadAfter,
          // Which side the run's CPU was spent on (the server's processes, SERVER_WORKERS of them; Postgres is every backend).
          ...cpuPerRequest(cpuBefore, cpuAfter, all.length),
          server_cpu_share:
            cpuAfter.server === null || cpuBefore.server === null ? null : Math.round(((cpuAfter.server - cpuBefore.server) / 1000 / elapsed) * 100) / 100,
        },
      });
      failed = refused.length > 0 || !fulfilment.ok;
    } finally {
      await server.stop();
    }
    if (failed) process.exitCode = 1;
  } finally {
    await handle.close();
    await scratch.drop();
  }
}

runMain(main);
