// Reversed transfers: the money goes back to the creator's balance once, however often the event arrives, and the
// next month pays it again.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { settlePeriod } from "./settle";
import { at, creatorLedgerBalance, expectSettlementInvariants } from "./testing/fixtures";
import { NOV_CLOSE, OCT_CLOSE, payoutOf, settlementScenario } from "./testing/scenario";

const settlement = settlementScenario();

describe("reversals", () => {
  it("a transfer.reversed event puts the money back, once, and the next month pays it again", async () => {
    const { db, driver, creator } = await settlement.setupWithSale(5000, "2025-10-05T08:00:00Z");
    await settlePeriod(db, driver, { now: OCT_CLOSE });
    const payout = await payoutOf(db, creator.id, "2025-10");

    const { reverseTransfer } = await import("./reversal");
    const partial = await db.transaction((tx) =>
      reverseTransfer(tx, { transferId: payout.stripeTransferId!, amountReversedCents: 1000 }, at("2025-11-05T00:00:00Z")),
    );
    expect(partial).toBe("partially_reversed");
    const full = await db.transaction((tx) =>
      reverseTransfer(tx, { transferId: payout.stripeTransferId!, amountReversedCents: 4000 }, at("2025-11-06T00:00:00Z")),
    );
    expect(full).toBe("reversed");
    const again = await db.transaction((tx) =>
      reverseTransfer(tx, { transferId: payout.stripeTransferId!, amountReversedCents: 4000 }, at("2025-11-07T00:00:00Z")),
    );
    expect(again).toBe("already");
    expect(await payoutOf(db, creator.id, "2025-10")).toMatchObject({ status: "reversed", reversedCents: 4000 });
    expect(await creatorLedgerBalance(db, creator.id)).toBe(4000);
    await expectSettlementInvariants(db);

    const november = await settlePeriod(db, driver, { now: NOV_CLOSE });
    expect(november.call).toMatchObject({ paid: 1, paidCents: 4000 });
    expect(await creatorLedgerBalance(db, creator.id)).toBe(0);
    await expectSettlementInvariants(db);
  });
});

describe("transfer.reversed through the signed webhook", () => {
  it("reopens the balance once, however often Stripe delivers it, and tells the creator", async () => {
    const { db, driver, creator } = await settlement.setupWithSale(5000, "2025-10-05T08:00:00Z");
    await settlePeriod(db, driver, { now: OCT_CLOSE });
    const payout = await payoutOf(db, creator.id, "2025-10");
    const { reverseLocalTransfer } = await import("@/lib/payments/local-driver");
    const { delivery } = await reverseLocalTransfer(db, payout.stripeTransferId!);
    expect(delivery).toMatchObject({ status: 200, body: { handled: true, result: "reversed" } });
    // A second reversal event for the same transfer (Stripe retries with a new event id): nothing more.
    const { delivery: again } = await reverseLocalTransfer(db, payout.stripeTransferId!);
    expect(again).toMatchObject({ status: 200, body: { result: "already" } });
    expect(await payoutOf(db, creator.id, "2025-10")).toMatchObject({ status: "reversed", reversedCents: 4000 });
    expect(await creatorLedgerBalance(db, creator.id)).toBe(4000);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, creator.id), sql`${notifications.title} like 'Payout reversed%'`));
    expect(told).toHaveLength(1);
    await expectSettlementInvariants(db);
  });
});
