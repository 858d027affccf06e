// Payouts held with the reason the creator sees (below minimum, onboarding, restricted account, negative balance,
// short platform balance) and paid once the cause clears; refunds after a payout netted off later months.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { setPayoutAccount } from "@/lib/testing/fixtures";
import { clearLocalTransferFaults, injectLocalTransferFault } from "@/lib/payments/local-driver";
import { settlePeriod } from "./settle";
import { at, creatorLedgerBalance, expectSettlementInvariants, hours, recordRefund, recordSale, sellingCreator, transfersPerPayout } from "./testing/fixtures";
import { DEC_CLOSE, localTransfers, NOV_CLOSE, OCT_CLOSE, payoutOf, settlementScenario } from "./testing/scenario";

const settlement = settlementScenario();

describe("refunds after a payout", () => {
  it("take the balance below zero, hold the next month with the reason, and are netted off the month after", async () => {
    const { db, driver, creator, order } = await settlement.setupWithSale(5000, "2025-10-05T08:00:00Z");
    await settlePeriod(db, driver, { now: OCT_CLOSE });
    expect((await payoutOf(db, creator.id, "2025-10")).status).toBe("paid");

    await recordRefund(db, order, 5000, at("2025-11-10T08:00:00Z"));
    expect(await creatorLedgerBalance(db, creator.id)).toBe(-4000);
    const november = await settlePeriod(db, driver, { now: NOV_CLOSE });
    expect(november.call.held).toEqual({ negative_balance: 1 });
    expect(await payoutOf(db, creator.id, "2025-11")).toMatchObject({ status: "held", holdReason: "negative_balance", amountCents: -4000 });
    const [told] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, creator.id), sql`${notifications.data}->>'holdReason' = 'negative_balance'`));
    expect(told.body).toMatch(/Refunds after your last payout/);

    await recordSale(db, creator, 10_000, at("2025-12-03T08:00:00Z"));
    const december = await settlePeriod(db, driver, { now: DEC_CLOSE });
    expect(december.call).toMatchObject({ paid: 1, paidCents: 4000 });
    expect(await payoutOf(db, creator.id, "2025-11")).toMatchObject({ status: "carried", carriedIntoPeriod: "2025-12" });
    expect(await creatorLedgerBalance(db, creator.id)).toBe(0);
    await expectSettlementInvariants(db);
  });

  it("a refund between the period's close and the claim lowers the payout to the balance at claim time", async () => {
    const { db, driver, creator } = await settlement.setupWithSale(5000, "2025-10-05T08:00:00Z");
    const refunded = await recordSale(db, creator, 5000, at("2025-10-06T08:00:00Z"));
    await recordRefund(db, refunded, 5000, at("2025-11-01T01:00:00Z"));
    const summary = await settlePeriod(db, driver, { now: OCT_CLOSE });
    expect(summary.call.paidCents).toBe(4000);
    expect(await payoutOf(db, creator.id, "2025-10")).toMatchObject({ periodEndBalanceCents: 8000, amountCents: 4000 });
    await expectSettlementInvariants(db);
  });
});

describe("holds", () => {
  it("hold below minimum, onboarding incomplete, restricted and a short platform balance with their reasons, and pay once each cause clears", async () => {
    const { db, driver } = await settlement.setup();
    const small = await sellingCreator(db);
    await recordSale(db, small, 500, at("2025-10-03T08:00:00Z"));
    const unboarded = await sellingCreator(db, "none");
    await recordSale(db, unboarded, 3000, at("2025-10-03T08:00:00Z"));
    const incomplete = await sellingCreator(db, "incomplete");
    await recordSale(db, incomplete, 3000, at("2025-10-03T08:00:00Z"));
    const restricted = await sellingCreator(db, "restricted");
    await recordSale(db, restricted, 3000, at("2025-10-03T08:00:00Z"));
    const short = await sellingCreator(db);
    await recordSale(db, short, 3000, at("2025-10-03T08:00:00Z"));
    injectLocalTransferFault({ destinationAccountId: short.stripeAccountId!, fault: "insufficient_balance", times: Infinity });

    const first = await settlePeriod(db, driver, { now: OCT_CLOSE });
    expect(first.call.held).toEqual({ below_minimum: 1, onboarding_incomplete: 2, account_restricted: 1, platform_balance_short: 1 });
    expect(first.call.paid).toBe(0);
    expect(first.run).toMatchObject({ held: { below_minimum: 1, onboarding_incomplete: 2, account_restricted: 1, platform_balance_short: 1 }, remaining: 0 });
    expect(await payoutOf(db, small.id, "2025-10")).toMatchObject({ status: "held", holdReason: "below_minimum", amountCents: 400 });
    expect(await payoutOf(db, unboarded.id, "2025-10")).toMatchObject({ status: "held", holdReason: "onboarding_incomplete" });
    expect(await payoutOf(db, restricted.id, "2025-10")).toMatchObject({ status: "held", holdReason: "account_restricted" });
    expect(await payoutOf(db, short.id, "2025-10")).toMatchObject({ status: "held", holdReason: "platform_balance_short" });
    // Held money stays in the creator's balance: nothing was sent, the short one's journal was reversed.
    expect(await creatorLedgerBalance(db, short.id)).toBe(2400);
    expect(await localTransfers(db)).toHaveLength(0);
    await expectSettlementInvariants(db);

    // A repeated call does not tell the creators again.
    const before = await db.select().from(notifications).where(eq(notifications.type, "payout"));
    await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 2) });
    expect(await db.select().from(notifications).where(eq(notifications.type, "payout"))).toHaveLength(before.length);

    // Causes clear: onboarding finished, restriction lifted, the platform balance topped up.
    clearLocalTransferFaults();
    await db.execute(sql`update creator_profiles set stripe_account_id = ${`acct_local_fixed_${unboarded.id.slice(0, 8)}`} where user_id = ${unboarded.id}`);
    await setPayoutAccount(db, unboarded.id, "active");
    await setPayoutAccount(db, incomplete.id, "active");
    await setPayoutAccount(db, restricted.id, "active");
    const next = await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 24) });
    expect(next.call).toMatchObject({ paid: 4, paidCents: 4 * 2400 });
    expect(await payoutOf(db, small.id, "2025-10")).toMatchObject({ status: "held", holdReason: "below_minimum" });

    // Below the minimum carries into the next month and is paid once the total reaches it.
    await recordSale(db, small, 1000, at("2025-11-03T08:00:00Z"));
    const november = await settlePeriod(db, driver, { now: NOV_CLOSE });
    expect(november.call).toMatchObject({ paid: 1, paidCents: 1200 });
    expect(await payoutOf(db, small.id, "2025-10")).toMatchObject({ status: "carried", carriedIntoPeriod: "2025-11" });
    const perPayout = await transfersPerPayout(db);
    expect([...perPayout.values()].every((n) => n === 1)).toBe(true);
    expect(perPayout.size).toBe(5);
    await expectSettlementInvariants(db);
  });
});
