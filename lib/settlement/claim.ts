import "server-only";
// Claiming payouts (ARCHITECTURE.md, "Where money moves"): in one transaction per batch, lock the payout rows and their creators
// (SKIP LOCKED, so overlapping calls never touch one creator), measure each creator's balance now, then
// either hold the payout with a reason or fix its amount, give it an idempotency key and post its journal.
import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { PayoutHoldReason, PayoutStatus } from "@/db/schema";
import { queuePayoutMails } from "@/lib/email/payout-mails";
import { creatorAccount } from "@/lib/ledger/journal";
import { writeAudit } from "@/lib/moderation/audit";
import { notify } from "@/lib/notifications/notifications";
import { HOLD_REASON_TITLES, holdReasonText } from "./hold-reasons";
import type { PayoutToSend } from "./transfer";
import { at } from "./sql-time";

/** How long a claimed payout belongs to the call that claimed it before a later call may resume it. */
export const PAYOUT_LEASE_MS = 10 * 60 * 1000;

export type PayoutAccount = {
  stripeAccountId: string | null;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  transfersCapability: string | null;
};

/** The one rule for whether a payout can go now, and if not, why (in order of what the creator must fix first). */
export function holdReasonFor(payableCents: number, account: PayoutAccount, minPayoutCents: number): PayoutHoldReason | null {
  if (payableCents < 0) return "negative_balance";
  if (payableCents === 0 || payableCents < minPayoutCents) return "below_minimum";
  if (!account.stripeAccountId || !account.detailsSubmitted) return "onboarding_incomplete";
  if (!account.payoutsEnabled || account.transfersCapability !== "active") return "account_restricted";
  return null;
}

/** The idempotency key of a payout's n-th claim: the payout id itself for the first (ARCHITECTURE.md, "Where money moves"). */
export function payoutIdempotencyKey(payoutId: string, attempt: number): string {
  return attempt <= 1 ? payoutId : `${payoutId}:${attempt}`;
}

/** A claimed payout is exactly what a transfer request needs. */
export type ClaimedPayout = PayoutToSend;

export type HeldPayout = { id: string; creatorId: string; reason: PayoutHoldReason };

export type ClaimResult = { claimed: ClaimedPayout[]; held: HeldPayout[]; picked: number };

type PickedRow = {
  id: string;
  creator_id: string;
  period: string;
  period_end_balance_cents: string;
  attempts: number;
  status: PayoutStatus;
  hold_reason: PayoutHoldReason | null;
  currency: string;
  stripe_account_id: string | null;
  payouts_enabled: boolean;
  stripe_details_submitted: boolean;
  stripe_transfers_capability: string | null;
};

/** Which payouts a batch may pick. */
export type ClaimScope = { kind: "pending"; period: string } | { kind: "retry" } | { kind: "one"; payoutId: string };

function scopeCondition(scope: ClaimScope, now: Date): SQL {
  switch (scope.kind) {
    case "pending":
      return sql`p.period = ${scope.period} and p.status = 'pending'`;
    case "retry":
      // Holds whose cause can clear by itself are looked at again after an hour; definite refusals once a day.
      return sql`(
        (p.status = 'held' and p.hold_reason in ('onboarding_incomplete', 'account_restricted', 'platform_balance_short')
          and p.updated_at <= ${at(new Date(now.getTime() - 60 * 60 * 1000))})
        or (p.status = 'failed' and p.failed_at <= ${at(new Date(now.getTime() - 20 * 60 * 60 * 1000))})
      )`;
    case "one":
      return sql`p.id = ${scope.payoutId} and p.status in ('pending', 'held', 'failed')`;
  }
}

/**
 * Claims up to `limit` payouts in one transaction. A creator with a payout still in flight (processing)
 * gets no new claim until it is resolved, so transfers never overlap for one creator.
 */
export async function claimPayouts(
  db: Db,
  options: { scope: ClaimScope; now: Date; limit: number; minPayoutCents: number; audit?: { actorId: string } },
): Promise<ClaimResult> {
  const { now } = options;
  return db.transaction(async (tx) => {
    const picked = await queryRows<PickedRow>(
      tx,
      sql`
        select p.id, p.creator_id, p.period, p.period_end_balance_cents::text, p.attempts, p.status, p.hold_reason, p.currency,
               c.stripe_account_id, c.payouts_enabled, c.stripe_details_submitted, c.stripe_transfers_capability
          from payouts p
          join creator_profiles c on c.user_id = p.creator_id
         where ${scopeCondition(options.scope, now)}
           and not exists (select 1 from payouts q where q.creator_id = p.creator_id and q.status = 'processing' and q.id <> p.id)
         order by p.period, p.creator_id
         limit ${options.limit}
           for update of p, c skip locked`,
    );
    // One payout per creator per batch: a second one waits for the next batch, which sees the first's journal.
    const seen = new Set<string>();
    const rows = picked.filter((row) => (seen.has(row.creator_id) ? false : (seen.add(row.creator_id), true)));
    if (rows.length === 0) return { claimed: [], held: [], picked: 0 };

    const accounts = rows.map((row) => creatorAccount(row.creator_id));
    const balances = await queryRows<{ account: string; balance: string }>(
      tx,
      sql`select account, sum(amount_cents)::text as balance from ledger_entries
           where account in (${sql.join(
             accounts.map((a) => sql`${a}`),
             sql`, `,
           )}) group by account`,
    );
    const balanceNow = new Map(balances.map((b) => [b.account, Number(b.balance)]));

    const claimed: ClaimedPayout[] = [];
    const held: (HeldPayout & { amountCents: number; notify: boolean; period: string; currency: string })[] = [];
    const claimUpdates: Record<string, unknown>[] = [];
    for (const row of rows) {
      const payable = Math.min(Number(row.period_end_balance_cents), balanceNow.get(creatorAccount(row.creator_id)) ?? 0);
      const account: PayoutAccount = {
        stripeAccountId: row.stripe_account_id,
        payoutsEnabled: row.payouts_enabled,
        detailsSubmitted: row.stripe_details_submitted,
        transfersCapability: row.stripe_transfers_capability,
      };
      const reason = holdReasonFor(payable, account, options.minPayoutCents);
      if (reason) {
        const changed = row.status !== "held" || row.hold_reason !== reason;
        held.push({ id: row.id, creatorId: row.creator_id, reason, amountCents: payable, notify: changed, period: row.period, currency: row.currency });
        continue;
      }
      const attempt = row.attempts + 1;
      const key = payoutIdempotencyKey(row.id, attempt);
      claimed.push({
        id: row.id,
        creatorId: row.creator_id,
        period: row.period,
        amountCents: payable,
        currency: row.currency,
        destinationAccountId: row.stripe_account_id as string,
        idempotencyKey: key,
      });
      claimUpdates.push({ id: row.id, amount: payable, attempts: attempt, key, account: row.stripe_account_id, journal: randomUUID() });
    }

    if (held.length) {
      const data = JSON.stringify(held.map((h) => ({ id: h.id, reason: h.reason, amount: h.amountCents })));
      await tx.execute(sql`
        update payouts p set status = 'held', hold_reason = v.reason, amount_cents = v.amount, lease_until = null, updated_at = ${at(now)}
          from jsonb_to_recordset(${data}::jsonb) as v(id uuid, reason text, amount bigint)
         where p.id = v.id`);
      const announce = held.filter((h) => h.notify);
      if (announce.length) {
        await notify(
          tx,
          announce.map((h) => ({
            userId: h.creatorId,
            type: "payout" as const,
            title: `Payout on hold: ${HOLD_REASON_TITLES[h.reason].toLowerCase()}`,
            body: holdReasonText(h.reason, options.minPayoutCents, h.currency),
            link: "/dashboard/payouts",
            data: { payoutId: h.id, period: h.period, holdReason: h.reason },
          })),
        );
        await queuePayoutMails(
          tx,
          announce.map((h) => ({
            creatorId: h.creatorId,
            template: "payout_held" as const,
            period: h.period,
            amountCents: h.amountCents,
            currency: h.currency,
            reason: holdReasonText(h.reason, options.minPayoutCents, h.currency),
          })),
        );
      }
    }

    if (claimUpdates.length) {
      const data = JSON.stringify(claimUpdates);
      await tx.execute(sql`
        update payouts p
           set status = 'processing', amount_cents = v.amount, attempts = v.attempts, idempotency_key = v.key,
               key_first_used_at = ${at(now)}, lease_until = ${at(new Date(now.getTime() + PAYOUT_LEASE_MS))}, claimed_at = ${at(now)},
               stripe_account_id = v.account, hold_reason = null, failure_reason = null, failed_at = null, updated_at = ${at(now)}
          from jsonb_to_recordset(${data}::jsonb) as v(id uuid, amount bigint, attempts int, key text, account text, journal uuid)
         where p.id = v.id`);
      // The payout journal: the creator's balance goes down by the amount the moment it is claimed.
      await tx.execute(sql`
        insert into ledger_entries (journal_id, account, amount_cents, currency, kind, payout_id, created_at)
        select v.journal, x.account, x.amount, p.currency, 'payout', p.id, ${at(now)}
          from jsonb_to_recordset(${data}::jsonb) as v(id uuid, amount bigint, journal uuid)
          join payouts p on p.id = v.id
         cross join lateral (values ('creator:' || p.creator_id::text, -v.amount), ('payouts', v.amount)) as x(account, amount)`);
    }

    if (options.audit) {
      for (const row of rows) {
        const outcome = claimed.find((c) => c.id === row.id);
        await writeAudit(tx, {
          actorId: options.audit.actorId,
          action: "payout.retry",
          targetType: "payout",
          targetId: row.id,
          details: outcome
            ? { claimedCents: outcome.amountCents, idempotencyKey: outcome.idempotencyKey }
            : { heldReason: held.find((h) => h.id === row.id)?.reason },
        });
      }
    }
    return { claimed, held: held.map(({ id, creatorId, reason }) => ({ id, creatorId, reason })), picked: picked.length };
  });
}
