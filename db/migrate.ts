// `npm run db:migrate`: applies drizzle/ migrations to DATABASE_URL (or the embedded database when unset).
import "server-only";
import { openDatabase } from "./client";

async function main() {
  const url = process.env.DATABASE_URL || undefined;
  const handle = await openDatabase({ url, pgliteDir: process.env.PGLITE_DIR ?? ".data/pglite", poolMax: 1 });
  const started = Date.now();
  try {
    await handle.migrate();
    console.log(`Migrations applied to ${url ? new URL(url).host + new URL(url).pathname : "the embedded database"} in ${Date.now() - started} ms.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error("Migration failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
