// Throwaway databases for journeys and benchmarks: a fresh Postgres database, or a temporary PGlite folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export type ScratchDatabase = { url?: string; pgliteDir?: string; drop: () => Promise<void> };

export async function createScratchDatabase(prefix: string, adminUrl: string | undefined): Promise<ScratchDatabase> {
  if (!adminUrl) {
    const pgliteDir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
    return { pgliteDir, drop: async () => rmSync(pgliteDir, { recursive: true, force: true }) };
  }
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await dropper.end();
    },
  };
}

/** Runs `send` `total` times with at most `concurrency` in flight; returns per-request latencies (ms). */
export async function loadLoop(total: number, concurrency: number, send: (i: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  async function worker() {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      await send(i);
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * A database kept between runs (a benchmark's or the load tool's `--database NAME`): its URL on the admin URL's server,
 * and whether it existed already (when it did not, it is created empty for the run to seed).
 */
export async function keptDatabase(adminUrl: string, name: string): Promise<{ url: string; exists: boolean }> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("--database takes a plain lowercase name");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select count(*)::int as n from pg_database where datname = ${name}`;
    if (row.n === 0) await admin.unsafe(`create database "${name}"`);
    return { url: Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString(), exists: row.n > 0 };
  } finally {
    await admin.end();
  }
}
