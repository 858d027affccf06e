// Database reachability and migration state for the health endpoint, bounded so a hung database answers 503 quickly.
import "server-only";
import { sql } from "drizzle-orm";
import { isDatabaseConnectionFailure, noteDatabaseReachable, noteDatabaseUnreachable } from "@/db/availability";
import { getDb, queryRows, type Db } from "@/db/client";
import journal from "@/drizzle/meta/_journal.json";
import { logger } from "@/lib/observability/logger";

export type MigrationState = "current" | "pending" | "unknown";
export type Health = { status: "ok" | "error"; db: "ok" | "down"; migrations: MigrationState };

/** The newest migration this build ships (drizzle's journal, bundled at build time so no file is read at runtime). */
export const LATEST_MIGRATION_MILLIS = Math.max(...journal.entries.map((entry) => entry.when));

function bounded<T>(work: Promise<T>, timeoutMs: number, onTimeout: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function checkDatabase(timeoutMs = 3000): Promise<"ok" | "down"> {
  let unreachable = false;
  const probe = (async () => {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return "ok" as const;
  })().catch((error: unknown) => {
    logger.error({ event: "health.db_down", err: error }, "database check failed");
    unreachable = isDatabaseConnectionFailure(error);
    return "down" as const;
  });
  const result = await bounded(probe, timeoutMs, "down");
  // Shared with the proxy (db/availability): while the database is down, pages answer 503 and this check is its probe.
  // Only a failed connection closes the gate: a check that merely timed out may have waited on a busy pool, and an
  // overloaded server must not start refusing every page.
  if (unreachable) {
    if (noteDatabaseUnreachable()) logger.error({ event: "database.unreachable" }, "database unreachable: pages answer 503 until it answers");
  } else if (result === "ok") {
    const downMs = noteDatabaseReachable();
    if (downMs !== null) logger.info({ event: "database.reachable", downMs }, "database reachable again");
  }
  return result;
}

/** The proxy's probe while the database is marked down (instrumentation installs it): a `select 1` bounded to a second. */
export async function probeDatabase(): Promise<boolean> {
  return (await checkDatabase(1000)) === "ok";
}

/**
 * Whether every migration of this build has been applied: drizzle's migrator applies the journal's entries newer than
 * the newest `created_at` in drizzle.__drizzle_migrations, so the same comparison says whether it has work left.
 * A database ahead of the code (a newer deploy migrated it) counts as current for this code.
 */
export async function migrationState(db: Db): Promise<MigrationState> {
  try {
    const [row] = await queryRows<{ latest: string | null }>(db, sql`select max(created_at)::text as latest from drizzle.__drizzle_migrations`);
    const applied = Number(row?.latest ?? 0);
    return applied >= LATEST_MIGRATION_MILLIS ? "current" : "pending";
  } catch (error) {
    // No migrations table at all: nothing was ever applied.
    if ((error as { code?: string; cause?: { code?: string } })?.code === "42P01" || (error as { cause?: { code?: string } })?.cause?.code === "42P01") {
      return "pending";
    }
    logger.error({ event: "health.migrations_unknown", err: error }, "migration check failed");
    return "unknown";
  }
}

/**
 * What GET /api/health answers: `{"status":"ok","db":"ok","migrations":"current"}` (200), or status "error" (503) when
 * the database is unreachable or migrations are pending — code running ahead of its schema fails in odd ways, so a
 * balancer should not send it traffic.
 */
export async function checkHealth(timeoutMs = 3000): Promise<Health> {
  const db = await checkDatabase(timeoutMs);
  if (db === "down") return { status: "error", db, migrations: "unknown" };
  const migrations = await bounded(
    getDb().then((handle) => migrationState(handle)),
    timeoutMs,
    "unknown" as MigrationState,
  );
  return { status: migrations === "pending" ? "error" : "ok", db, migrations };
}
