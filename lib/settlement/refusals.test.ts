// Settlement when Stripe definitely refuses a transfer: the money comes back to the creator's balance, the payout
// fails with its reason, and the next run (or the next month, carrying it) pays it exactly once.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { actorFor, makeUser } from "@/lib/testing/fixtures";
import { clearLocalTransferFaults, injectLocalTransferFault } from "@/lib/payments/local-driver";
import { retryPayoutAsAdmin, settlePeriod } from "./settle";
import { at, creatorLedgerBalance, expectSettlementInvariants, hours, recordSale, sellingCreator } from "./testing/fixtures";
import { localTransfers, NOV_CLOSE, OCT_CLOSE, payoutOf, settlementScenario } from "./testing/scenario";

const settlement = settlementScenario();

describe("definite refusals", () => {
  it("1 of 100 creators refused: 99 paid, 1 failed with its reason and its money back; the next run pays it once", async () => {
    const { db, driver } = await settlement.setup();
    const creators = [];
    for (let i = 0; i < 100; i++) {
      const creator = await sellingCreator(db);
      await recordSale(db, creator, 1500, at("2025-10-05T08:00:00Z"));
      creators.push(creator);
    }
    const refused = creators[37];
    injectLocalTransferFault({ destinationAccountId: refused.stripeAccountId!, fault: "definite" });
    const first = await settlePeriod(db, driver, { now: OCT_CLOSE });
    expect(first.call).toMatchObject({ claimed: 100, paid: 99, failed: 1 });
    expect(first.run).toMatchObject({ paid: 99, failed: 1, remaining: 0 });
    const failed = await payoutOf(db, refused.id, "2025-10");
    expect(failed.status).toBe("failed");
    expect(failed.failureReason).toMatch(/not valid/);
    expect(await creatorLedgerBalance(db, refused.id)).toBe(1200);
    const [told] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, refused.id), eq(notifications.type, "payout")));
    expect(told.title).toBe("Payout failed: $12.00 for October 2025");
    await expectSettlementInvariants(db);

    // Later the same day: a definite refusal is not hammered.
    const sameDay = await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 3) });
    expect(sameDay.call.claimed).toBe(0);
    // The next daily run: paid once, under a new key (the first key remembers the refusal).
    const next = await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 24) });
    expect(next.call).toMatchObject({ claimed: 1, paid: 1, paidCents: 1200 });
    const paid = await payoutOf(db, refused.id, "2025-10");
    expect(paid).toMatchObject({ status: "paid", attempts: 2, idempotencyKey: `${paid.id}:2`, failureReason: null });
    expect(await creatorLedgerBalance(db, refused.id)).toBe(0);
    expect((await localTransfers(db)).length).toBe(100);
    await expectSettlementInvariants(db);
  });

  it("a failed payout still open when the next month settles is carried into it and never paid twice", async () => {
    const { db, driver, creator } = await settlement.setupWithSale(5000, "2025-10-05T08:00:00Z");
    injectLocalTransferFault({ destinationAccountId: creator.stripeAccountId!, fault: "definite", times: Infinity });
    await settlePeriod(db, driver, { now: OCT_CLOSE });
    await settlePeriod(db, driver, { now: hours(OCT_CLOSE, 24) });
    expect((await payoutOf(db, creator.id, "2025-10")).status).toBe("failed");
    clearLocalTransferFaults();

    await recordSale(db, creator, 2500, at("2025-11-12T08:00:00Z"));
    const november = await settlePeriod(db, driver, { now: NOV_CLOSE });
    expect(november.call).toMatchObject({ paid: 1, paidCents: 6000 });
    expect(await payoutOf(db, creator.id, "2025-10")).toMatchObject({ status: "carried", carriedIntoPeriod: "2025-11" });
    expect(await payoutOf(db, creator.id, "2025-11")).toMatchObject({ status: "paid", amountCents: 6000 });

    // Nobody can pay October again: not an admin, not a later run.
    const admin = await makeUser(db, { role: "admin" });
    const october = await payoutOf(db, creator.id, "2025-10");
    await expect(retryPayoutAsAdmin(db, driver, await actorFor(db, admin.id), { payoutId: october.id }, hours(NOV_CLOSE, 1))).rejects.toMatchObject({
      code: "settlement.not_retryable",
    });
    await settlePeriod(db, driver, { now: hours(NOV_CLOSE, 48) });
    const transfers = await localTransfers(db);
    expect(transfers.reduce((sum, t) => sum + t.amountCents, 0)).toBe(6000);
    expect(await creatorLedgerBalance(db, creator.id)).toBe(0);
    await expectSettlementInvariants(db);
  });
});
