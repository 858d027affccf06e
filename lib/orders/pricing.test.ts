// Prices read the same whether written by TypeScript (pages, receipts) or by SQL (the sale statement's notification).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { formatPrice } from "@/lib/format";
import { creatorSharePercent, splitPrice } from "./pricing";

describe("formatPrice and agora_format_price", () => {
  it("agree for every currency we sell in, across the price range", async () => {
    const { db } = testDatabase();
    const cents = [0, 1, 9, 10, 99, 100, 101, 499, 999, 1000, 1999, 12345, 99999, 100000, 123456789, -250];
    for (const currency of ["usd", "eur", "gbp"]) {
      const rows = await queryRows<{ text: string }>(
        db,
        sql`select agora_format_price(c, ${currency}) as text from unnest(${`{${cents.join(",")}}`}::bigint[]) with ordinality as t(c, n) order by n`,
      );
      expect(rows.map((r) => r.text)).toEqual(cents.map((c) => formatPrice(c, currency)));
    }
  });

  it("splits a price into fee and creator share that add up, rounding the fee down", () => {
    expect(splitPrice(1000, 2000)).toEqual({ priceCents: 1000, feeCents: 200, creatorShareCents: 800 });
    expect(splitPrice(999, 2000)).toEqual({ priceCents: 999, feeCents: 199, creatorShareCents: 800 });
    expect(splitPrice(0, 2000)).toEqual({ priceCents: 0, feeCents: 0, creatorShareCents: 0 });
  });
});

describe("creatorSharePercent", () => {
  it("states the creator's share for the configured fee", () => {
    expect(creatorSharePercent(2000)).toBe("80%");
    expect(creatorSharePercent(1750)).toBe("82.5%");
    expect(creatorSharePercent(0)).toBe("100%");
  });
});
