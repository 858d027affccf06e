import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { ledgerEntries } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { splitPrice } from "@/lib/orders/pricing";
import { creatorAccount, journalBalance, postJournal, reverseLines, saleLines, saleLinesSql } from "./journal";

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
      postJournal(db, {
        kind: "adjustment",
        lines: [
          { account: "platform", amountCents: 5 },
          { account: "buyers", amountCents: -4 },
        ],
      }),
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

describe("sale lines in SQL", () => {
  const byAccount = (a: { account: string }, b: { account: string }) => a.account.localeCompare(b.account);

  it("saleLinesSql books the same lines as saleLines for any price and fee rate", async () => {
    const { db } = testDatabase();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 10_000 }), fc.uuid(), async (price, feeBps, creator) => {
        const split = splitPrice(price, feeBps);
        const rows = await queryRows<{ account: string; amount: string }>(
          db,
          sql`select v.account, v.amount::text as amount
                from (select ${creator}::uuid as creator_id, ${split.priceCents}::bigint as price_cents,
                             ${split.feeCents}::bigint as fee_cents, ${split.creatorShareCents}::bigint as creator_share_cents) m
                cross join lateral ${saleLinesSql("m")} as v`,
        );
        const fromSql = rows.map((r) => ({ account: r.account, amountCents: Number(r.amount) }));
        expect(fromSql.sort(byAccount)).toEqual(saleLines({ creatorId: creator, ...split }).sort(byAccount));
      }),
      {
        numRuns: 300,
        examples: [
          [0, 2000, creatorId],
          [1, 2000, creatorId],
          [999, 10_000, creatorId],
          [1000, 0, creatorId],
        ],
      },
    );
  });
});
