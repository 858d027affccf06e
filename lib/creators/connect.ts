import "server-only";
// Connect onboarding: a creator's Stripe Express account, created once, and its state in words they can act on.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { creatorProfiles, users } from "@/db/schema";
import { assertCreator, assertEmailVerified, assertSignedIn, type Actor } from "@/lib/auth/actor";
import { DomainError, parseInput } from "@/lib/errors";
import type { ConnectAccountState, PaymentsDriver } from "@/lib/payments/driver";
import { recordAccountState } from "@/lib/payments/events/account-updated";
import { deliverLocalEvent, localAccountObject } from "@/lib/payments/local-events";
import { logger } from "@/lib/observability/logger";

/**
 * - `not_started`: no Connect account yet.
 * - `incomplete`: an account exists but onboarding was not submitted.
 * - `restricted`: submitted, but Stripe does not let transfers or payouts through (yet).
 * - `active`: payouts enabled and transfers active: what settlement needs to pay (ARCHITECTURE.md, "Where money moves").
 */
export type PayoutAccountState = "not_started" | "incomplete" | "restricted" | "active";

export type PayoutAccountStatus = {
  state: PayoutAccountState;
  accountId: string | null;
  /** What Stripe still needs, in plain words (deduplicated). */
  requirementsDue: string[];
  /** Why Stripe disabled the account, in plain words; null when it did not. */
  disabledReason: string | null;
};

type KeptAccount = {
  stripeAccountId: string | null;
  payoutsEnabled: boolean;
  stripeDetailsSubmitted: boolean;
  stripeTransfersCapability: string | null;
  stripeRequirementsDue: string[];
  stripeDisabledReason: string | null;
};

// Stripe requirement ids (https://docs.stripe.com/connect/required-verification-information) → what to provide.
const REQUIREMENT_WORDS: Array<[RegExp, string]> = [
  [/^external_account$/, "A bank account to receive payouts"],
  [/^tos_acceptance\./, "Accept Stripe's services agreement"],
  [/^business_type$/, "Whether you sell as an individual or a company"],
  [/^business_profile\.mcc$/, "Your business category"],
  [/^business_profile\.(url|product_description)$/, "Your website, or a description of what you sell"],
  [/^business_profile\./, "Details about your business"],
  [/^(individual|representative)\.verification\.additional_document$/, "A document that proves your address"],
  [/^(individual|representative)\.verification\.document$/, "A photo of your ID document"],
  [/^(individual|representative)\.(first_name|last_name)$/, "Your legal name"],
  [/^(individual|representative)\.dob\./, "Your date of birth"],
  [/^(individual|representative)\.address\./, "Your home address"],
  [/^(individual|representative)\.ssn_last_4$/, "The last 4 digits of your Social Security number"],
  [/^(individual|representative)\.id_number$/, "Your government ID number"],
  [/^(individual|representative)\.email$/, "Your email address"],
  [/^(individual|representative)\.phone$/, "Your phone number"],
  [/^(individual|representative)\.relationship\./, "Your role in the business"],
  [/^company\.verification\./, "A document that verifies your company"],
  [/^company\./, "Your company's details"],
  [/^(owners|directors|executives)\./, "Details about the people who own or run the company"],
  [/^settings\.payments\.statement_descriptor/, "How your name appears on statements"],
];

/** A Stripe requirement id (e.g. `individual.verification.document`) as a thing the creator can provide. */
export function requirementInWords(requirement: string): string {
  const words = REQUIREMENT_WORDS.find(([pattern]) => pattern.test(requirement))?.[1];
  if (words) return words;
  // Unknown ids read as their last part: `settings.card_issuing.tos_acceptance` → "Tos acceptance".
  const last = requirement.split(".").pop() ?? requirement;
  const plain = last.replace(/_/g, " ").trim();
  return plain ? plain[0].toUpperCase() + plain.slice(1) : requirement;
}

/** Stripe's `requirements.disabled_reason` as a sentence. */
export function disabledReasonInWords(reason: string | null): string | null {
  if (!reason) return null;
  if (reason === "requirements.past_due") return "Stripe needs the details below before it can send you money.";
  if (reason === "requirements.pending_verification") return "Stripe is checking the details you sent. This usually takes a few minutes, sometimes a few days.";
  if (reason === "action_required.requested_capabilities") return "Stripe needs more information before it can turn on transfers.";
  if (reason === "under_review" || reason === "listed") return "Stripe is reviewing this account.";
  if (reason === "platform_paused") return "Payouts to this account are paused by Agora. Contact support.";
  if (reason.startsWith("rejected.")) return "Stripe closed this account. Contact support to set up payouts again.";
  return "Stripe has restricted this account.";
}

/** The creator-facing status of the Connect state kept on a profile. */
export function payoutAccountStatusOf(kept: KeptAccount): PayoutAccountStatus {
  const state: PayoutAccountState = !kept.stripeAccountId
    ? "not_started"
    : !kept.stripeDetailsSubmitted
      ? "incomplete"
      : kept.payoutsEnabled && kept.stripeTransfersCapability === "active"
        ? "active"
        : "restricted";
  return {
    state,
    accountId: kept.stripeAccountId,
    requirementsDue: [...new Set(kept.stripeRequirementsDue.map(requirementInWords))],
    disabledReason: disabledReasonInWords(kept.stripeDisabledReason),
  };
}

const keptColumns = {
  stripeAccountId: creatorProfiles.stripeAccountId,
  payoutsEnabled: creatorProfiles.payoutsEnabled,
  stripeDetailsSubmitted: creatorProfiles.stripeDetailsSubmitted,
  stripeTransfersCapability: creatorProfiles.stripeTransfersCapability,
  stripeRequirementsDue: creatorProfiles.stripeRequirementsDue,
  stripeDisabledReason: creatorProfiles.stripeDisabledReason,
};

async function keptAccount(db: Db, userId: string): Promise<KeptAccount> {
  const [row] = await db.select(keptColumns).from(creatorProfiles).where(eq(creatorProfiles.userId, userId)).limit(1);
  if (!row) throw new DomainError("auth.not_creator");
  return row;
}

/** Provider failures become one safe message; the detail goes to the server log. */
async function fromProvider<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    logger.error({ event: "payouts.provider_failed", call: what, err: error }, "payments provider call failed");
    throw new DomainError("payouts.provider_unavailable");
  }
}

const onboardingUrls = z.object({ returnUrl: z.url({ protocol: /^https?$/ }), refreshUrl: z.url({ protocol: /^https?$/ }) });

/**
 * Starts (or continues) Connect onboarding: creates the creator's Express account the first time, then an
 * onboarding link. The profile row is locked while the account is created, so double clicks make one account.
 */
export async function startPayoutOnboarding(
  db: Db,
  driver: PaymentsDriver,
  actor: Actor | null,
  input: { returnUrl: string; refreshUrl: string },
): Promise<{ url: string; accountId: string }> {
  const creator = assertEmailVerified(assertCreator(actor));
  const urls = parseInput(onboardingUrls, input);
  const accountId = await db.transaction(async (tx) => {
    const [profile] = await tx
      .select({ accountId: creatorProfiles.stripeAccountId, email: users.email })
      .from(creatorProfiles)
      .innerJoin(users, eq(users.id, creatorProfiles.userId))
      .where(eq(creatorProfiles.userId, creator.id))
      .for("update", { of: creatorProfiles })
      .limit(1);
    if (!profile) throw new DomainError("auth.not_creator");
    if (profile.accountId) return profile.accountId;
    // Stripe's own idempotency key (per creator) covers a crash between this call and the commit.
    const created = await fromProvider("creating a Connect account", () => driver.createConnectAccount({ creatorId: creator.id, email: profile.email }));
    await tx.update(creatorProfiles).set({ stripeAccountId: created.accountId, updatedAt: new Date() }).where(eq(creatorProfiles.userId, creator.id));
    return created.accountId;
  });
  const link = await fromProvider("creating an onboarding link", () =>
    driver.createAccountLink({ accountId, returnUrl: urls.returnUrl, refreshUrl: urls.refreshUrl }),
  );
  return { url: link.url, accountId };
}

/** On return from onboarding: reads the account from the provider and keeps its state (like account.updated). */
export async function refreshPayoutAccount(db: Db, driver: PaymentsDriver, actor: Actor | null): Promise<PayoutAccountStatus> {
  const creator = assertCreator(actor);
  const kept = await keptAccount(db, creator.id);
  if (!kept.stripeAccountId) throw new DomainError("payouts.no_account");
  const accountId = kept.stripeAccountId;
  // Observed now, at the second (events' `created` resolution): an event created later still wins.
  const observedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const state = await fromProvider("reading the Connect account", () => driver.retrieveAccount(accountId));
  await recordAccountState(db, { ...state, accountId }, observedAt);
  return payoutAccountStatus(db, creator);
}

/** The signed-in creator's payout account, in words (suspended creators may still read it). */
export async function payoutAccountStatus(db: Db, actor: Actor | null): Promise<PayoutAccountStatus> {
  const user = assertSignedIn(actor);
  return payoutAccountStatusOf(await keptAccount(db, user.id));
}

/**
 * The actor's own Connect account with the given id, as its local onboarding page shows it.
 * Someone else's account (or an unknown one) is not found, never revealed.
 */
export async function ownPayoutAccount(db: Db, actor: Actor | null, accountId: string): Promise<ConnectAccountState & { email: string }> {
  const creator = assertCreator(actor);
  const [row] = await db
    .select({ ...keptColumns, email: users.email })
    .from(creatorProfiles)
    .innerJoin(users, eq(users.id, creatorProfiles.userId))
    .where(eq(creatorProfiles.userId, creator.id))
    .limit(1);
  if (!row || row.stripeAccountId !== accountId) throw new DomainError("not_found");
  return {
    accountId,
    email: row.email,
    detailsSubmitted: row.stripeDetailsSubmitted,
    payoutsEnabled: row.payoutsEnabled,
    transfersCapability:
      row.stripeTransfersCapability === "active" || row.stripeTransfersCapability === "inactive" || row.stripeTransfersCapability === "pending"
        ? row.stripeTransfersCapability
        : null,
    requirementsDue: row.stripeRequirementsDue,
    disabledReason: row.stripeDisabledReason,
  };
}

/**
 * What the local onboarding page sends. `submit` with the required details gives a verified account;
 * `needs_document` a submitted account Stripe restricts until an ID document arrives; `save` leaves it unsubmitted.
 */
export type LocalOnboardingInput = {
  accountId: string;
  legalName: string;
  country: string;
  bankAccountNumber: string;
  outcome: "submit" | "needs_document" | "save";
};

function localOnboardingState(input: LocalOnboardingInput): ConnectAccountState {
  const base = { accountId: input.accountId };
  if (input.outcome === "submit") {
    return { ...base, detailsSubmitted: true, payoutsEnabled: true, transfersCapability: "active", requirementsDue: [], disabledReason: null };
  }
  if (input.outcome === "needs_document") {
    return {
      ...base,
      detailsSubmitted: true,
      payoutsEnabled: false,
      transfersCapability: "inactive",
      requirementsDue: ["individual.verification.document"],
      disabledReason: "requirements.past_due",
    };
  }
  const due = [
    ...(input.legalName.trim() ? [] : ["individual.first_name", "individual.last_name"]),
    // A bank account and the services agreement only count once the form is submitted.
    "external_account",
    "tos_acceptance.date",
  ];
  return {
    ...base,
    detailsSubmitted: false,
    payoutsEnabled: false,
    transfersCapability: "inactive",
    requirementsDue: due,
    disabledReason: "requirements.past_due",
  };
}

/**
 * The local driver's stand-in for Stripe's hosted onboarding: builds the account as Stripe would report it and
 * delivers a signed `account.updated` through the real webhook path, which keeps the profile in step.
 */
export async function submitLocalOnboarding(db: Db, driver: PaymentsDriver, actor: Actor | null, input: LocalOnboardingInput): Promise<PayoutAccountStatus> {
  if (driver.name !== "local") throw new DomainError("not_found");
  const account = await ownPayoutAccount(db, actor, input.accountId);
  const delivery = await deliverLocalEvent(
    "account.updated",
    localAccountObject({ ...localOnboardingState(input), email: account.email, country: input.country }),
  );
  if (delivery.status !== 200) throw new Error(`local account.updated was answered ${delivery.status}`);
  return payoutAccountStatus(db, actor);
}
