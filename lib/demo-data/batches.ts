// Seeding in batches: one batch of listings becomes one INSERT statement, written while the next one is generated.
import "server-only";
import type { SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { ledgerEntries, listings, listingVersions, orders, reviews } from "@/db/schema";
import { insertAllSql, insertRowsSql } from "./bulk-insert";
import { buildCatalogEntry, type ListingRow, type VersionRow } from "./catalog";
import { sellListing, type DemoPurchases, type LedgerRow, type OrderRow, type ReviewRow, type SalesCounters } from "./commerce";
import { isDeadlock } from "./errors";
import type { People } from "./people";
import type { ListingPlan } from "./plan";

export type BatchRows = { listings: ListingRow[]; versions: VersionRow[]; orders: OrderRow[]; ledger: LedgerRow[]; reviews: ReviewRow[] };

const MAX_ATTEMPTS = 5;

/** Lets pending socket writes and query results through while a batch is generated. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Rows of a run of planned listings: the listings, their versions, and their sales. */
export async function buildBatch(
  plans: readonly ListingPlan[],
  world: { people: People; coverIds: readonly string[]; demoPurchases: DemoPurchases; counters: SalesCounters },
): Promise<BatchRows> {
  const rows: BatchRows = { listings: [], versions: [], orders: [], ledger: [], reviews: [] };
  for (const [i, plan] of plans.entries()) {
    if (i % 100 === 99) await yieldToEventLoop();
    const sales = sellListing(plan, world.people, world.demoPurchases, world.counters);
    const creatorId = world.people.userIds[world.people.creatorUserIndex(plan.creator)];
    const entry = buildCatalogEntry(plan, creatorId, world.people.adminId, world.coverIds, sales);
    rows.listings.push(entry.listing);
    rows.versions.push(...entry.versions);
    rows.orders.push(...sales.orders);
    rows.ledger.push(...sales.ledger);
    rows.reviews.push(...sales.reviews);
  }
  return rows;
}

/** One statement for the whole batch: listings and versions reference each other, so they must land together. */
export function batchStatement(rows: BatchRows): SQL {
  const statements = [insertRowsSql(listings, rows.listings), insertRowsSql(listingVersions, rows.versions)];
  if (rows.orders.length > 0) statements.push(insertRowsSql(orders, rows.orders));
  if (rows.ledger.length > 0) statements.push(insertRowsSql(ledgerEntries, rows.ledger));
  if (rows.reviews.length > 0) statements.push(insertRowsSql(reviews, rows.reviews));
  return insertAllSql(statements);
}

/**
 * Keeps up to `concurrency` batch statements in flight. With 1 (a transaction) writes are strictly ordered;
 * with more (a pool), a batch that deadlocks with another one in a trigger is run again: it is one atomic statement.
 */
export class BatchWriter {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly executor: Db | Tx,
    private readonly concurrency: number,
    /** Resolves when the rows every batch refers to (covers) are written. */
    private readonly ready: Promise<void>,
    private readonly log: (line: string) => void,
  ) {}

  async write(statement: SQL, label: string): Promise<void> {
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    // Drizzle queries run each time they are awaited, so each statement is wrapped in exactly one promise.
    const write: Promise<void> = this.run(statement, label).finally(() => this.inFlight.delete(write));
    write.catch(() => {});
    this.inFlight.add(write);
    await yieldToEventLoop();
  }

  async drain(): Promise<void> {
    await Promise.all([this.ready, ...this.inFlight]);
  }

  /** Waits for every write in flight to succeed or fail (after a failure or a stop: nothing may still be running). */
  async settle(): Promise<void> {
    await Promise.allSettled([this.ready, ...this.inFlight]);
  }

  private async run(statement: SQL, label: string): Promise<void> {
    await this.ready;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.executor.execute(statement);
        return;
      } catch (error) {
        if (this.concurrency === 1 || !isDeadlock(error) || attempt >= MAX_ATTEMPTS) throw error;
        this.log(`  ${label} deadlocked with another batch; retrying (attempt ${attempt + 1})`);
      }
    }
  }
}
