// One settlement scenario per test: a database of its own and the local payments driver on a clock the test moves;
// both, and any injected transfer faults, are cleared after each test. The scenario files next to settle.ts use it.
import { and, eq } from "drizzle-orm";
import { afterEach } from "vitest";
import type { Db } from "@/db/client";
import { localStripeTransfers, payouts } from "@/db/schema";
import type { TestDatabase } from "@/db/testing/fresh-database";
import type { PaymentsDriver } from "@/lib/payments/driver";
import { clearLocalTransferFaults, createLocalDriver } from "@/lib/payments/local-driver";
import { at, isolatedDatabase, recordSale, sellingCreator, type SellingCreator } from "./fixtures";

export const OCT_CLOSE = at("2025-11-01T06:00:00Z");
export const NOV_CLOSE = at("2025-12-01T06:00:00Z");
export const DEC_CLOSE = at("2026-01-01T06:00:00Z");

export type SettlementScenario = {
  /** A fresh database and a local driver whose clock starts at October's close. */
  setup(): Promise<{ db: Db; driver: PaymentsDriver }>;
  /** setup() and a creator ready for payouts with one sale of `cents` at `when` (an ISO time). */
  setupWithSale(cents: number, when: string): Promise<{ db: Db; driver: PaymentsDriver; creator: SellingCreator; order: string }>;
  /** Moves the driver's clock (what Stripe's key memory is measured against) and answers the new time. */
  moveClockTo(time: Date): Date;
};

/** Call once at the top of a test file: each test's setup() gets its own database, dropped after the test. */
export function settlementScenario(): SettlementScenario {
  let world: TestDatabase | undefined;
  let clock = OCT_CLOSE;
  afterEach(async () => {
    clearLocalTransferFaults();
    await world?.drop();
    world = undefined;
    clock = OCT_CLOSE;
  });
  const setup = async () => {
    world = await isolatedDatabase();
    const db = world.db;
    return { db, driver: createLocalDriver({ clock: () => clock, db: async () => db }) };
  };
  return {
    setup,
    async setupWithSale(cents, when) {
      const { db, driver } = await setup();
      const creator = await sellingCreator(db);
      const order = await recordSale(db, creator, cents, at(when));
      return { db, driver, creator, order };
    },
    moveClockTo(time) {
      clock = time;
      return time;
    },
  };
}

export async function payoutOf(db: Db, creatorId: string, period: string) {
  const [row] = await db
    .select()
    .from(payouts)
    .where(and(eq(payouts.creatorId, creatorId), eq(payouts.period, period)));
  return row;
}

export async function localTransfers(db: Db) {
  return db.select().from(localStripeTransfers);
}
