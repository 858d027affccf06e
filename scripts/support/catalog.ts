// A large catalog for the benchmarks and the load tool: the demo seed in parallel batches (it rebuilds the search
// vocabulary and analyzes), then a VACUUM so visibility maps are set and index-only scans work from the first request.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { seedDatabase } from "@/lib/demo-data/seed";

export async function seedLargeCatalog(db: Db, listings: number, log: (line: string) => void = () => {}): Promise<{ seconds: number; searchTerms: number }> {
  const t0 = performance.now();
  const summary = await seedDatabase(db, { listings, concurrency: 3, log });
  await db.execute(sql`vacuum`);
  return { seconds: Math.round((performance.now() - t0) / 10) / 100, searchTerms: summary.rows.search_terms ?? 0 };
}
