// Bulk loads build the big tables' secondary indexes once, after the rows are in, instead of maintaining each of them
// row by row (what pg_restore does): sorting a million keys once is far cheaper than a million random inserts into a
// B-tree or a GIN. Unique and primary-key indexes stay (they are constraints), and so do the indexes a trigger reads
// while the load runs. Needs table ownership; without it every index stays and the load is merely slower.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

/** The tables a catalog seed fills by the hundred thousand. */
export const BULK_TABLES = ["listings", "listing_versions", "listing_search", "orders", "reviews", "ledger_entries"] as const;

/** Indexes read while the load runs: the ledger's balance check finds a journal's entries through this one. */
const KEPT = new Set(["ledger_entries_journal_idx"]);

type Deferred = { name: string; definition: string };

/** Secondary indexes of `tables` that can be dropped and rebuilt from their definitions. */
async function secondaryIndexes(db: Db, tables: readonly string[]): Promise<Deferred[]> {
  const rows = await queryRows<{ name: string; definition: string }>(
    db,
    sql`select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
        from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_class t on t.oid = i.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = current_schema() and t.relname = any(${`{${tables.join(",")}}`}::text[])
          and not i.indisunique and not i.indisprimary
          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
        order by t.relname, c.relname`,
  );
  return rows.filter((r) => !KEPT.has(r.name));
}

/** Builds indexes two at a time (one per core here; Postgres adds its own parallel workers to B-tree builds). */
async function rebuild(db: Db, indexes: Deferred[], log: (line: string) => void): Promise<void> {
  const queue = [...indexes];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const index = next;
      await db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('maintenance_work_mem', '256MB', true)`);
        await tx.execute(sql.raw(index.definition.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS ")));
      });
    }
  };
  const t0 = performance.now();
  await Promise.all([worker(), worker()]);
  log(`  ${indexes.length} secondary indexes built (${((performance.now() - t0) / 1000).toFixed(1)}s)`);
}

/**
 * Runs `load` with the secondary indexes of `tables` dropped, then builds them again from their definitions — also
 * when the load fails, so the database is never left without them.
 */
export async function withDeferredIndexes<T>(db: Db, tables: readonly string[], load: () => Promise<T>, log: (line: string) => void): Promise<T> {
  const indexes = await secondaryIndexes(db, tables);
  const dropped: Deferred[] = [];
  try {
    for (const index of indexes) {
      await db.execute(sql.raw(`drop index if exists "${index.name}"`));
      dropped.push(index);
    }
  } catch {
    log("secondary indexes: kept during the load (no permission to drop them)");
  }
  try {
    return await load();
  } finally {
    if (dropped.length) await rebuild(db, dropped, log);
  }
}
