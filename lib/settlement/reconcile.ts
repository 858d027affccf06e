import "server-only";
// Payouts left `processing` by an ambiguous answer or a crash (ARCHITECTURE.md, "Where money moves"): a later call resumes them.
// While the key is fresh it sends the same request with the same key (Stripe answers with the transfer it
// made, if any); once the key may have been forgotten it looks the transfer up by transfer group and
// `metadata.payout_id` first, and only a transfer that does not exist is ever created again.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { PaymentsDriver } from "@/lib/payments/driver";
import { PAYOUT_LEASE_MS, payoutIdempotencyKey } from "./claim";
import { IDEMPOTENCY_KEY_FRESH_MS, markPayoutsPaid, postponePayout, sendPayout, type PayoutToSend, type SendOutcome } from "./transfer";
import { at } from "./sql-time";

type Resumable = PayoutToSend & { attempts: number; keyFirstUsedAt: Date | null };

/** Takes over up to `limit` processing payouts whose lease ran out (SKIP LOCKED), extending the lease. */
export async function takeStalledPayouts(db: Db, now: Date, limit: number): Promise<Resumable[]> {
  const rows = await queryRows<{
    id: string;
    creator_id: string;
    period: string;
    amount_cents: string;
    currency: string;
    stripe_account_id: string | null;
    idempotency_key: string | null;
    attempts: number;
    key_first_used_at: Date | string | null;
  }>(
    db,
    sql`
      with stalled as (
        select id from payouts
         where status = 'processing' and (lease_until is null or lease_until < ${at(now)})
         order by claimed_at
         limit ${limit}
           for update skip locked
      )
      update payouts p set lease_until = ${at(new Date(now.getTime() + PAYOUT_LEASE_MS))}, updated_at = ${at(now)}
        from stalled where p.id = stalled.id
      returning p.id, p.creator_id, p.period, p.amount_cents::text, p.currency, p.stripe_account_id, p.idempotency_key, p.attempts, p.key_first_used_at`,
  );
  return rows.map((r) => ({
    id: r.id,
    creatorId: r.creator_id,
    period: r.period,
    amountCents: Number(r.amount_cents),
    currency: r.currency,
    destinationAccountId: r.stripe_account_id ?? "",
    idempotencyKey: r.idempotency_key ?? payoutIdempotencyKey(r.id, r.attempts),
    attempts: r.attempts,
    keyFirstUsedAt: r.key_first_used_at ? new Date(r.key_first_used_at) : null,
  }));
}

/** Settles one stalled payout to exactly one transfer. */
export async function resumePayout(db: Db, driver: PaymentsDriver, payout: Resumable, now: Date, minPayoutCents: number): Promise<SendOutcome | "reconciled"> {
  const keyIsFresh = payout.keyFirstUsedAt !== null && now.getTime() - payout.keyFirstUsedAt.getTime() < IDEMPOTENCY_KEY_FRESH_MS;
  if (keyIsFresh) return sendPayout(db, driver, payout, now, minPayoutCents);

  let existing;
  try {
    existing = await driver.findTransfer({ transferGroup: payout.period, payoutId: payout.id });
  } catch (error) {
    // Could not look: creating now could pay twice. Try again later.
    await postponePayout(db, payout.id, error instanceof Error ? error.message : String(error), now);
    return "ambiguous";
  }
  if (existing) {
    await markPayoutsPaid(db, [{ payout: { ...payout, amountCents: existing.amountCents }, transfer: existing }], now);
    return "reconciled";
  }
  // No transfer exists for this payout: a new key (the old one may be forgotten, or remember a refusal).
  const attempt = payout.attempts + 1;
  const key = payoutIdempotencyKey(payout.id, attempt);
  const [moved] = await queryRows<{ id: string }>(
    db,
    sql`update payouts set attempts = ${attempt}, idempotency_key = ${key}, key_first_used_at = ${at(now)}, updated_at = ${at(now)}
         where id = ${payout.id} and status = 'processing' returning id`,
  );
  if (!moved) return "ambiguous";
  return sendPayout(db, driver, { ...payout, idempotencyKey: key }, now, minPayoutCents);
}
