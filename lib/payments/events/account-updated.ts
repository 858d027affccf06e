// account.updated — a creator's Connect account finished (or lost) onboarding: payouts follow it.
import "server-only";
import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles } from "@/db/schema";
import type { ConnectAccountState, PaymentsDriver } from "../driver";
import { accountShape, readEventObject, type AccountObject } from "./shapes";

const CAPABILITY_STATES = ["active", "inactive", "pending"] as const;

export function accountStateFromObject(account: AccountObject): ConnectAccountState {
  const requirements = account.requirements;
  return {
    accountId: account.id,
    detailsSubmitted: Boolean(account.details_submitted),
    payoutsEnabled: Boolean(account.payouts_enabled),
    transfersCapability: CAPABILITY_STATES.find((s) => s === account.capabilities?.transfers) ?? null,
    requirementsDue: [...new Set([...(requirements?.currently_due ?? []), ...(requirements?.past_due ?? [])])],
    disabledReason: requirements?.disabled_reason ?? null,
  };
}

export type AccountStateOutcome = "payouts enabled" | "payouts disabled" | "stale" | "unknown account";

/**
 * Keeps the creator profile in step with their Connect account, as observed at `observedAt` (an event's
 * `created`, or the moment of a lookup). A state observed before the one already kept changes nothing, so
 * events delivered out of order never roll an account back. Payouts need details submitted too.
 */
export async function recordAccountState(tx: Db, state: ConnectAccountState, observedAt: Date): Promise<AccountStateOutcome> {
  const payoutsEnabled = state.payoutsEnabled && state.detailsSubmitted;
  const rows = await tx
    .update(creatorProfiles)
    .set({
      payoutsEnabled,
      stripeDetailsSubmitted: state.detailsSubmitted,
      stripeTransfersCapability: state.transfersCapability,
      stripeRequirementsDue: state.requirementsDue,
      stripeDisabledReason: state.disabledReason,
      stripeAccountUpdatedAt: observedAt,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(creatorProfiles.stripeAccountId, state.accountId),
        // Same second counts as newer: Stripe's `created` has one-second resolution and the later delivery wins.
        or(isNull(creatorProfiles.stripeAccountUpdatedAt), lte(creatorProfiles.stripeAccountUpdatedAt, observedAt)),
      ),
    )
    .returning({ userId: creatorProfiles.userId });
  if (rows.length) return payoutsEnabled ? "payouts enabled" : "payouts disabled";
  const [known] = await tx
    .select({ userId: creatorProfiles.userId })
    .from(creatorProfiles)
    .where(eq(creatorProfiles.stripeAccountId, state.accountId))
    .limit(1);
  return known ? "stale" : "unknown account";
}

export async function onAccountUpdated(tx: Db, object: unknown, _driver?: PaymentsDriver, event?: { created?: number }): Promise<string> {
  const account = readEventObject(accountShape, object);
  const observedAt = typeof event?.created === "number" ? new Date(event.created * 1000) : new Date();
  return recordAccountState(tx, accountStateFromObject(account), observedAt);
}
