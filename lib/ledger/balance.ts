// Balances read from the ledger: an account's balance is the sum of its entries.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ledgerEntries } from "@/db/schema";
import { creatorAccount } from "./journal";

export async function accountBalance(db: Db, account: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountCents}), 0)` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.account, account));
  return Number(row?.total ?? 0);
}

export function creatorBalance(db: Db, creatorId: string): Promise<number> {
  return accountBalance(db, creatorAccount(creatorId));
}
