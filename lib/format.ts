// How Agora writes money, byte sizes and dates for people: en-US, dates in UTC so the server and the browser
// print the same text. Safe in the browser (no server-only imports).

// Constructing an Intl formatter costs far more than formatting with one (a grid of cards formats dozens of prices per
// render), so each currency's formatter is built once and kept.
const moneyFormats = new Map<string, Intl.NumberFormat>();
function money(currency: string): Intl.NumberFormat {
  const code = currency.toUpperCase();
  let format = moneyFormats.get(code);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency: code });
    moneyFormats.set(code, format);
  }
  return format;
}

/**
 * A listing's price: "Free" at zero, else "$12.50". The SQL function agora_format_price (drizzle/0010) mirrors it
 * for text composed inside set-based statements; pricing.test.ts keeps the two equal.
 */
export function formatPrice(cents: number, currency = "usd"): string {
  if (cents === 0) return "Free";
  return money(currency).format(cents / 100);
}

/** An amount of money (balances, payouts, totals, refunds): "$0.00" at zero and "-$5.00" below. */
export function formatMoney(cents: number, currency = "usd"): string {
  return money(currency).format(cents / 100);
}

const BYTE_UNITS = ["KB", "MB", "GB", "TB"];
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** "512 bytes", "2 KB", "1.5 MB", "50 MB" (binary units, at most one decimal). */
/** A model's parameter count the way model cards say it: 7.2B, 350M, 12K, 800. */
export function formatParameterCount(count: number): string {
  const units: [number, string][] = [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"],
  ];
  for (const [size, unit] of units) if (count >= size) return `${oneDecimal.format(count / size)}${unit}`;
  return String(count);
}

/** "1 order", "1,234 orders": a count in words with its noun. */
export function formatCount(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

export function formatBytes(bytes: number): string {
  if (Math.abs(bytes) < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  let value = bytes / 1024;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${oneDecimal.format(value)} ${BYTE_UNITS[unit]}`;
}

type DateInput = Date | string | number | null | undefined;
const UTC = { timeZone: "UTC" } as const;
const dates = {
  date: new Intl.DateTimeFormat("en-US", { ...UTC, dateStyle: "medium" }),
  dateTime: new Intl.DateTimeFormat("en-US", { ...UTC, dateStyle: "medium", timeStyle: "short" }),
  longDate: new Intl.DateTimeFormat("en-US", { ...UTC, dateStyle: "long" }),
  month: new Intl.DateTimeFormat("en-US", { ...UTC, month: "long", year: "numeric" }),
  shortDate: new Intl.DateTimeFormat("en-US", { ...UTC, month: "short", day: "numeric" }),
};
const write = (format: Intl.DateTimeFormat, date: DateInput) => (date === null || date === undefined || date === "" ? "—" : format.format(new Date(date)));

/** "Nov 1, 2026"; "—" when there is no date. */
export const formatDate = (date: DateInput) => write(dates.date, date);
/** "Nov 1, 2026, 3:04 PM UTC" */
export const formatDateTime = (date: DateInput) => (date === null || date === undefined || date === "" ? "—" : `${write(dates.dateTime, date)} UTC`);
/** "November 1, 2026" (statements, letters). */
export const formatLongDate = (date: DateInput) => write(dates.longDate, date);
/** "November 2026" */
export const formatMonth = (date: DateInput) => write(dates.month, date);
/** "Nov 1" (charts and recent lists where the year is obvious). */
export const formatShortDate = (date: DateInput) => write(dates.shortDate, date);
/** "2026-11-01 15:04 UTC": sortable, for admin tables. */
export const formatTimestamp = (date: DateInput) =>
  date === null || date === undefined || date === "" ? "—" : `${new Date(date).toISOString().slice(0, 16).replace("T", " ")} UTC`;
