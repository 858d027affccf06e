import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ledgerEntries, orders } from "@/db/schema";
import { makeCreator, makeListing, makeUser, orderValues } from "@/lib/testing/fixtures";
import { testDatabase } from "@/db/testing/setup";
import { ledgerInvariantViolations } from "@/lib/ledger/invariants";
import { saleLines } from "@/lib/ledger/journal";
import { fulfilOrder } from "./fulfil";

describe("the one-statement sale", () => {
  it("books exactly saleLines of the order for any listing price and fee rate, and the ledger's invariants hold", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db, { payoutAccount: "active" });
    const byAccount = (a: { account: string }, b: { account: string }) => a.account.localeCompare(b.account);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 10_000 }), async (price, feeBps) => {
        const buyer = await makeUser(db);
        const listing = await makeListing(db, creator, { priceCents: price });
        const [pending] = await db
          .insert(orders)
          .values({ ...orderValues(buyer.id, listing, price, feeBps), status: "pending" })
          .returning();
        const result = await db.transaction((tx) => fulfilOrder(tx, { orderId: pending.id }));
        expect(result.outcome).toBe("fulfilled");
        const booked = await db.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, pending.id));
        expect(booked.every((e) => e.kind === "sale" && e.journalId === booked[0].journalId)).toBe(true);
        expect(booked.map((e) => ({ account: e.account, amountCents: Number(e.amountCents) })).sort(byAccount)).toEqual(saleLines(pending).sort(byAccount));
      }),
      {
        numRuns: 40,
        examples: [
          [0, 2000],
          [1, 2000],
          [999, 2000],
          [1000, 10_000],
          [1000, 0],
        ],
      },
    );
    expect(await ledgerInvariantViolations(db)).toEqual([]);
  });
});
