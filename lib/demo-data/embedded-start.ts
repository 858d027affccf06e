// The first start of an empty embedded database: migrate it and seed the demo catalog (ARCHITECTURE.md, "Database").
import "server-only";
import { ensureDatabase, getDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { isEmpty, seedDatabase } from "./seed";

/** Runs once per server start (instrumentation.ts). A DATABASE_URL database is never seeded here. */
export async function prepareEmbeddedDatabase(): Promise<void> {
  await ensureDatabase();
  const handle = await getDatabase();
  if (handle.driver !== "pglite" || !(await isEmpty(handle.db))) return;
  const listings = env().SEED_LISTINGS;
  console.log(`[agora] empty embedded database: seeding ${listings} demo listings…`);
  await seedDatabase(handle.db, { listings });
}
