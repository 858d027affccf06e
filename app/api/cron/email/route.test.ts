// GET /api/cron/email — refused without the exact bearer token (and always while CRON_SECRET is unset); with it,
// the sweep runs and says what it did.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { queueEmail } from "@/lib/email/outbox";
import { mailEnvironment, outboxRows } from "@/lib/email/testing/fixtures";
import { reloadEnv } from "@/lib/env";
import { GET, POST } from "./route";

const URL = "http://localhost:3000/api/cron/email";
let smtp: Awaited<ReturnType<typeof mailEnvironment>>;

beforeAll(async () => {
  smtp = await mailEnvironment();
});
afterAll(() => smtp.done());

function withSecret(value: string | undefined) {
  if (value === undefined) delete process.env.CRON_SECRET;
  else process.env.CRON_SECRET = value;
  reloadEnv();
}
afterEach(() => withSecret(undefined));

describe("GET /api/cron/email", () => {
  it("refuses every call without the right bearer token and sends nothing", async () => {
    const db = testDatabase().db;
    await queueEmail(db, { template: "password_reset", to: "cron-refused@example.test", data: { url: "/reset?token=1" } });
    for (const secret of [undefined, "", "cron-token"]) {
      withSecret(secret);
      for (const header of [null, "Bearer ", "Bearer undefined", "Bearer wrong"]) {
        const res = await GET(new Request(URL, { headers: header === null ? {} : { authorization: header } }));
        expect(res.status).toBe(401);
      }
    }
    expect(smtp.mails).toHaveLength(0);
    expect(POST().status).toBe(405);
  });

  it("sweeps the outbox with the right token", async () => {
    withSecret("cron-token");
    const db = testDatabase().db;
    const res = await GET(new Request(URL, { headers: { authorization: "Bearer cron-token" } }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ sent: 1, failed: 0, digests: 0 });
    expect(smtp.mails.map((m) => m.envelopeTo[0])).toEqual(["cron-refused@example.test"]);
    expect((await outboxRows(db))[0].status).toBe("sent");
  });
});
