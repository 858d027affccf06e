// A large catalog for the benchmarks and the load tool: the demo seed in parallel batches (it builds the search
// vocabulary, vacuums and analyzes, so index-only scans work from the first request).
import type { Db } from "@/db/client";
import { seedDatabase } from "@/lib/demo-data/seed";

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
