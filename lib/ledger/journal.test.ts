import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ledgerEntries } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { splitPrice } from "@/lib/orders/pricing";
import { creatorAccount, journalBalance, postJournal, reverseLines, saleLines } from "./journal";

const creatorId = "00000000-0000-4000-8000-000000000001";

describe("journals", () => {
  it("a sale of 10.00 at 20% books buyers −1000, creator +800, platform +200", () => {
    const split = splitPrice(1000, 2000);
    expect(split).toEqual({ priceCents: 1000, feeCents: 200, creatorShareCents: 800 });
    const lines = saleLines({ creatorId, ...split });
    expect(lines).toEqual([
      { account: "buyers", amountCents: -1000 },
      { account: creatorAccount(creatorId), amountCents: 800 },
      { account: "platform", amountCents: 200 },
    ]);
    expect(journalBalance(lines)).toBe(0);
  });

  it("rounds the fee down so the creator keeps the odd cent", () => {
    expect(splitPrice(999, 2000)).toEqual({ priceCents: 999, feeCents: 199, creatorShareCents: 800 });
    expect(splitPrice(1, 2000)).toEqual({ priceCents: 1, feeCents: 0, creatorShareCents: 1 });
  });

  it("a full refund is the exact reverse of the sale", () => {
    const sale = saleLines({ creatorId, ...splitPrice(1499, 2000) });
    const refund = reverseLines(sale);
    expect(journalBalance([...sale, ...refund])).toBe(0);
    expect(refund.map((l) => l.amountCents)).toEqual(sale.map((l) => -l.amountCents));
  });

  it("refuses to post an unbalanced journal before it reaches the database", async () => {
    const { db } = testDatabase();
    await expect(
      postJournal(db, { kind: "adjustment", lines: [{ account: "platform", amountCents: 5 }, { account: "buyers", amountCents: -4 }] }),
    ).rejects.toMatchObject({ code: "ledger.unbalanced" });
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(ledgerEntries);
    expect(row.n).toBe(0);
  });

  it("posts a balanced journal as one group of entries", async () => {
    const { db } = testDatabase();
    const journalId = await postJournal(db, { kind: "sale", lines: saleLines({ creatorId, ...splitPrice(2500, 2000) }) });
    const rows = await db.select().from(ledgerEntries).where(eq(ledgerEntries.journalId, journalId));
    expect(rows).toHaveLength(3);
    expect(rows.reduce((s, r) => s + Number(r.amountCents), 0)).toBe(0);
  });
});
