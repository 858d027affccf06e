import "server-only";
// Sending a claimed payout and recording what Stripe answered (DESIGN §5). Each outcome is one transaction
// that only moves a payout that is still `processing`, so a late or repeated answer changes nothing.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { formatPrice } from "@/lib/orders/pricing";
import { notify } from "@/lib/notifications/notifications";
import { TransferError, type PaymentsDriver, type TransferRecord } from "@/lib/payments/driver";
import { holdReasonText } from "./hold-reasons";
import { periodLabel } from "./periods";
import { at } from "./sql-time";

/** Stripe forgets idempotency keys after 24 hours; past 20 we look the transfer up instead of trusting the key. */
export const IDEMPOTENCY_KEY_FRESH_MS = 20 * 60 * 60 * 1000;
/** An ambiguous answer is looked at again by a later call, not this one. */
export const AMBIGUOUS_RETRY_DELAY_MS = 15 * 60 * 1000;

export type SendOutcome = "paid" | "failed" | "held" | "ambiguous";

export type PayoutToSend = {
  id: string;
  creatorId: string;
  period: string;
  amountCents: number;
  currency: string;
  destinationAccountId: string;
  idempotencyKey: string;
};

type Finished = { creator_id: string; amount_cents: string; period: string; currency: string };

/** Sends one claimed payout and records the answer. Never throws for a provider failure. */
export async function sendPayout(db: Db, driver: PaymentsDriver, payout: PayoutToSend, now: Date, minPayoutCents: number): Promise<SendOutcome> {
  let transfer: TransferRecord;
  try {
    transfer = await driver.createTransfer({
      payoutId: payout.id,
      amountCents: payout.amountCents,
      currency: payout.currency,
      destinationAccountId: payout.destinationAccountId,
      transferGroup: payout.period,
      idempotencyKey: payout.idempotencyKey,
    });
  } catch (error) {
    return recordTransferFailure(db, payout.id, error, now, minPayoutCents);
  }
  try {
    await markPayoutPaid(db, payout, transfer, now);
    return "paid";
  } catch (error) {
    // The transfer exists but we could not record it: the payout stays processing and a later call
    // reconciles it to this transfer (same key, or a lookup by transfer group) — never a second one.
    console.error(`[settlement] payout ${payout.id}: transfer ${transfer.id} made but not recorded`, error instanceof Error ? error.message : error);
    return "ambiguous";
  }
}

export async function recordTransferFailure(db: Db, payoutId: string, error: unknown, now: Date, minPayoutCents: number): Promise<SendOutcome> {
  const kind = error instanceof TransferError ? error.kind : "ambiguous";
  const message = error instanceof Error ? error.message : String(error);
  try {
    if (kind === "definite") {
      await failPayout(db, payoutId, message, now);
      return "failed";
    }
    if (kind === "insufficient_balance") {
      await holdPayoutForPlatformBalance(db, payoutId, now, minPayoutCents);
      return "held";
    }
  } catch (recordError) {
    console.error(`[settlement] payout ${payoutId}: could not record ${kind} failure`, recordError instanceof Error ? recordError.message : recordError);
    return "ambiguous";
  }
  // Ambiguous (timeout, network, 5xx, key in use): the transfer may exist. Keep it processing; look later.
  await postponePayout(db, payoutId, message, now);
  return "ambiguous";
}

/** Leaves a payout processing for a later call to reconcile, noting what was unclear. */
export async function postponePayout(db: Db, payoutId: string, message: string, now: Date): Promise<void> {
  console.warn(`[settlement] payout ${payoutId}: outcome unknown (${message}); a later call reconciles it`);
  await db.execute(sql`
    update payouts set lease_until = ${at(new Date(now.getTime() + AMBIGUOUS_RETRY_DELAY_MS))}, failure_reason = ${`Unconfirmed: ${message.slice(0, 300)}`}, updated_at = ${at(now)}
     where id = ${payoutId} and status = 'processing'`);
}

/**
 * processing → paid with the transfer id, and the creator is told — one statement (the most frequent write
 * of a settlement), so the notification exists exactly when the payout moved.
 */
export async function markPayoutPaid(db: Db, payout: Pick<PayoutToSend, "id" | "creatorId" | "period" | "amountCents" | "currency">, transfer: TransferRecord, now: Date): Promise<boolean> {
  const title = `Payout sent: ${formatPrice(payout.amountCents, payout.currency)} for ${periodLabel(payout.period)}`;
  const body = `Stripe transfer ${transfer.id} is on its way to your connected account; banks usually show it within two business days.`;
  const data = JSON.stringify({ payoutId: payout.id, period: payout.period, transferId: transfer.id });
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with moved as (
          update payouts set status = 'paid', stripe_transfer_id = ${transfer.id}, paid_at = ${at(now)}, lease_until = null,
                 failure_reason = null, updated_at = ${at(now)}
           where id = ${payout.id} and status = 'processing'
       returning creator_id
        )
        insert into notifications (user_id, type, title, body, link, data)
        select creator_id, 'payout', ${title}, ${body}, '/dashboard/payouts', ${data}::jsonb from moved
        returning id`,
  );
  return rows.length > 0;
}

/** A definite refusal: failed, journal reversed (the money is back in the balance), the creator told why. */
export async function failPayout(db: Db, payoutId: string, reason: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<Finished>(
      tx,
      sql`update payouts set status = 'failed', failure_reason = ${reason.slice(0, 500)}, failed_at = ${at(now)}, lease_until = null, updated_at = ${at(now)}
           where id = ${payoutId} and status = 'processing'
       returning creator_id, amount_cents::text, period, currency`,
    );
    if (!row) return false;
    await postPayoutReversal(tx, payoutId, row.creator_id, Number(row.amount_cents), row.currency, now);
    await notify(tx, {
      userId: row.creator_id,
      type: "payout",
      title: `Payout failed: ${formatPrice(Number(row.amount_cents), row.currency)} for ${periodLabel(row.period)}`,
      body: `Stripe refused the transfer: ${reason}. The money is back in your balance; check your payout account, and we try again at the next daily run.`,
      link: "/dashboard/payouts",
      data: { payoutId, period: row.period },
    });
    return true;
  });
}

/** Stripe said our balance is short: not the creator's problem. Held and retried later, journal reversed. */
export async function holdPayoutForPlatformBalance(db: Db, payoutId: string, now: Date, minPayoutCents: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<Finished & { attempts: number }>(
      tx,
      sql`update payouts set status = 'held', hold_reason = 'platform_balance_short', lease_until = null, updated_at = ${at(now)}
           where id = ${payoutId} and status = 'processing'
       returning creator_id, amount_cents::text, period, currency, attempts`,
    );
    if (!row) return false;
    await postPayoutReversal(tx, payoutId, row.creator_id, Number(row.amount_cents), row.currency, now);
    if (row.attempts <= 1) {
      await notify(tx, {
        userId: row.creator_id,
        type: "payout",
        title: `Payout delayed: ${formatPrice(Number(row.amount_cents), row.currency)} for ${periodLabel(row.period)}`,
        body: holdReasonText("platform_balance_short", minPayoutCents, row.currency),
        link: "/dashboard/payouts",
        data: { payoutId, period: row.period, holdReason: "platform_balance_short" },
      });
    }
    return true;
  });
}

export async function postPayoutReversal(tx: Db, payoutId: string, creatorId: string, amountCents: number, currency: string, now: Date) {
  const journalId = randomUUID();
  await tx.execute(sql`
    insert into ledger_entries (journal_id, account, amount_cents, currency, kind, payout_id, created_at)
    values (${journalId}, ${`creator:${creatorId}`}, ${amountCents}, ${currency}, 'payout_reversal', ${payoutId}, ${at(now)}),
           (${journalId}, 'payouts', ${-amountCents}, ${currency}, 'payout_reversal', ${payoutId}, ${at(now)})`);
}
