// Plan settings of catalog transactions: what each statement may use (sequential scans, bitmaps), sent with it.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { catalogClientFor, hasCatalogSettings, queryRows, type Db } from "@/db/client";

export type PlanOptions = { seqscan: boolean; bitmapscan: boolean };

/**
 * listing_search keeps `body` out of line, which the planner does not price: it would rather seq-scan and
 * detoast every row than read the GIN index. Inside this transaction seq scans are a last resort unless a statement
 * says otherwise (planNext), JIT is off (its compile time dwarfs these millisecond queries), and statements are planned
 * for their own parameters (a word in ten listings and one in half of them want different plans), never with a
 * cached generic plan. All settings are local to the transaction.
 */
export async function withCatalogPlans<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  // A catalog pool's sessions already run under these settings: no transaction, one round trip per statement.
  const pinned = catalogClientFor(db);
  if (pinned) return work(pinned);
  return db.transaction(async (tx) => {
    // Sent together with the work's first statement (the connection runs them in order).
    const [, result] = await Promise.all([
      tx.execute(
        sql`select set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)`,
      ),
      work(tx as unknown as Db),
    ]);
    return result;
  });
}

/**
 * Plan settings for the next statement of a catalog transaction (withCatalogPlans): each statement states what it
 * needs. Outside a transaction these are no-ops and the planner decides alone.
 */
export async function planNext(db: Db, opts: PlanOptions): Promise<void> {
  await db.execute(
    sql`select set_config('enable_seqscan', ${opts.seqscan ? "on" : "off"}, true), set_config('enable_bitmapscan', ${opts.bitmapscan ? "on" : "off"}, true)`,
  );
}

/**
 * Runs a statement under plan settings in one round trip: both are sent together on the transaction's
 * connection, which runs them in order (postgres-js pipelines them; PGlite queues them). On the catalog pool the
 * statement runs alone under the session's settings: sequential scans off (the small facet cube is then read through
 * its primary key, as cheap), bitmap scans on — a walk still follows its sort index, since its region is an ordered
 * LIMIT the planner can only answer cheaply that way (the bench prints the plans of the slowest requests).
 */
export async function rowsWithPlan<T>(db: Db, opts: PlanOptions, statement: SQL): Promise<T[]> {
  if (hasCatalogSettings(db)) return queryRows<T>(db, statement);
  const [, rows] = await Promise.all([planNext(db, opts), queryRows<T>(db, statement)]);
  return rows;
}
