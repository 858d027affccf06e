// Plan settings of catalog transactions: what each statement may use (sequential scans, bitmaps), sent with it.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

export type PlanOptions = { seqscan: boolean; bitmapscan: boolean };

/**
 * listing_search keeps `body` out of line, which the planner does not price: it would rather seq-scan and
 * detoast every row than read the GIN index. Inside this transaction seq scans are a last resort unless a statement
 * says otherwise (planNext), JIT is off (its compile time dwarfs these millisecond queries), and statements are planned
 * for their own parameters (a word in ten listings and one in half of them want different plans), never with a
 * cached generic plan. All settings are local to the transaction.
 */
export async function withCatalogPlans<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
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
 * connection, which runs them in order (postgres-js pipelines them; PGlite queues them).
 */
export async function rowsWithPlan<T>(db: Db, opts: PlanOptions, statement: SQL): Promise<T[]> {
  const [, rows] = await Promise.all([planNext(db, opts), queryRows<T>(db, statement)]);
  return rows;
}
