import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { makeCreator, makeUser } from "@/lib/testing/fixtures";
import { payout } from "./testing/fixtures";
import { centsToDecimal, creatorPayoutsCsv, csvField, PAYOUT_CSV_HEADER, payoutsToCsv } from "./payout-export";

describe("payout CSV export", () => {
  it("writes cents as decimal amounts, negative ones with a sign", () => {
    expect(centsToDecimal(123456)).toBe("1234.56");
    expect(centsToDecimal(5)).toBe("0.05");
    expect(centsToDecimal(0)).toBe("0.00");
    expect(centsToDecimal(-250)).toBe("-2.50");
  });

  it("quotes fields with commas, quotes or line breaks (RFC 4180) and leaves plain ones bare", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
  });

  it("defuses text a spreadsheet would run as a formula, but not amounts", () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-2.50", "number")).toBe("-2.50");
  });

  it("has a header row and one CRLF-terminated line per payout", () => {
    const csv = payoutsToCsv([
      {
        id: "p1",
        period: "2026-10",
        amountCents: 4321,
        reversedCents: 0,
        currency: "usd",
        status: "paid",
        holdReason: null,
        stripeTransferId: "tr_local_abc",
        failureReason: null,
        paidAt: new Date("2026-11-01T06:03:04Z"),
        carriedIntoPeriod: null,
      },
      {
        id: "p2",
        period: "2026-09",
        amountCents: 1999,
        reversedCents: 0,
        currency: "usd",
        status: "failed",
        holdReason: null,
        stripeTransferId: null,
        failureReason: "The account is closed, please update it",
        paidAt: null,
        carriedIntoPeriod: null,
      },
    ]);
    expect(csv.split("\r\n")).toEqual([
      PAYOUT_CSV_HEADER.join(","),
      "2026-10,paid,43.21,0.00,USD,tr_local_abc,2026-11-01 06:03:04,,",
      '2026-09,failed,19.99,0.00,USD,,,,"The account is closed, please update it"',
      "",
    ]);
  });

  it("exports only the signed-in creator's payouts, named after their handle", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const other = await makeCreator(db);
    await payout(db, creator.id, {
      period: "2026-08",
      amountCents: 1500,
      status: "paid",
      stripeTransferId: "tr_local_mine",
      paidAt: new Date("2026-09-01T06:00:00Z"),
    });
    await payout(db, creator.id, { period: "2026-09", amountCents: 700, status: "held", holdReason: "below_minimum" });
    await payout(db, other.id, { period: "2026-08", amountCents: 9999, status: "paid", stripeTransferId: "tr_local_theirs" });

    const file = await creatorPayoutsCsv(db, creator, new Date("2026-10-02T00:00:00Z"));
    expect(file.filename).toBe(`agora-payouts-${creator.creatorHandle}-2026-10-02.csv`);
    const lines = file.body.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe("2026-09,held,7.00,0.00,USD,,,Below the payout minimum,");
    expect(lines[2]).toBe("2026-08,paid,15.00,0.00,USD,tr_local_mine,2026-09-01 06:00:00,,");
    expect(file.body).not.toContain("tr_local_theirs");
  });

  it("refuses visitors and buyers", async () => {
    const { db } = testDatabase();
    await expect(creatorPayoutsCsv(db, null)).rejects.toMatchObject({ code: "auth.unauthenticated" });
    await expect(creatorPayoutsCsv(db, await makeUser(db))).rejects.toMatchObject({ code: "auth.not_creator" });
  });
});
