// Runs once when a server starts: validate the environment, then prepare the embedded database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  env();
  const { ensureDatabase } = await import("@/db/client");
  await ensureDatabase();
}
