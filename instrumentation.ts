// Runs once when a server starts: validate the environment, then prepare the embedded database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this too; a build never opens (or seeds) a database.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("@/lib/env");
  env();
  const { prepareEmbeddedDatabase } = await import("@/lib/demo-data/embedded-start");
  await prepareEmbeddedDatabase();
}
