import "server-only";
// Sending a claimed payout and recording what Stripe answered (ARCHITECTURE.md, "Where money moves"). Each outcome is one transaction
// that only moves a payout that is still `processing`, so a late or repeated answer changes nothing.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { payoutSentMailsSql, queuePayoutMails } from "@/lib/email/payout-mails";
import { formatMoney } from "@/lib/format";
import { notify } from "@/lib/notifications/notifications";
import { TransferError, type PaymentsDriver, type TransferRecord } from "@/lib/payments/driver";
import { holdReasonText } from "./hold-reasons";
import { periodLabel } from "./periods";
import { at } from "./sql-time";
import { logger } from "@/lib/observability/logger";

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

export type TransferSent = { outcome: "sent"; payout: PayoutToSend; transfer: TransferRecord };

/**
 * Asks the provider for one claimed payout's transfer. A refusal or a hold is recorded here; a transfer that
 * was made comes back to be recorded as paid (alone by sendPayout, or with its batch by markPayoutsPaid).
 */
export async function requestTransfer(
  db: Db,
  driver: PaymentsDriver,
  payout: PayoutToSend,
  now: Date,
  minPayoutCents: number,
): Promise<TransferSent | { outcome: Exclude<SendOutcome, "paid"> }> {
  try {
    const transfer = await driver.createTransfer({
      payoutId: payout.id,
      amountCents: payout.amountCents,
      currency: payout.currency,
      destinationAccountId: payout.destinationAccountId,
      transferGroup: payout.period,
      idempotencyKey: payout.idempotencyKey,
    });
    return { outcome: "sent", payout, transfer };
  } catch (error) {
    const outcome = await recordTransferFailure(db, payout.id, error, now, minPayoutCents);
    return { outcome: outcome === "paid" ? "ambiguous" : outcome };
  }
}

/** Sends one claimed payout and records the answer. Never throws for a provider failure. */
export async function sendPayout(db: Db, driver: PaymentsDriver, payout: PayoutToSend, now: Date, minPayoutCents: number): Promise<SendOutcome> {
  const result = await requestTransfer(db, driver, payout, now, minPayoutCents);
  if (result.outcome !== "sent") return result.outcome;
  return (await markPayoutsPaid(db, [result], now)) === 1 ? "paid" : "ambiguous";
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
    logger.error({ event: "settlement.record_failed", payoutId, kind, err: recordError }, "could not record a payout's failure");
    return "ambiguous";
  }
  // Ambiguous (timeout, network, 5xx, key in use): the transfer may exist. Keep it processing; look later.
  await postponePayout(db, payoutId, message, now);
  return "ambiguous";
}

/** Leaves a payout processing for a later call to reconcile, noting what was unclear. */
export async function postponePayout(db: Db, payoutId: string, message: string, now: Date): Promise<void> {
  logger.warn({ event: "settlement.outcome_unknown", payoutId, reason: message }, "payout outcome unknown; a later call reconciles it");
  await db.execute(sql`
    update payouts set lease_until = ${at(new Date(now.getTime() + AMBIGUOUS_RETRY_DELAY_MS))}, failure_reason = ${`Unconfirmed: ${message.slice(0, 300)}`}, updated_at = ${at(now)}
     where id = ${payoutId} and status = 'processing'`);
}

/**
 * processing → paid with the transfer ids, and each creator told — one statement for a whole batch (the most
 * frequent write of a settlement), so a notification exists exactly when its payout moved. If recording fails,
 * the transfers exist and their payouts stay processing: a later call reconciles each to its transfer (same
 * key, or a lookup by transfer group), never a second one. Returns how many payouts moved.
 */
export async function markPayoutsPaid(db: Db, sent: Pick<TransferSent, "payout" | "transfer">[], now: Date): Promise<number> {
  if (sent.length === 0) return 0;
  const data = JSON.stringify(
    sent.map(({ payout, transfer }) => ({
      id: payout.id,
      transfer: transfer.id,
      title: `Payout sent: ${formatMoney(payout.amountCents, payout.currency)} for ${periodLabel(payout.period)}`,
      body: `Stripe transfer ${transfer.id} is on its way to your connected account; banks usually show it within two business days.`,
      data: { payoutId: payout.id, period: payout.period, transferId: transfer.id },
    })),
  );
  try {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`with v as (
            select * from jsonb_to_recordset(${data}::jsonb) as v(id uuid, transfer text, title text, body text, data jsonb)
          ),
          moved as (
            update payouts p set status = 'paid', stripe_transfer_id = v.transfer, paid_at = ${at(now)}, lease_until = null,
                   failure_reason = null, updated_at = ${at(now)}
              from v where p.id = v.id and p.status = 'processing'
            returning p.id, p.creator_id
          ), mailed as (${payoutSentMailsSql("moved")}
          )
          insert into notifications (user_id, type, title, body, link, data)
          select m.creator_id, 'payout', v.title, v.body, '/dashboard/payouts', v.data from moved m join v on v.id = m.id
          returning id`,
    );
    return rows.length;
  } catch (error) {
    logger.error(
      { event: "settlement.transfers_unrecorded", transfers: sent.length, err: error },
      "transfers made but not recorded; a later call reconciles them",
    );
    return 0;
  }
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
      title: `Payout failed: ${formatMoney(Number(row.amount_cents), row.currency)} for ${periodLabel(row.period)}`,
      body: `Stripe refused the transfer: ${reason}. The money is back in your balance; check your payout account, and we try again at the next daily run.`,
      link: "/dashboard/payouts",
      data: { payoutId, period: row.period },
    });
    await queuePayoutMails(tx, [
      { creatorId: row.creator_id, template: "payout_failed", period: row.period, amountCents: Number(row.amount_cents), currency: row.currency, reason },
    ]);
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
        title: `Payout delayed: ${formatMoney(Number(row.amount_cents), row.currency)} for ${periodLabel(row.period)}`,
        body: holdReasonText("platform_balance_short", minPayoutCents, row.currency),
        link: "/dashboard/payouts",
        data: { payoutId, period: row.period, holdReason: "platform_balance_short" },
      });
      const reason = holdReasonText("platform_balance_short", minPayoutCents, row.currency);
      await queuePayoutMails(tx, [
        { creatorId: row.creator_id, template: "payout_held", period: row.period, amountCents: Number(row.amount_cents), currency: row.currency, reason },
      ]);
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
