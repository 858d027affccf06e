// Settlement after a crash between Stripe's transfer and our commit: leases, the idempotency key while Stripe
// remembers it, and finding the transfer by group and payout id once Stripe has forgotten it.
import { describe, expect, it } from "vitest";
import { injectLocalTransferFault } from "@/lib/payments/local-driver";
import { settlePeriod } from "./settle";
import { expectSettlementInvariants, hours } from "./testing/fixtures";
import { localTransfers, OCT_CLOSE, payoutOf, settlementScenario } from "./testing/scenario";

const settlement = settlementScenario();

describe("a crash after the transfer and before the commit", () => {
  // The process claimed the payout (journal posted) and Stripe made the transfer; then the process died.
  async function crashAfterTransfer() {
    const { db, driver, creator } = await settlement.setupWithSale(10_000, "2025-10-20T10:00:00Z");
    injectLocalTransferFault({ destinationAccountId: creator.stripeAccountId!, fault: "ambiguous_after" });
    const first = await settlePeriod(db, driver, { now: OCT_CLOSE });
    expect(first.call).toMatchObject({ claimed: 1, paid: 0, unconfirmed: 1 });
    const payout = await payoutOf(db, creator.id, "2025-10");
    expect(payout.status).toBe("processing");
    expect(await localTransfers(db)).toHaveLength(1);
    return { db, driver, creator, payout };
  }

  it("a rerun the same morning is left alone while the payout's lease runs", async () => {
    const { db, driver, payout } = await crashAfterTransfer();
    const soon = await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 0.1) });
    expect(soon.call).toMatchObject({ claimed: 0, reconciled: 0, paid: 0 });
    expect((await payoutOf(db, payout.creatorId, "2025-10")).status).toBe("processing");
  });

  it("a rerun while the key is fresh repeats the request with the same key and records the one transfer", async () => {
    const { db, driver, creator, payout } = await crashAfterTransfer();
    const now = settlement.moveClockTo(hours(OCT_CLOSE, 18));
    const rerun = await settlePeriod(db, driver, { now });
    expect(rerun.call).toMatchObject({ paid: 1, paidCents: 8000 });
    const after = await payoutOf(db, creator.id, "2025-10");
    const transfers = await localTransfers(db);
    expect(transfers).toHaveLength(1);
    expect(after).toMatchObject({ status: "paid", stripeTransferId: transfers[0].id, idempotencyKey: payout.id, attempts: 1 });
    await expectSettlementInvariants(db);
  });

  it("a rerun 25 hours later, when Stripe has forgotten the key, finds the transfer by group and payout id", async () => {
    const { db, driver, creator, payout } = await crashAfterTransfer();
    const now = settlement.moveClockTo(hours(OCT_CLOSE, 25));
    const rerun = await settlePeriod(db, driver, { now });
    expect(rerun.call).toMatchObject({ reconciled: 1, paid: 0, paidCents: 8000 });
    const transfers = await localTransfers(db);
    expect(transfers).toHaveLength(1);
    expect(await payoutOf(db, creator.id, "2025-10")).toMatchObject({ status: "paid", stripeTransferId: transfers[0].id, attempts: payout.attempts });
    // And once more a day later: still one transfer.
    await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 49) });
    expect(await localTransfers(db)).toHaveLength(1);
    await expectSettlementInvariants(db);
  });

  it("after 25 hours with no transfer made, it sends one under a new key", async () => {
    const { db, driver, creator } = await settlement.setupWithSale(10_000, "2025-10-20T10:00:00Z");
    injectLocalTransferFault({ destinationAccountId: creator.stripeAccountId!, fault: "ambiguous_before" });
    await settlePeriod(db, driver, { now: OCT_CLOSE });
    expect(await localTransfers(db)).toHaveLength(0);
    const now = settlement.moveClockTo(hours(OCT_CLOSE, 25));
    const rerun = await settlePeriod(db, driver, { now });
    expect(rerun.call).toMatchObject({ paid: 1 });
    const payout = await payoutOf(db, creator.id, "2025-10");
    expect(payout).toMatchObject({ status: "paid", attempts: 2, idempotencyKey: `${payout.id}:2` });
    expect(await localTransfers(db)).toHaveLength(1);
    await expectSettlementInvariants(db);
  });
});
