import "server-only";
// A paid transfer that Stripe reverses (ARCHITECTURE.md, "Where money moves"): the reversed part goes back into the creator's balance
// (payout journal reversed for that amount) and is paid again by a later settlement; the creator is told.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { formatMoney } from "@/lib/format";
import { notify } from "@/lib/notifications/notifications";
import { periodLabel } from "./periods";
import { postPayoutReversal } from "./transfer";
import { at } from "./sql-time";

/**
 * Books a transfer reversal up to `amountReversedCents` in total (Stripe's cumulative `amount_reversed`),
 * so a redelivered or out-of-order event books only what is new. Returns what it did.
 */
export async function reverseTransfer(
  tx: Db,
  // Matched by transfer id only: a transfer we never recorded against a payout is not ours to book.
  input: { transferId: string; amountReversedCents: number },
  now = new Date(),
): Promise<"reversed" | "partially_reversed" | "already" | "unknown transfer"> {
  const [payout] = await queryRows<{
    id: string;
    creator_id: string;
    amount_cents: string;
    reversed_cents: string;
    currency: string;
    period: string;
    status: string;
  }>(
    tx,
    sql`select id, creator_id, amount_cents::text, reversed_cents::text, currency, period, status from payouts
         where stripe_transfer_id = ${input.transferId}
         for update`,
  );
  if (!payout || (payout.status !== "paid" && payout.status !== "reversed")) return "unknown transfer";
  const amount = Number(payout.amount_cents);
  const target = Math.min(Math.max(input.amountReversedCents, 0), amount);
  const delta = target - Number(payout.reversed_cents);
  if (delta <= 0) return "already";
  const fully = target === amount;
  await tx.execute(sql`
    update payouts set reversed_cents = ${target}, status = ${fully ? "reversed" : "paid"}, updated_at = ${at(now)} where id = ${payout.id}`);
  await postPayoutReversal(tx, payout.id, payout.creator_id, delta, payout.currency, now);
  await notify(tx, {
    userId: payout.creator_id,
    type: "payout",
    title: `Payout reversed: ${formatMoney(delta, payout.currency)} of ${periodLabel(payout.period)}`,
    body: "Stripe reversed this transfer, so the money is back in your Agora balance. It is paid again with your next settlement once your payout account can receive it.",
    link: "/dashboard/payouts",
    data: { payoutId: payout.id, period: payout.period, reversedCents: delta },
  });
  return fully ? "reversed" : "partially_reversed";
}
