"use server";
// Admin settlement actions: run or continue a closed month, retry one failed or held payout.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { paymentsDriver } from "@/lib/payments/driver";
import { HOLD_REASON_TITLES } from "@/lib/settlement/hold-reasons";
import { periodLabel } from "@/lib/settlement/periods";
import { retryPayoutAsAdmin, retryPayoutSchema, settlePeriodAsAdmin, settlePeriodSchema, type SettlementSummary } from "@/lib/settlement/settle";
import { formatMoney } from "@/lib/format";
import { validatedAction } from "@/lib/validated-action";

function count(n: number, one: string, many = `${one}s`) {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** What the admin reads after a run: this call's work, then where the whole month stands. */
function describeRun(s: SettlementSummary): string {
  const held = Object.entries(s.run.held) as [keyof typeof HOLD_REASON_TITLES, number][];
  const heldTotal = held.reduce((sum, [, n]) => sum + n, 0);
  const heldWhy = held.length ? ` (${held.map(([reason, n]) => `${n} ${HOLD_REASON_TITLES[reason].toLowerCase()}`).join(", ")})` : "";
  const parts = [
    `${periodLabel(s.period)}: this call paid ${count(s.call.paid + s.call.reconciled, "creator")} ${formatMoney(s.call.paidCents)}.`,
    `In total ${count(s.run.paid, "creator")} paid ${formatMoney(s.run.paidCents)}, ${heldTotal} held${heldWhy}, ${s.run.failed} failed.`,
    s.status === "completed"
      ? "The run is complete."
      : `${count(s.run.remaining, "creator")} remain${s.run.remaining === 1 ? "s" : ""}: run it again to continue.`,
  ];
  return parts.join(" ");
}

export const runSettlementAction = validatedAction(settlePeriodSchema, async ({ period }) => {
  const summary = await settlePeriodAsAdmin(await getDb(), await paymentsDriver(), await getCurrentUser(), { period });
  revalidatePath("/admin/settlements");
  revalidatePath(`/admin/settlements/${period}`);
  return { ok: true, message: describeRun(summary) };
});

export const retryPayoutAction = validatedAction(retryPayoutSchema, async ({ payoutId }) => {
  const result = await retryPayoutAsAdmin(await getDb(), await paymentsDriver(), await getCurrentUser(), { payoutId });
  revalidatePath("/admin/settlements", "layout");
  return result.status === "failed" ? { error: result.message } : { ok: true, message: result.message };
});
