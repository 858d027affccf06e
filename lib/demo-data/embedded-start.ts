// The first start of an empty embedded database: migrate it and seed the demo catalog (ARCHITECTURE.md, "Database").
import "server-only";
import { ensureDatabase, getDatabase } from "@/db/client";
import { env } from "@/lib/env";

/** Runs once per server start (instrumentation.ts). A DATABASE_URL database is never seeded here. */
export async function prepareEmbeddedDatabase(): Promise<void> {
  await ensureDatabase();
  const handle = await getDatabase();
  if (handle.driver !== "pglite") return;
  // Loaded only here: the seed draws covers with sharp, which a server on Postgres should not map for nothing.
  const { isEmpty, seedDatabase } = await import("./seed");
  if (!(await isEmpty(handle.db))) return;
  const listings = env().SEED_LISTINGS;
  console.log(`[agora] empty embedded database: seeding ${listings} demo listings…`);
  await seedDatabase(handle.db, { listings });
}
