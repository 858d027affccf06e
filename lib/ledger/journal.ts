// Double-entry journals (ARCHITECTURE.md, "Where money moves"): every journal sums to zero; entries are only ever appended.
import "server-only";
import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { ledgerEntries } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";

export type LedgerAccount = "buyers" | "platform" | "payouts" | `creator:${string}`;

export type JournalLine = { account: LedgerAccount; amountCents: number };

export type JournalKind = "sale" | "refund" | "payout" | "payout_reversal" | "adjustment";

export function creatorAccount(creatorId: string): LedgerAccount {
  return `creator:${creatorId}`;
}

/** Sum of a journal's lines; a journal may be posted only when this is zero. */
export function journalBalance(lines: readonly JournalLine[]): number {
  return lines.reduce((sum, line) => sum + line.amountCents, 0);
}

/** Lines of a sale: buyers pay the price, the creator is owed their share, the platform keeps the fee. */
export function saleLines(order: { creatorId: string; priceCents: number; feeCents: number; creatorShareCents: number }): JournalLine[] {
  return [
    { account: "buyers", amountCents: -order.priceCents },
    { account: creatorAccount(order.creatorId), amountCents: order.creatorShareCents },
    { account: "platform", amountCents: order.feeCents },
  ].filter((line) => line.amountCents !== 0) as JournalLine[];
}

/**
 * saleLines for set-based statements (the one-statement sale in lib/orders/fulfil.ts): the same non-zero lines as
 * rows `(account, amount)` of a lateral subquery over an order row alias with price_cents, creator_id,
 * creator_share_cents and fee_cents. journal.test.ts proves it equal to saleLines for many prices and fee rates.
 */
export function saleLinesSql(order: string): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(order)) throw new RangeError(`not a table alias: ${order}`);
  return sql.raw(
    `(select l.account, l.amount from (values ('buyers', -${order}.price_cents::bigint), ` +
      `('${creatorAccount("")}' || ${order}.creator_id, ${order}.creator_share_cents::bigint), ` +
      `('platform', ${order}.fee_cents::bigint)) as l(account, amount) where l.amount <> 0)`,
  );
}

/** The exact reverse of a set of lines (full refunds, failed payouts). */
export function reverseLines(lines: readonly JournalLine[]): JournalLine[] {
  return lines.map((line) => ({ account: line.account, amountCents: -line.amountCents }));
}

/**
 * Appends one balanced journal. Call inside the transaction that makes the change it records;
 * the database re-checks the balance when that transaction commits.
 */
export async function postJournal(
  db: Db,
  journal: { kind: JournalKind; lines: readonly JournalLine[]; orderId?: string; payoutId?: string; currency?: string; journalId?: string; createdAt?: Date },
): Promise<string> {
  const lines = journal.lines.filter((line) => line.amountCents !== 0);
  if (lines.length === 0) return journal.journalId ?? randomUUID();
  if (lines.some((line) => !Number.isSafeInteger(line.amountCents))) throw new DomainError("ledger.not_integer_cents");
  if (journalBalance(lines) !== 0) throw new DomainError("ledger.unbalanced");
  const journalId = journal.journalId ?? randomUUID();
  await db.insert(ledgerEntries).values(
    lines.map((line) => ({
      journalId,
      account: line.account,
      amountCents: line.amountCents,
      currency: journal.currency ?? "usd",
      kind: journal.kind,
      orderId: journal.orderId ?? null,
      payoutId: journal.payoutId ?? null,
      ...(journal.createdAt ? { createdAt: journal.createdAt } : {}),
    })),
  );
  return journalId;
}
