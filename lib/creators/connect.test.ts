// Connect onboarding: who may start it, one account per creator even under double clicks, and status in words.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { creatorProfiles, stripeEvents } from "@/db/schema";
import { actorFor, makeCreator, makeUser } from "@/lib/testing/fixtures";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import type { ConnectAccountState, PaymentsDriver } from "@/lib/payments/driver";
import { createLocalDriver } from "@/lib/payments/local-driver";
import { createStripeDriver } from "@/lib/payments/stripe-driver";
import {
  ownPayoutAccount,
  payoutAccountStatus,
  refreshPayoutAccount,
  requirementInWords,
  startPayoutOnboarding,
  submitLocalOnboarding,
  type LocalOnboardingInput,
} from "./connect";

const urls = { returnUrl: "http://localhost:3000/dashboard/payouts/onboarding/return", refreshUrl: "http://localhost:3000/dashboard/payouts/onboarding" };

let db: Db;

/** A driver that counts account creations and, like Stripe without a key, makes a new account on every call. */
function countingDriver(account: Partial<ConnectAccountState> = {}) {
  const calls = { createConnectAccount: 0, createAccountLink: 0, retrieveAccount: 0 };
  const local = createLocalDriver({ db: async () => db });
  const driver: PaymentsDriver = {
    ...local,
    async createConnectAccount() {
      calls.createConnectAccount += 1;
      // Slow enough that simultaneous calls all read the profile before the first one stores its account.
      await new Promise((resolve) => setTimeout(resolve, 150));
      return { accountId: `acct_local_${randomBytes(8).toString("hex")}` };
    },
    async createAccountLink(request) {
      calls.createAccountLink += 1;
      return local.createAccountLink(request);
    },
    async retrieveAccount(accountId) {
      calls.retrieveAccount += 1;
      return { accountId, detailsSubmitted: false, payoutsEnabled: false, transfersCapability: null, requirementsDue: [], disabledReason: null, ...account };
    },
  };
  return { driver, calls };
}

/** A creator who has not connected a payout account yet. */
async function newCreator(values: { status?: "active" | "suspended" } = {}): Promise<Actor> {
  const creator = await makeCreator(db, values);
  await db
    .update(creatorProfiles)
    .set({ stripeAccountId: null, payoutsEnabled: false, stripeDetailsSubmitted: false, stripeTransfersCapability: null })
    .where(eq(creatorProfiles.userId, creator.id));
  return actorFor(db, creator.id);
}

async function storedAccountId(userId: string) {
  const [row] = await db.select({ id: creatorProfiles.stripeAccountId }).from(creatorProfiles).where(eq(creatorProfiles.userId, userId));
  return row.id;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

beforeEach(() => {
  db = testDatabase().db;
});

describe("startPayoutOnboarding", () => {
  it("refuses anonymous visitors, people who are not creators and suspended creators, creating nothing", async () => {
    const { driver, calls } = countingDriver();
    const buyer = await actorFor(db, (await makeUser(db)).id);
    const suspended = await newCreator({ status: "suspended" });
    expect(await refusal(startPayoutOnboarding(db, driver, null, urls))).toBe("auth.unauthenticated");
    expect(await refusal(startPayoutOnboarding(db, driver, buyer, urls))).toBe("auth.not_creator");
    expect(await refusal(startPayoutOnboarding(db, driver, suspended, urls))).toBe("auth.suspended");
    expect(calls.createConnectAccount).toBe(0);
    expect(await storedAccountId(suspended.id)).toBeNull();
  });

  it("creates the Express account once, stores it, and answers an onboarding link; a second call reuses the account", async () => {
    const { driver, calls } = countingDriver();
    const creator = await newCreator();
    const first = await startPayoutOnboarding(db, driver, creator, urls);
    expect(first.accountId).toMatch(/^acct_local_/);
    expect(first.url).toBe(`http://localhost:3000/dashboard/payouts/onboarding/local?account=${first.accountId}`);
    expect(await storedAccountId(creator.id)).toBe(first.accountId);
    const second = await startPayoutOnboarding(db, driver, creator, urls);
    expect(second.accountId).toBe(first.accountId);
    expect(calls).toMatchObject({ createConnectAccount: 1, createAccountLink: 2 });
  });

  it("10 simultaneous clicks create one account and all answer with it", async () => {
    const { driver, calls } = countingDriver();
    const creator = await newCreator();
    const results = await Promise.all(Array.from({ length: 10 }, () => startPayoutOnboarding(db, driver, creator, urls)));
    expect(calls.createConnectAccount).toBe(1);
    expect(new Set(results.map((r) => r.accountId)).size).toBe(1);
    expect(await storedAccountId(creator.id)).toBe(results[0].accountId);
  });

  it("refuses return and refresh addresses that are not http(s) URLs", async () => {
    const { driver, calls } = countingDriver();
    const creator = await newCreator();
    await expect(startPayoutOnboarding(db, driver, creator, { ...urls, returnUrl: "javascript:alert(1)" })).rejects.toThrow();
    expect(calls.createConnectAccount).toBe(0);
  });

  it("when Stripe cannot be reached, answers a safe message and stores no account", async () => {
    const { driver } = countingDriver();
    const failing: PaymentsDriver = {
      ...driver,
      async createConnectAccount() {
        throw new Error("connect ECONNREFUSED 127.0.0.1:9");
      },
    };
    const creator = await newCreator();
    expect(await refusal(startPayoutOnboarding(db, failing, creator, urls))).toBe("payouts.provider_unavailable");
    expect(await storedAccountId(creator.id)).toBeNull();
  });
});

describe("refreshPayoutAccount", () => {
  it("keeps the account's state from the provider and answers it in words", async () => {
    const { driver, calls } = countingDriver({
      detailsSubmitted: true,
      payoutsEnabled: false,
      transfersCapability: "inactive",
      requirementsDue: ["external_account", "individual.verification.document"],
      disabledReason: "requirements.past_due",
    });
    const creator = await newCreator();
    const { accountId } = await startPayoutOnboarding(db, driver, creator, urls);
    const status = await refreshPayoutAccount(db, driver, creator);
    expect(calls.retrieveAccount).toBe(1);
    expect(status).toEqual({
      state: "restricted",
      accountId,
      requirementsDue: ["A bank account to receive payouts", "A photo of your ID document"],
      disabledReason: "Stripe needs the details below before it can send you money.",
    });
    const [row] = await db.select().from(creatorProfiles).where(eq(creatorProfiles.userId, creator.id));
    expect(row).toMatchObject({
      stripeDetailsSubmitted: true,
      payoutsEnabled: false,
      stripeTransfersCapability: "inactive",
      stripeRequirementsDue: ["external_account", "individual.verification.document"],
    });
    expect(row.stripeAccountUpdatedAt).toBeInstanceOf(Date);
  });

  it("a finished onboarding reads as active", async () => {
    const { driver } = countingDriver({ detailsSubmitted: true, payoutsEnabled: true, transfersCapability: "active" });
    const creator = await newCreator();
    await startPayoutOnboarding(db, driver, creator, urls);
    expect((await refreshPayoutAccount(db, driver, creator)).state).toBe("active");
  });

  it("refuses a creator who never started onboarding, and people who are not creators", async () => {
    const { driver } = countingDriver();
    const buyer = await actorFor(db, (await makeUser(db)).id);
    expect(await refusal(refreshPayoutAccount(db, driver, await newCreator()))).toBe("payouts.no_account");
    expect(await refusal(refreshPayoutAccount(db, driver, buyer))).toBe("auth.not_creator");
    expect(await refusal(refreshPayoutAccount(db, driver, null))).toBe("auth.unauthenticated");
  });
});

describe("payoutAccountStatus", () => {
  it("reads not started, then incomplete once an account exists, with what is due in words", async () => {
    const creator = await newCreator();
    expect(await payoutAccountStatus(db, creator)).toEqual({ state: "not_started", accountId: null, requirementsDue: [], disabledReason: null });
    await db
      .update(creatorProfiles)
      .set({
        stripeAccountId: "acct_local_incomplete",
        stripeRequirementsDue: ["individual.dob.day", "individual.dob.month", "tos_acceptance.date", "external_account"],
      })
      .where(eq(creatorProfiles.userId, creator.id));
    expect(await payoutAccountStatus(db, creator)).toEqual({
      state: "incomplete",
      accountId: "acct_local_incomplete",
      requirementsDue: ["Your date of birth", "Accept Stripe's services agreement", "A bank account to receive payouts"],
      disabledReason: null,
    });
  });

  it("a suspended creator may still read their status; anonymous visitors and non-creators may not", async () => {
    const suspended = await newCreator({ status: "suspended" });
    const buyer = await actorFor(db, (await makeUser(db)).id);
    expect((await payoutAccountStatus(db, suspended)).state).toBe("not_started");
    expect(await refusal(payoutAccountStatus(db, null))).toBe("auth.unauthenticated");
    expect(await refusal(payoutAccountStatus(db, buyer))).toBe("auth.not_creator");
  });

  it("names unknown requirement ids by their last part", () => {
    expect(requirementInWords("settings.card_issuing.tos_acceptance_date")).toBe("Tos acceptance date");
    expect(requirementInWords("individual.verification.document")).toBe("A photo of your ID document");
  });
});

describe("ownPayoutAccount", () => {
  it("answers the creator's own account and treats anyone else's as not found", async () => {
    const { driver } = countingDriver();
    const owner = await newCreator();
    const other = await newCreator();
    const { accountId } = await startPayoutOnboarding(db, driver, owner, urls);
    expect(await ownPayoutAccount(db, owner, accountId)).toMatchObject({ accountId, email: owner.email, detailsSubmitted: false });
    expect(await refusal(ownPayoutAccount(db, other, accountId))).toBe("not_found");
    expect(await refusal(ownPayoutAccount(db, owner, "acct_local_unknown"))).toBe("not_found");
  });
});

describe("submitLocalOnboarding", () => {
  async function onboardingCreator() {
    const creator = await newCreator();
    const driver = createLocalDriver({ db: async () => db });
    const { accountId } = await startPayoutOnboarding(db, driver, creator, urls);
    const form = (outcome: LocalOnboardingInput["outcome"], legalName = "Cory Creator"): LocalOnboardingInput => ({
      accountId,
      legalName,
      country: "US",
      bankAccountNumber: "000123456789",
      outcome,
    });
    return { creator, driver, accountId, form };
  }

  it("submitting sends a signed account.updated that turns payouts on, and a refresh reads the same state back", async () => {
    const { creator, driver, accountId, form } = await onboardingCreator();
    expect(await submitLocalOnboarding(db, driver, creator, form("submit"))).toEqual({ state: "active", accountId, requirementsDue: [], disabledReason: null });
    const [row] = await db.select().from(creatorProfiles).where(eq(creatorProfiles.userId, creator.id));
    expect(row).toMatchObject({ payoutsEnabled: true, stripeDetailsSubmitted: true, stripeTransfersCapability: "active", stripeRequirementsDue: [] });
    const [event] = await db.select().from(stripeEvents).where(eq(stripeEvents.type, "account.updated"));
    expect(event).toBeDefined();
    expect((await refreshPayoutAccount(db, driver, creator)).state).toBe("active");
  });

  it("saving for later leaves the account incomplete with the bank account (and a blank legal name) still due", async () => {
    const { creator, driver, form } = await onboardingCreator();
    const status = await submitLocalOnboarding(db, driver, creator, form("save", ""));
    expect(status.state).toBe("incomplete");
    expect(status.requirementsDue).toEqual(["Your legal name", "A bank account to receive payouts", "Accept Stripe's services agreement"]);
  });

  it("the restricted test outcome reads as restricted, waiting for an ID document", async () => {
    const { creator, driver, form } = await onboardingCreator();
    const status = await submitLocalOnboarding(db, driver, creator, form("needs_document"));
    expect(status).toMatchObject({ state: "restricted", requirementsDue: ["A photo of your ID document"] });
  });

  it("another creator's account, or any account while the Stripe driver is active, is not found", async () => {
    const { form } = await onboardingCreator();
    const intruder = await newCreator();
    const local = createLocalDriver({ db: async () => db });
    expect(await refusal(submitLocalOnboarding(db, local, intruder, form("submit")))).toBe("not_found");
    const stripe = createStripeDriver({ secretKey: "sk_test_unused", apiBase: "http://127.0.0.1:9" });
    const own = await onboardingCreator();
    expect(await refusal(submitLocalOnboarding(db, stripe, own.creator, own.form("submit")))).toBe("not_found");
  });
});
