// Benchmark: seed 100,000 listings into a fresh Postgres database and print one JSON line with the time.
// Usage: tsx --conditions=react-server scripts/bench/seed.ts [--listings N] [--concurrency N]
// DATABASE_URL names the server; a throwaway database is created on it and dropped afterwards.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { describeSeedError } from "@/lib/demo-data/errors";
import { seedDatabase } from "@/lib/demo-data/seed";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres";

function positiveIntArg(argv: readonly string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  const value = at === -1 ? fallback : Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main() {
  const argv = process.argv.slice(2);
  const listings = positiveIntArg(argv, "--listings", 100_000);
  // Parallel batch writers: Postgres does most of the work (full-text vectors, indexes, triggers).
  const concurrency = positiveIntArg(argv, "--concurrency", 3);
  const serverUrl = process.env.DATABASE_URL || DEFAULT_URL;
  const name = `agora_bench_seed_${randomBytes(5).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  try {
    const handle = await openDatabase({ url: databaseUrl(serverUrl, name), poolMax: concurrency + 1 });
    try {
      await handle.migrate();
      // Progress goes to stderr: stdout carries only the JSON result line.
      const summary = await seedDatabase(handle.db, { listings, concurrency, log: (line) => process.stderr.write(`${line}\n`) });
      console.log(JSON.stringify({ bench: "seed", driver: "postgres", listings, concurrency, seconds: summary.seconds, rows: summary.rows }));
    } finally {
      await handle.close();
    }
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(`seed benchmark failed: ${describeSeedError(error)}`);
  process.exit(1);
});
