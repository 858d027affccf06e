// The deterministic demo catalog (ARCHITECTURE.md, "Database"): `seedDatabase` fills an empty (or reset) database in bulk batches.
import "server-only";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/client";
import * as schema from "@/db/schema";
import { creatorProfiles, images, listingDailyStats, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { refreshSearchTerms } from "@/lib/catalog/terms";
import { BatchWriter, batchStatement, buildBatch } from "./batches";
import { BULK_TABLES, withDeferredForeignKeys, withDeferredIndexes } from "./deferred-indexes";
import { withDeferredSearchProjection } from "./search-projection";
import { insertRowsSql } from "./bulk-insert";
import type { SalesCounters } from "./commerce";
import { generateCoverPool } from "./covers";
import { chooseDemoPurchases, demoCreatorDailyStats } from "./demo-shelf";
import { seededUuid } from "./ids";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, planPeople } from "./people";
import { ANCHOR, DAY, planListings } from "./plan";

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./people";

export type SeedOptions = {
  listings: number;
  reset?: boolean;
  log?: (line: string) => void;
  /**
   * Batches written at once. 1 (default) seeds in a single transaction: all or nothing, the right choice for PGlite.
   * More than 1 needs a connection pool (postgres-js): each batch is then its own atomic statement, written in
   * parallel, so a failure can leave a partial catalog behind (seed again with reset).
   */
  concurrency?: number;
  /** Listings per INSERT statement (default 1000). */
  batchSize?: number;
  /**
   * Stops the seed between batches (Ctrl-C in the CLI): the batches in flight finish, then a parallel seed adds back
   * the foreign keys and builds the indexes it dropped for the load before it rejects with the signal's reason, so an
   * interrupted seed leaves a partial catalog (seed again with reset) but never a schema without its keys or indexes.
   */
  signal?: AbortSignal;
};

export type SeedSummary = {
  listings: number;
  /** Rows written per table. */
  rows: Record<string, number>;
  seconds: number;
  demoAccounts: { email: string; role: "user" | "admin"; persona: string; password: string }[];
};

/** Listings generated and written per statement; large enough to amortise round trips, small enough to pipeline. */
const LISTINGS_PER_BATCH = 1000;
const ROWS_PER_INSERT = 5000;
const MAX_COVERS = 24;

export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length === 0;
}

/** Every application table's name, from the schema. */
const tableNames = (): string[] => Object.values(schema).flatMap((value) => (is(value, PgTable) ? [getTableConfig(value).name] : []));

/** Empties every application table. TRUNCATE fires no row triggers, so the append-only ledger allows it. */
export async function resetDatabase(db: Db): Promise<void> {
  await db.execute(
    sql.raw(
      `truncate table ${tableNames()
        .map((name) => `"${name}"`)
        .join(", ")} restart identity cascade`,
    ),
  );
}

/** VACUUM (ANALYZE) of these tables, one statement (VACUUM can't run in a transaction block, so never inside one). */
async function vacuumAnalyze(db: Db, tables: readonly string[]): Promise<void> {
  if (tables.length) await db.execute(sql.raw(`vacuum (analyze) ${tables.map((table) => `"${table}"`).join(", ")}`));
}

function coverPoolSize(listingCount: number): number {
  return listingCount === 0 ? 0 : Math.min(MAX_COVERS, Math.max(8, Math.ceil(listingCount / 10)));
}

async function insertInChunks<T extends PgTable>(tx: Db | Tx, table: T, rows: readonly T["$inferInsert"][]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await tx.execute(insertRowsSql(table, rows.slice(start, start + ROWS_PER_INSERT)));
  }
}

export async function seedDatabase(db: Db, opts: SeedOptions): Promise<SeedSummary> {
  const { listings: listingCount, log = () => {}, concurrency = 1, batchSize = LISTINGS_PER_BATCH } = opts;
  if (!Number.isInteger(listingCount) || listingCount < 0) throw new RangeError(`listings must be a non-negative integer, got ${listingCount}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (opts.reset) await resetDatabase(db);
  else if (!(await isEmpty(db))) throw new Error("The database already has users; seed it with reset to replace its data.");

  // argon2 is slow on purpose: hash the demo password once and share it. (First: it queues on the same
  // libuv thread pool as sharp.)
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const coverCount = coverPoolSize(listingCount);
  // Covers are encoded on sharp's worker threads while accounts and the first batch are written.
  const coversReady = generateCoverPool(coverCount);
  coversReady.catch(() => {});
  const plans = planListings(listingCount, Math.max(coverCount, 1));
  const people = planPeople(plans, passwordHash);
  const demoPurchases = chooseDemoPurchases(plans);
  const coverIds = Array.from({ length: coverCount }, (_, i) => seededUuid("image", i));
  const dailyStats = demoCreatorDailyStats(plans);
  const rows: Record<string, number> = {
    users: people.users.length,
    creator_profiles: people.profiles.length,
    images: coverCount,
    listings: 0,
    listing_versions: 0,
    orders: 0,
    ledger_entries: 0,
    reviews: 0,
    listing_daily_stats: dailyStats.length,
  };
  log(`seeding ${listingCount} listings, ${people.creators} creators, ${people.buyers} buyers, ${coverCount} covers`);

  const writeAccounts = async (tx: Tx) => {
    await insertInChunks(tx, users, people.users);
    await insertInChunks(tx, creatorProfiles, people.profiles);
  };

  const writeCovers = async (executor: Db | Tx) => {
    const covers = await coversReady;
    if (covers.length === 0) return;
    await executor.insert(images).values(covers.map((cover, i) => ({ ...cover, id: coverIds[i], ownerId: null, createdAt: new Date(ANCHOR - 760 * DAY) })));
  };

  const writeCatalog = async (executor: Db | Tx) => {
    // Listings point at covers, so the images land before the first batch (while it is being generated).
    const coversWritten = writeCovers(executor);
    coversWritten.catch(() => {});
    const writer = new BatchWriter(executor, concurrency, coversWritten, log);
    const world = { people, coverIds, demoPurchases, counters: { orders: 0, journals: 0, reviews: 0 } satisfies SalesCounters };
    let nextReport = 0.1;
    try {
      for (let start = 0; start < plans.length; start += batchSize) {
        opts.signal?.throwIfAborted();
        const batch = await buildBatch(plans.slice(start, start + batchSize), world);
        await writer.write(batchStatement(batch), `batch at listing ${start}`);
        rows.listings += batch.listings.length;
        rows.listing_versions += batch.versions.length;
        rows.orders += batch.orders.length;
        rows.ledger_entries += batch.ledger.length;
        rows.reviews += batch.reviews.length;
        if (listingCount >= 5000 && rows.listings >= nextReport * listingCount) {
          log(`  ${rows.listings} / ${listingCount} listings generated (${elapsed()})`);
          nextReport += 0.1;
        }
      }
    } catch (error) {
      // Stopped or failed: let the batches in flight settle before anything puts keys and indexes back.
      await writer.settle();
      throw error;
    }
    await writer.drain();
    await insertInChunks(executor, listingDailyStats, dailyStats);
  };

  if (concurrency === 1) {
    await db.transaction(async (tx) => {
      await writeAccounts(tx);
      await writeCatalog(tx);
      log(`committing (${rows.ledger_entries} ledger entries are checked for balance at commit)`);
    });
    // Then the typo-tolerant search vocabulary is rebuilt from the published catalog in one set-based pass, and
    // fresh statistics give the first searches good plans.
    log(`catalog written (${elapsed()}); rebuilding the search vocabulary and analyzing…`);
    rows.search_terms = await refreshSearchTerms(db);
    await db.execute(sql`analyze`);
  } else {
    await db.transaction(writeAccounts);
    // Each batch is one statement, hence one transaction: its journals are checked for balance when it commits.
    // Foreign keys are validated and secondary indexes built once after the load, and the search projection is filled
    // in one pass. (listing_search keeps its key: adding one back would lock out the statement that fills it.)
    const keyed: string[] = BULK_TABLES.filter((table) => table !== "listing_search");
    rows.search_terms = await withDeferredForeignKeys(
      db,
      keyed,
      (keys) =>
        withDeferredIndexes(
          db,
          BULK_TABLES,
          async (indexes) => {
            const fillProjection = await withDeferredSearchProjection(db, () => writeCatalog(db), log);
            log(`catalog written (${elapsed()}); filling the search projection, building indexes and the vocabulary side by side…`);
            // Side by side, each on its own connection (one at a time on PGlite): the projection, then its indexes; the
            // other tables' foreign keys, then their indexes (both lock those tables, so one after the other); the
            // vocabulary, whose words come from listings and whose kept cells wait for the projection. Everything
            // settles before anything is reported, so no statement outlives a failure.
            const projection = fillProjection().then(() => log(`  search projection filled (${elapsed()})`));
            const vocabulary = refreshSearchTerms(db, { catalogReady: projection, titleCells: false });
            const settled = await Promise.allSettled([
              projection.then(() => indexes.rebuild(["listing_search"])),
              keys
                .restore()
                .then(() => indexes.rebuild(keyed))
                .then(() => vacuumAnalyze(db, keyed)),
              vocabulary,
            ]);
            const failed = settled.find((result) => result.status === "rejected");
            if (failed) throw failed.reason;
            return vocabulary;
          },
          log,
        ),
      log,
    );
    // Statistics for the first searches' plans, and visibility maps so index-only scans work from the first request
    // (the keyed tables were vacuumed in their lane).
    log(`indexes and vocabulary ready (${elapsed()}); vacuuming and analyzing…`);
    await vacuumAnalyze(
      db,
      tableNames().filter((name) => !keyed.includes(name)),
    );
  }
  log(`done in ${elapsed()}`);

  return {
    listings: listingCount,
    rows,
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    demoAccounts: DEMO_ACCOUNTS.map((account) => ({ ...account, password: DEMO_PASSWORD })),
  };
}
