// GET /api/cron/settle: refused without the exact bearer token (and always while CRON_SECRET is unset),
// 405 for other methods, a JSON summary when Vercel cron calls it.
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { reloadEnv } from "@/lib/env";
import { lastClosedPeriod, periodBounds } from "@/lib/settlement/periods";
import { expectSettlementInvariants, recordSale, sellingCreator } from "@/lib/settlement/testing/fixtures";
import { DELETE, GET, PATCH, POST, PUT } from "./route";

const URL = "http://localhost:3000/api/cron/settle";

function withSecret(value: string | undefined) {
  if (value === undefined) delete process.env.CRON_SECRET;
  else process.env.CRON_SECRET = value;
  reloadEnv();
}

async function rowsWritten() {
  const [row] = await queryRows<{ runs: number; payouts: number; entries: number }>(
    testDatabase().db,
    sql`select (select count(*) from settlement_runs)::int as runs, (select count(*) from payouts)::int as payouts, (select count(*) from ledger_entries)::int as entries`,
  );
  return row;
}

afterEach(() => withSecret(undefined));

describe("GET /api/cron/settle", () => {
  it("refuses every request while CRON_SECRET is unset or empty, whatever the header says, and writes nothing", async () => {
    const creator = await sellingCreator(testDatabase().db);
    await recordSale(testDatabase().db, creator, 5000, new Date(periodBounds(lastClosedPeriod(new Date())).start.getTime() + 86_400_000));
    const before = await rowsWritten();
    for (const secret of [undefined, "", "   "]) {
      withSecret(secret);
      for (const header of [null, "Bearer undefined", "Bearer ", "Bearer", "Bearer null", `Bearer ${secret ?? ""}`]) {
        const res = await GET(new Request(URL, { headers: header === null ? {} : { authorization: header } }));
        expect(res.status, `secret ${JSON.stringify(secret)} header ${JSON.stringify(header)}`).toBe(401);
        expect(await res.json()).toMatchObject({ error: "unauthorized" });
      }
    }
    expect(await rowsWritten()).toEqual(before);
  });

  it("refuses a missing or wrong token when the secret is set", async () => {
    withSecret("s3cret-cron-token");
    const before = await rowsWritten();
    for (const header of [null, "Bearer wrong", "bearer s3cret-cron-token", "s3cret-cron-token", "Bearer s3cret-cron-tokenX", "Basic s3cret-cron-token"]) {
      const res = await GET(new Request(URL, { headers: header === null ? {} : { authorization: header } }));
      expect(res.status, `header ${JSON.stringify(header)}`).toBe(401);
    }
    expect(await rowsWritten()).toEqual(before);
  });

  it("answers 405 to every other method, even with the right token, and writes nothing", async () => {
    withSecret("s3cret-cron-token");
    const before = await rowsWritten();
    for (const handler of [POST, PUT, PATCH, DELETE]) {
      const res = handler();
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET");
    }
    expect(await rowsWritten()).toEqual(before);
  });

  it("settles the last closed month with the right token and says what it did", async () => {
    withSecret("s3cret-cron-token");
    const db = testDatabase().db;
    const creator = await sellingCreator(db);
    const period = lastClosedPeriod(new Date());
    await recordSale(db, creator, 4000, new Date(periodBounds(period).start.getTime() + 3_600_000));
    const res = await GET(new Request(URL, { headers: { authorization: "Bearer s3cret-cron-token" } }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ period, status: "completed", timedOut: false, run: { remaining: 0 } });
    expect(body.call.paid).toBeGreaterThanOrEqual(1);
    expect(body.run.considered).toBe(body.run.paid + Object.values(body.run.held as Record<string, number>).reduce((a, b) => a + b, 0) + body.run.failed);
    // A duplicated cron delivery: nothing more is paid.
    const again = await (await GET(new Request(URL, { headers: { authorization: "Bearer s3cret-cron-token" } }))).json();
    expect(again.call).toMatchObject({ claimed: 0, paid: 0, paidCents: 0 });
    await expectSettlementInvariants(db);
  });
});
