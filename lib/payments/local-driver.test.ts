// The local driver's transfers keep Stripe's promises (and its 24-hour key hazard) on PGlite and Postgres.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { creatorProfiles, localStripeTransfers, stripeEvents } from "@/db/schema";
import { makeCreator } from "@/lib/testing/fixtures";
import { testDatabase } from "@/db/testing/setup";
import { TransferError, type PaymentsDriver, type TransferRequest } from "./driver";
import { clearLocalTransferFaults, createLocalDriver, injectLocalTransferFault, reverseLocalTransfer } from "./local-driver";

let db: Db;
let now: Date;
let driver: PaymentsDriver;

beforeEach(() => {
  db = testDatabase().db;
  now = new Date("2026-11-02T06:00:00Z");
  driver = createLocalDriver({ clock: () => now, db: async () => db });
});
afterEach(() => clearLocalTransferFaults());

function request(overrides: Partial<TransferRequest> = {}): TransferRequest {
  const payoutId = overrides.payoutId ?? randomUUID();
  return {
    payoutId,
    amountCents: 8000,
    currency: "usd",
    destinationAccountId: "acct_local_dest",
    transferGroup: "2026-10",
    idempotencyKey: payoutId,
    ...overrides,
  };
}

async function rowsForKey(key: string) {
  return db.select().from(localStripeTransfers).where(eq(localStripeTransfers.idempotencyKey, key));
}

async function failure(promise: Promise<unknown>): Promise<TransferError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransferError);
  return error as TransferError;
}

describe("local transfers", () => {
  it("creates a tr_local_ transfer carrying the amount, destination, transfer group and payout id", async () => {
    const r = request();
    const transfer = await driver.createTransfer(r);
    expect(transfer).toMatchObject({
      amountCents: 8000,
      currency: "usd",
      destinationAccountId: "acct_local_dest",
      transferGroup: "2026-10",
      payoutId: r.payoutId,
      reversedCents: 0,
    });
    expect(transfer.id).toMatch(/^tr_local_[0-9a-f]{24}$/);
    expect(transfer.createdAt).toEqual(now);
    const [row] = await rowsForKey(r.idempotencyKey);
    expect(row.metadata).toEqual({ payout_id: r.payoutId });
  });

  it("the same key within 24 hours returns the same transfer and creates nothing new", async () => {
    const r = request();
    const first = await driver.createTransfer(r);
    now = new Date(now.getTime() + 23 * 60 * 60 * 1000);
    const again = await driver.createTransfer(r);
    expect(again).toEqual(first);
    expect(await rowsForKey(r.idempotencyKey)).toHaveLength(1);
  });

  it("the same key after 25 hours is forgotten: a second transfer is made (the hazard findTransfer guards against)", async () => {
    const r = request();
    const first = await driver.createTransfer(r);
    now = new Date(now.getTime() + 25 * 60 * 60 * 1000);
    const second = await driver.createTransfer(r);
    expect(second.id).not.toBe(first.id);
    expect(await rowsForKey(r.idempotencyKey)).toHaveLength(2);
  });

  it("the same key with a different amount is refused as an ambiguous idempotency error and creates nothing", async () => {
    const r = request();
    await driver.createTransfer(r);
    const error = await failure(driver.createTransfer({ ...r, amountCents: 9000 }));
    expect(error).toMatchObject({ kind: "ambiguous", providerCode: "idempotency_error" });
    expect(await rowsForKey(r.idempotencyKey)).toHaveLength(1);
  });

  it("20 concurrent calls with one key create one transfer and all answer with it", async () => {
    const r = request();
    const results = await Promise.all(Array.from({ length: 20 }, () => driver.createTransfer(r)));
    expect(new Set(results.map((t) => t.id)).size).toBe(1);
    expect(await rowsForKey(r.idempotencyKey)).toHaveLength(1);
  });

  it("finds a payout's transfer by transfer group and payout id, and nothing for another group or payout", async () => {
    const r = request();
    const other = request({ destinationAccountId: "acct_local_other" });
    const transfer = await driver.createTransfer(r);
    await driver.createTransfer(other);
    expect(await driver.findTransfer({ transferGroup: "2026-10", payoutId: r.payoutId })).toEqual(transfer);
    expect(await driver.findTransfer({ transferGroup: "2026-09", payoutId: r.payoutId })).toBeNull();
    expect(await driver.findTransfer({ transferGroup: "2026-10", payoutId: randomUUID() })).toBeNull();
  });

  it("after a re-claim under a new key made a second transfer, the lookup answers the newest, like Stripe's list", async () => {
    const r = request();
    const transfer = await driver.createTransfer(r);
    expect(await driver.findTransfer({ transferGroup: r.transferGroup, payoutId: r.payoutId })).toMatchObject({ id: transfer.id });
    now = new Date(now.getTime() + 60 * 60 * 1000);
    const reclaimed = await driver.createTransfer({ ...r, idempotencyKey: `${r.payoutId}-2` });
    expect(await driver.findTransfer({ transferGroup: r.transferGroup, payoutId: r.payoutId })).toMatchObject({ id: reclaimed.id });
  });
});

describe("local transfer faults", () => {
  it("definite: refused as account_invalid, nothing created; the next call succeeds", async () => {
    const r = request();
    injectLocalTransferFault({ payoutId: r.payoutId, fault: "definite" });
    expect(await failure(driver.createTransfer(r))).toMatchObject({ kind: "definite", providerCode: "account_invalid" });
    expect(await rowsForKey(r.idempotencyKey)).toHaveLength(0);
    await driver.createTransfer(r);
    expect(await rowsForKey(r.idempotencyKey)).toHaveLength(1);
  });

  it("insufficient_balance: refused as balance_insufficient, nothing created", async () => {
    const r = request();
    injectLocalTransferFault({ fault: "insufficient_balance" });
    expect(await failure(driver.createTransfer(r))).toMatchObject({ kind: "insufficient_balance", providerCode: "balance_insufficient" });
    expect(await rowsForKey(r.idempotencyKey)).toHaveLength(0);
  });

  it("ambiguous_before: answered ambiguous and nothing was created, so a lookup finds nothing", async () => {
    const r = request();
    injectLocalTransferFault({ destinationAccountId: r.destinationAccountId, fault: "ambiguous_before" });
    expect((await failure(driver.createTransfer(r))).kind).toBe("ambiguous");
    expect(await driver.findTransfer({ transferGroup: r.transferGroup, payoutId: r.payoutId })).toBeNull();
  });

  it("ambiguous_after: the transfer exists though the answer was lost; a retry with the same key returns it", async () => {
    const r = request();
    injectLocalTransferFault({ payoutId: r.payoutId, fault: "ambiguous_after" });
    expect((await failure(driver.createTransfer(r))).kind).toBe("ambiguous");
    const found = await driver.findTransfer({ transferGroup: r.transferGroup, payoutId: r.payoutId });
    expect(found).not.toBeNull();
    expect(await driver.createTransfer(r)).toEqual(found);
    expect(await rowsForKey(r.idempotencyKey)).toHaveLength(1);
  });

  it("a fault hits only matching transfers and only as many times as asked", async () => {
    const target = request({ destinationAccountId: "acct_local_target" });
    const bystander = request();
    injectLocalTransferFault({ destinationAccountId: "acct_local_target", fault: "definite", times: 2 });
    await driver.createTransfer(bystander);
    expect((await failure(driver.createTransfer(target))).kind).toBe("definite");
    expect((await failure(driver.createTransfer(target))).kind).toBe("definite");
    await expect(driver.createTransfer(target)).resolves.toMatchObject({ destinationAccountId: "acct_local_target" });
  });

  it("clearLocalTransferFaults removes every pending fault", async () => {
    injectLocalTransferFault({ fault: "definite", times: Number.POSITIVE_INFINITY });
    clearLocalTransferFaults();
    await expect(driver.createTransfer(request())).resolves.toMatchObject({ amountCents: 8000 });
  });
});

describe("local reversals", () => {
  it("reverses part then the rest of a transfer, never more than its amount, and delivers signed transfer.reversed events", async () => {
    const transfer = await driver.createTransfer(request());
    const partial = await reverseLocalTransfer(db, transfer.id, 3000);
    expect(partial.transfer.reversedCents).toBe(3000);
    expect(partial.delivery.status).toBe(200);
    const full = await reverseLocalTransfer(db, transfer.id, 99_999);
    expect(full.transfer.reversedCents).toBe(8000);
    const events = await db.select().from(stripeEvents).where(eq(stripeEvents.type, "transfer.reversed"));
    expect(events).toHaveLength(2);
    const objects = events.map(
      (e) => (e.payload as { data: { object: { id: string; amount_reversed: number; reversed: boolean; metadata: Record<string, string> } } }).data.object,
    );
    expect(objects.map((o) => [o.amount_reversed, o.reversed]).sort()).toEqual([
      [3000, false],
      [8000, true],
    ]);
    expect(objects[0]).toMatchObject({ id: transfer.id, metadata: { payout_id: transfer.payoutId } });
  });
});

describe("local Connect accounts", () => {
  it("reads an account's state from the creator profile that holds it", async () => {
    const creator = await makeCreator(db, { payoutAccount: "active" });
    await db
      .update(creatorProfiles)
      .set({
        stripeAccountId: "acct_local_state",
        stripeDetailsSubmitted: true,
        payoutsEnabled: false,
        stripeTransfersCapability: "inactive",
        stripeRequirementsDue: ["external_account"],
        stripeDisabledReason: "requirements.past_due",
      })
      .where(eq(creatorProfiles.userId, creator.id));
    expect(await driver.retrieveAccount("acct_local_state")).toEqual({
      accountId: "acct_local_state",
      detailsSubmitted: true,
      payoutsEnabled: false,
      transfersCapability: "inactive",
      requirementsDue: ["external_account"],
      disabledReason: "requirements.past_due",
    });
  });

  it("gives a creator one stable acct_local_ id, and an onboarding link to the in-app page", async () => {
    const a = await driver.createConnectAccount({ creatorId: "c1", email: "c@example.test" });
    const b = await driver.createConnectAccount({ creatorId: "c1", email: "c@example.test" });
    expect(a.accountId).toBe(b.accountId);
    expect(a.accountId).toMatch(/^acct_local_/);
    const { url } = await driver.createAccountLink({
      accountId: a.accountId,
      refreshUrl: "http://localhost:3000/dashboard/payouts/onboarding",
      returnUrl: "http://localhost:3000/dashboard/payouts/onboarding/return",
    });
    expect(url).toBe(`http://localhost:3000/dashboard/payouts/onboarding/local?account=${a.accountId}`);
  });
});
