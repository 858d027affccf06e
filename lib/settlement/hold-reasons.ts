// Why a creator was not paid this time, in words the creator sees (ARCHITECTURE.md, "Where money moves").
import type { PayoutHoldReason } from "@/db/schema";
import { formatMoney } from "@/lib/format";

export const HOLD_REASON_TITLES: Record<PayoutHoldReason, string> = {
  below_minimum: "Below the payout minimum",
  onboarding_incomplete: "Payout account not set up",
  account_restricted: "Payout account restricted",
  negative_balance: "Balance negative after refunds",
  platform_balance_short: "Delayed on our side",
};

/** A sentence for the creator: what happened and what happens next. */
export function holdReasonText(reason: PayoutHoldReason, minPayoutCents: number, currency = "usd"): string {
  switch (reason) {
    case "below_minimum":
      return `Your payable balance is under the ${formatMoney(minPayoutCents, currency)} minimum. It carries over and is paid once it reaches the minimum.`;
    case "onboarding_incomplete":
      return "Connect a Stripe account and finish onboarding to receive this payout. We pay it at the next daily run after you finish.";
    case "account_restricted":
      return "Stripe has restricted transfers to your account until it has more information. Update your details in Stripe; we pay at the next daily run after transfers are active again.";
    case "negative_balance":
      return "Refunds after your last payout took your balance below zero. New sales net it off first; nothing is owed back.";
    case "platform_balance_short":
      return "Our Stripe balance was briefly too low to send this payout. Nothing is needed from you: we retry at the next daily run.";
  }
}
