// account.updated keeps a creator's Connect state (details, transfers capability, what Stripe still needs, why the
// account is disabled) in step with Stripe, never rolled back by an older event; payouts follow it.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { creatorProfiles } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { makeCreator } from "@/lib/testing/fixtures";
import { setPaymentsDriver } from "../driver";
import { createLocalDriver } from "../local-driver";
import { localEvent } from "../local-events";
import { countStripeEvents, deliverSignedEvent } from "../testing/webhook-delivery";

let db: Db;

beforeEach(() => {
  db = testDatabase().db;
  setPaymentsDriver(createLocalDriver());
});
afterEach(() => setPaymentsDriver(undefined));

describe("account.updated", () => {
  async function creatorWithAccount(accountId: string) {
    const creator = await makeCreator(db, { payoutAccount: "active" });
    await db
      .update(creatorProfiles)
      .set({ stripeAccountId: accountId, payoutsEnabled: false, stripeDetailsSubmitted: false, stripeTransfersCapability: null, stripeAccountUpdatedAt: null })
      .where(eq(creatorProfiles.userId, creator.id));
    return creator;
  }

  async function profileOf(userId: string) {
    const [row] = await db.select().from(creatorProfiles).where(eq(creatorProfiles.userId, userId));
    return row;
  }

  function accountEvent(account: Record<string, unknown>, created: number) {
    return { ...localEvent("account.updated", { object: "account", ...account }), created };
  }

  const completed = (id: string) => ({
    id,
    details_submitted: true,
    payouts_enabled: true,
    charges_enabled: true,
    capabilities: { transfers: "active" },
    requirements: { currently_due: [], past_due: [], disabled_reason: null },
  });

  it("a finished onboarding enables payouts and keeps details, transfers capability, requirements and the event's time", async () => {
    const creator = await creatorWithAccount("acct_done");
    const created = Math.floor(Date.now() / 1000);
    const res = await deliverSignedEvent(accountEvent(completed("acct_done"), created));
    expect(res).toMatchObject({ status: 200, body: { handled: true, result: "payouts enabled" } });
    expect(await profileOf(creator.id)).toMatchObject({
      payoutsEnabled: true,
      stripeDetailsSubmitted: true,
      stripeTransfersCapability: "active",
      stripeRequirementsDue: [],
      stripeDisabledReason: null,
      stripeAccountUpdatedAt: new Date(created * 1000),
    });
  });

  it("keeps what is still due (currently due and past due, once each) and why the account is disabled", async () => {
    const creator = await creatorWithAccount("acct_due");
    const res = await deliverSignedEvent(
      accountEvent(
        {
          id: "acct_due",
          details_submitted: true,
          payouts_enabled: false,
          capabilities: { transfers: "inactive" },
          requirements: {
            currently_due: ["external_account", "individual.verification.document"],
            past_due: ["external_account"],
            disabled_reason: "requirements.past_due",
          },
        },
        Math.floor(Date.now() / 1000),
      ),
    );
    expect(res.body).toMatchObject({ result: "payouts disabled" });
    expect(await profileOf(creator.id)).toMatchObject({
      payoutsEnabled: false,
      stripeDetailsSubmitted: true,
      stripeTransfersCapability: "inactive",
      stripeRequirementsDue: ["external_account", "individual.verification.document"],
      stripeDisabledReason: "requirements.past_due",
    });
  });

  it("payouts stay off while details are not submitted, even if Stripe reports payouts enabled", async () => {
    const creator = await creatorWithAccount("acct_half");
    await deliverSignedEvent(accountEvent({ ...completed("acct_half"), details_submitted: false }, Math.floor(Date.now() / 1000)));
    expect(await profileOf(creator.id)).toMatchObject({ payoutsEnabled: false, stripeDetailsSubmitted: false, stripeTransfersCapability: "active" });
  });

  it("an older event delivered after a newer one changes nothing: the account never rolls back", async () => {
    const creator = await creatorWithAccount("acct_order");
    const t = Math.floor(Date.now() / 1000);
    await deliverSignedEvent(accountEvent(completed("acct_order"), t));
    const res = await deliverSignedEvent(
      accountEvent(
        {
          id: "acct_order",
          details_submitted: false,
          payouts_enabled: false,
          capabilities: { transfers: "inactive" },
          requirements: { currently_due: ["external_account"] },
        },
        t - 60,
      ),
    );
    expect(res).toMatchObject({ status: 200, body: { handled: true, result: "stale" } });
    expect(await profileOf(creator.id)).toMatchObject({
      payoutsEnabled: true,
      stripeTransfersCapability: "active",
      stripeRequirementsDue: [],
      stripeAccountUpdatedAt: new Date(t * 1000),
    });
  });

  it("a newer restriction after onboarding turns payouts off again", async () => {
    const creator = await creatorWithAccount("acct_later");
    const t = Math.floor(Date.now() / 1000);
    await deliverSignedEvent(accountEvent(completed("acct_later"), t - 120));
    await deliverSignedEvent(
      accountEvent(
        {
          ...completed("acct_later"),
          payouts_enabled: false,
          capabilities: { transfers: "inactive" },
          requirements: { currently_due: [], past_due: ["individual.id_number"], disabled_reason: "requirements.past_due" },
        },
        t,
      ),
    );
    expect(await profileOf(creator.id)).toMatchObject({
      payoutsEnabled: false,
      stripeTransfersCapability: "inactive",
      stripeRequirementsDue: ["individual.id_number"],
    });
  });

  it("an account nobody here holds is acknowledged and changes no profile", async () => {
    const creator = await creatorWithAccount("acct_mine");
    const res = await deliverSignedEvent(accountEvent(completed("acct_someone_else"), Math.floor(Date.now() / 1000)));
    expect(res).toMatchObject({ status: 200, body: { result: "unknown account" } });
    expect((await profileOf(creator.id)).payoutsEnabled).toBe(false);
  });

  it("an account object without an id is refused with 400 and writes nothing", async () => {
    const before = await countStripeEvents(db);
    const res = await deliverSignedEvent(accountEvent({ details_submitted: true }, Math.floor(Date.now() / 1000)));
    expect(res.status).toBe(400);
    expect(await countStripeEvents(db)).toBe(before);
  });
});
