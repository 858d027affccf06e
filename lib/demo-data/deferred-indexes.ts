// Bulk loads build the big tables' secondary indexes once, after the rows are in, instead of maintaining each of them
// row by row (what pg_restore does): sorting a million keys once is far cheaper than a million random inserts into a
// B-tree or a GIN. Primary keys stay (foreign keys are checked through them), and so do indexes that back a
// constraint and the indexes a trigger reads while the load runs. Other unique indexes (a listing's slug, one paid
// order per buyer and listing) are dropped too: the seed's rows are unique by construction, and building the index
// again checks it (a duplicate fails the seed there). Needs table ownership; without it every index stays and the
// load is merely slower.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { inSlot, newSlots } from "@/lib/slots";

/** The tables a catalog seed fills by the hundred thousand. */
export const BULK_TABLES = ["listings", "listing_versions", "listing_search", "orders", "reviews", "ledger_entries"] as const;

/** Indexes read while the load runs: the ledger's balance check finds a journal's entries through this one. */
const KEPT = new Set(["ledger_entries_journal_idx"]);

type Deferred = { name: string; table: string; definition: string };

/** Secondary indexes of `tables` that can be dropped and rebuilt from their definitions. */
async function secondaryIndexes(db: Db, tables: readonly string[]): Promise<Deferred[]> {
  const rows = await queryRows<Deferred>(
    db,
    sql`select c.relname as name, t.relname as "table", pg_get_indexdef(i.indexrelid) as definition
        from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_class t on t.oid = i.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = current_schema() and t.relname = any(${`{${tables.join(",")}}`}::text[])
          and not i.indisprimary
          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
        order by t.relname, c.relname`,
  );
  return rows.filter((r) => !KEPT.has(r.name));
}

/**
 * Drops each item in turn and returns those it dropped: all of them, or those before the first refusal (without the
 * privilege that is the first drop), after `refused` says so. The caller puts back what was dropped, even if the load fails.
 */
async function dropWhileAllowed<T>(db: Db, items: readonly T[], drop: (item: T) => string, refused: () => void): Promise<T[]> {
  const dropped: T[] = [];
  try {
    for (const item of items) {
      await db.execute(sql.raw(drop(item)));
      dropped.push(item);
    }
  } catch {
    refused();
  }
  return dropped;
}

/** The indexes a bulk load dropped, to build again once the rows they cover are in. */
export class DeferredIndexes {
  /** Builds in flight, two at most (one per core here; Postgres adds its own parallel workers to B-tree builds). */
  private readonly slots = newSlots();

  constructor(
    private readonly db: Db,
    private pending: Deferred[],
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Builds the dropped indexes of `tables` (of every table when omitted) that are not built or being built yet. Calls
   * may overlap — a table whose rows are complete need not wait for another's — and share the two build slots.
   */
  async rebuild(tables?: readonly string[]): Promise<void> {
    const mine = this.pending.filter((index) => !tables || tables.includes(index.table));
    if (mine.length === 0) return;
    this.pending = this.pending.filter((index) => !mine.includes(index));
    const t0 = performance.now();
    const results = await Promise.allSettled(mine.map((index) => inSlot(this.slots, 2, () => this.build(index))));
    const failed = results.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    this.log(
      `  ${mine.length} secondary indexes of ${[...new Set(mine.map((index) => index.table))].join(", ")} built (${((performance.now() - t0) / 1000).toFixed(1)}s)`,
    );
  }

  private async build(index: Deferred): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('maintenance_work_mem', '256MB', true)`);
      await tx.execute(sql.raw(index.definition.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS ")));
    });
  }
}

/**
 * Runs `load` with the secondary indexes of `tables` dropped. `load` may build some of them again itself
 * (`indexes.rebuild([table])`) as soon as a table is complete; whatever it did not is built when it returns — also when
 * it fails, so the database is never left without them.
 */
export async function withDeferredIndexes<T>(
  db: Db,
  tables: readonly string[],
  load: (indexes: DeferredIndexes) => Promise<T>,
  log: (line: string) => void,
): Promise<T> {
  const dropped = await dropWhileAllowed(
    db,
    await secondaryIndexes(db, tables),
    (index) => `drop index if exists "${index.name}"`,
    () => log("secondary indexes: kept during the load (no permission to drop them)"),
  );
  const deferred = new DeferredIndexes(db, dropped, log);
  try {
    return await load(deferred);
  } finally {
    await deferred.rebuild();
  }
}

type ForeignKey = { table: string; name: string; definition: string };

/**
 * The foreign keys a bulk load dropped, to add back once the rows are in, each validated in one pass (what pg_restore
 * does). Row by row, every inserted row runs one lookup per key and takes a share lock on the row it points at: at 1M
 * listings that was about a quarter of Postgres's time in the load, with both cores busy. If a key no longer holds,
 * adding it back fails with Postgres's own error, named (the load is a bug then).
 */
export class DeferredForeignKeys {
  private restoring: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly dropped: ForeignKey[],
    private readonly log: (line: string) => void,
  ) {}

  /** Adds every dropped key back, once; later calls wait for the first. Adding a key locks out writes to both tables. */
  restore(): Promise<void> {
    this.restoring ??= this.addBack();
    return this.restoring;
  }

  private async addBack(): Promise<void> {
    if (this.dropped.length === 0) return;
    const t0 = performance.now();
    const broken: { key: ForeignKey; error: unknown }[] = [];
    for (const key of this.dropped) {
      try {
        await this.db.execute(sql.raw(`alter table "${key.table}" add constraint "${key.name}" ${key.definition}`));
      } catch (error) {
        broken.push({ key, error });
      }
    }
    if (broken.length) {
      const names = broken.map((b) => `${b.key.table}.${b.key.name}`).join(", ");
      throw new Error(`the bulk load left rows that break foreign keys ${names}; they were not added back`, { cause: broken[0].error });
    }
    this.log(`  ${this.dropped.length} foreign keys added back and validated (${((performance.now() - t0) / 1000).toFixed(1)}s)`);
  }
}

/**
 * Runs `load` without the foreign keys of `tables`. `load` may add them back itself (`keys.restore()`) as soon as the
 * rows are in, beside other work; otherwise they are added back when it returns — also when it fails. Needs table
 * ownership; without it the keys stay and are checked row by row.
 */
export async function withDeferredForeignKeys<T>(
  db: Db,
  tables: readonly string[],
  load: (keys: DeferredForeignKeys) => Promise<T>,
  log: (line: string) => void,
): Promise<T> {
  const found = await queryRows<ForeignKey>(
    db,
    sql`select t.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
        from pg_constraint k
        join pg_class t on t.oid = k.conrelid
        join pg_namespace n on n.oid = t.relnamespace
        where k.contype = 'f' and n.nspname = current_schema() and t.relname = any(${`{${tables.join(",")}}`}::text[])
        order by t.relname, k.conname`,
  );
  const dropped = await dropWhileAllowed(
    db,
    found,
    (key) => `alter table "${key.table}" drop constraint if exists "${key.name}"`,
    () => log("foreign keys: checked row by row during the load (no permission to drop them)"),
  );
  const keys = new DeferredForeignKeys(db, dropped, log);
  try {
    return await load(keys);
  } finally {
    await keys.restore();
  }
}
