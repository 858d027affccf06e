// The server's start on Node.js (instrumentation.ts's register): validate the environment, install the logger, the
// database probe and the cluster's metrics answer, then prepare the embedded database.

export async function registerNode(): Promise<void> {
  // `next build` loads this too; a build never opens (or seeds) a database.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { env, EnvError } = await import("@/lib/env");
  try {
    env();
  } catch (error) {
    // Production fails closed (DESIGN.md §9): one clear message naming each variable, and no server.
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  // The structured logger, installed before anything logs (lib/errors reaches it through a global sink).
  const { logger } = await import("@/lib/observability/logger");
  const { addressSource, sharedBudgetWarning } = await import("@/lib/security/client-address");
  const warning = sharedBudgetWarning(addressSource(), process.env.NODE_ENV === "production");
  if (warning) logger.warn({ event: "startup.shared_rate_limit_budget" }, warning);
  // While the database is known to be down, the proxy answers pages 503 and probes it with this (db/availability).
  const [{ registerDatabaseProbe }, { probeDatabase }] = await Promise.all([import("@/db/availability"), import("@/lib/health")]);
  registerDatabaseProbe(probeDatabase);
  // One of several server processes (SERVER_WORKERS): a scrape reaching another one asks this one for its figures.
  const { answerClusterScrapes } = await import("@/lib/observability/cluster-metrics");
  answerClusterScrapes();
  const { prepareEmbeddedDatabase } = await import("@/lib/demo-data/embedded-start");
  await prepareEmbeddedDatabase();
}
