// Money and dates on payout pages. Amounts go through formatPrice, except zero: a balance of $0.00 is not "Free".
import { formatPrice } from "@/lib/orders/pricing";

export function formatAmount(cents: number, currency = "usd"): string {
  if (cents === 0) return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(0);
  return formatPrice(cents, currency);
}

/** "Nov 1, 2026" in UTC, so server and browser print the same day. */
export function formatDay(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return new Date(date).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
}

/** "December 1, 2026" */
export function formatLongDay(date: Date): string {
  return date.toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" });
}
