// Settlement periods are closed calendar months in UTC, named YYYY-MM (ARCHITECTURE.md, "Where money moves").
import { DomainError } from "@/lib/errors";
import { formatMonth } from "@/lib/format";

export const PERIOD_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/** [start, end) of a period in UTC. */
export function periodBounds(period: string): { start: Date; end: Date } {
  if (!PERIOD_PATTERN.test(period)) throw new DomainError("settlement.bad_period");
  const [year, month] = period.split("-").map(Number);
  return { start: new Date(Date.UTC(year, month - 1, 1)), end: new Date(Date.UTC(year, month, 1)) };
}

export function periodOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The last calendar month that has closed at `now`: on any day of November, October. */
export function lastClosedPeriod(now: Date): string {
  return periodOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
}

export function isClosedPeriod(period: string, now: Date): boolean {
  return periodBounds(period).end.getTime() <= now.getTime();
}

/** The period before `period`. */
export function previousPeriod(period: string): string {
  const { start } = periodBounds(period);
  return periodOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 1, 1)));
}

/** When the next monthly settlement starts: the daily cron (06:00 UTC) on the 1st of next month. */
export function nextSettlementDate(now: Date): Date {
  const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 6));
  return now.getTime() < thisMonth.getTime() ? thisMonth : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 6));
}

/** "October 2026" */
export function periodLabel(period: string): string {
  return formatMonth(periodBounds(period).start);
}
