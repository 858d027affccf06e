// A large catalog for the benchmarks and the load tool: the demo seed in parallel batches (it builds the search
// vocabulary, vacuums and analyzes, so index-only scans work from the first request).
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Db, type DbHandle } from "@/db/client";
import { seedDatabase } from "@/lib/demo-data/seed";
import { createScratchDatabase, DEFAULT_ADMIN_URL, keptDatabase } from "./database";

/** Seeds `listings` demo listings; the seed's progress lines go to stderr (stdout carries the tools' JSON lines). */
export async function seedLargeCatalog(
  db: Db,
  listings: number,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<{ seconds: number; searchTerms: number }> {
  const t0 = performance.now();
  const summary = await seedDatabase(db, { listings, concurrency: 3, log });
  return { seconds: Math.round((performance.now() - t0) / 10) / 100, searchTerms: summary.rows.search_terms ?? 0 };
}

export type BenchCatalog = {
  url: string;
  handle: DbHandle;
  /** Closes the handle and drops a scratch database (a kept one stays). */ close: () => Promise<void>;
};

/**
 * The catalog a bench runs on: the kept database `named` (`--database NAME`, reused across runs) or a scratch one,
 * migrated, and seeded with `listings` listings when it has no published listing yet (`onSeeded` gets the figures).
 */
export async function openBenchCatalog(opts: {
  prefix: string;
  named: string | undefined;
  listings: number;
  onSeeded: (seeded: { listings: number; seconds: number }) => void;
}): Promise<BenchCatalog> {
  const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
  const scratch = opts.named
    ? { ...(await keptDatabase(adminUrl, opts.named)), drop: async () => {} }
    : { ...(await createScratchDatabase(opts.prefix, adminUrl)), exists: false };
  const url = scratch.url as string;
  const handle = await openDatabase({ url, poolMax: 4 });
  const close = async () => {
    await handle.close();
    await scratch.drop();
  };
  try {
    await handle.migrate();
    const [catalog] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from listings where status = 'published'`);
    if (!scratch.exists || Number(catalog?.n ?? 0) === 0) {
      const seeded = await seedLargeCatalog(handle.db, opts.listings);
      opts.onSeeded({ listings: opts.listings, seconds: Math.round(seeded.seconds) });
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { url, handle, close };
}
