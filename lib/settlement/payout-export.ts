// The creator's payout history as a CSV file (RFC 4180: CRLF lines, quoted fields where needed, header row).
import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPayoutReader, creatorPayoutHistory, type CreatorPayout } from "./creator-payouts";
import { HOLD_REASON_TITLES } from "./hold-reasons";

export const PAYOUT_CSV_HEADER = [
  "Period",
  "Status",
  "Amount",
  "Reversed",
  "Currency",
  "Transfer ID",
  "Paid at (UTC)",
  "Hold reason",
  "Failure reason",
] as const;

/** Cents as a plain decimal amount: 123456 → "1234.56", −5 → "-0.05". */
export function centsToDecimal(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * One RFC 4180 field. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe; amounts are written by centsToDecimal and never pass through here as text.
 */
export function csvField(value: string | number | null | undefined, kind: "text" | "number" = "text"): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (kind === "text" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function payoutsToCsv(rows: readonly CreatorPayout[]): string {
  const lines = [PAYOUT_CSV_HEADER.map((h) => csvField(h)).join(",")];
  for (const p of rows) {
    lines.push(
      [
        csvField(p.period),
        csvField(p.status),
        csvField(centsToDecimal(p.amountCents), "number"),
        csvField(centsToDecimal(p.reversedCents), "number"),
        csvField(p.currency.toUpperCase()),
        csvField(p.stripeTransferId),
        csvField(p.paidAt ? p.paidAt.toISOString().slice(0, 19).replace("T", " ") : null),
        csvField(p.holdReason ? HOLD_REASON_TITLES[p.holdReason] : null),
        csvField(p.failureReason),
      ].join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The signed-in creator's whole payout history as a CSV download. */
export async function creatorPayoutsCsv(db: Db, actor: Actor | null, now = new Date()): Promise<{ filename: string; body: string }> {
  const creator = assertPayoutReader(actor);
  const rows = await creatorPayoutHistory(db, creator);
  return { filename: `agora-payouts-${creator.creatorHandle}-${now.toISOString().slice(0, 10)}.csv`, body: payoutsToCsv(rows) };
}
