// What counts as "the database can't be reached", and the gate the proxy asks before rendering a page.
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  databaseAvailable,
  databaseDownSince,
  isDatabaseConnectionFailure,
  noteDatabaseReachable,
  noteDatabaseUnreachable,
  PROBE_INTERVAL_MS,
  registerDatabaseProbe,
} from "./availability";
import { openDatabase } from "./client";
import { testDatabase } from "./testing/setup";

afterEach(() => {
  noteDatabaseReachable();
  registerDatabaseProbe(null);
});

/** What a statement threw, or a failure of the test when it did not throw. */
async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("expected the statement to fail");
}

describe("isDatabaseConnectionFailure", () => {
  it("recognises a statement that could not connect, as drizzle throws it (the driver's error as its cause)", async () => {
    // Nothing listens on port 1.
    const unreachable = await openDatabase({ url: "postgres://postgres@127.0.0.1:1/agora", poolMax: 1 });
    try {
      const error = await thrown(unreachable.db.execute(sql`select 1`));
      expect(isDatabaseConnectionFailure(error)).toBe(true);
    } finally {
      await unreachable.close();
    }
  });

  it("does not mistake a statement the database refused for an outage", async () => {
    const { db } = testDatabase();
    expect(isDatabaseConnectionFailure(await thrown(db.execute(sql`select * from no_such_table`)))).toBe(false);
    expect(isDatabaseConnectionFailure(await thrown(db.execute(sql`select 1/0`)))).toBe(false);
  });

  it.each([
    ["postgres-js lost the connection", { code: "CONNECTION_CLOSED" }],
    ["postgres-js gave up connecting", { code: "CONNECT_TIMEOUT" }],
    ["the server is shutting down (57P01)", { code: "57P01" }],
    ["the server is starting up (57P03)", { code: "57P03" }],
    ["a connection exception (08006)", { code: "08006" }],
    ["a refused socket inside Node's AggregateError", new AggregateError([Object.assign(new Error("connect"), { code: "ECONNREFUSED" })], "connect")],
    [
      "a reset socket two causes deep",
      new Error("query failed", { cause: new Error("send", { cause: Object.assign(new Error("write"), { code: "ECONNRESET" }) }) }),
    ],
  ])("counts %s as a connection failure", (_, error) => {
    expect(isDatabaseConnectionFailure(error)).toBe(true);
  });

  it.each([
    ["a unique violation", { code: "23505" }],
    ["a serialization failure", { code: "40001" }],
    ["a plain error", new Error("boom")],
    ["a domain error's shape", Object.assign(new Error("You don't have access to this."), { code: "auth.forbidden", status: 403 })],
    ["a string", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("does not count %s", (_, error) => {
    expect(isDatabaseConnectionFailure(error)).toBe(false);
  });
});

describe("databaseAvailable", () => {
  it("answers yes without probing while nothing has failed", async () => {
    const probe = vi.fn(async () => true);
    registerDatabaseProbe(probe);
    expect(await databaseAvailable()).toBe(true);
    expect(probe).not.toHaveBeenCalled();
  });

  it("while down: one probe a second, every other caller refused at once, and no second probe before the interval", async () => {
    let finish: (up: boolean) => void = () => {};
    const probe = vi.fn(() => new Promise<boolean>((resolve) => (finish = resolve)));
    registerDatabaseProbe(probe);
    const t0 = 1_000_000;
    expect(noteDatabaseUnreachable(t0)).toBe(true);
    expect(noteDatabaseUnreachable(t0 + 10)).toBe(false);

    // Within the interval after the failure: refused, no probe.
    expect(await databaseAvailable(t0 + PROBE_INTERVAL_MS - 1)).toBe(false);
    expect(probe).not.toHaveBeenCalled();

    // The first caller after it probes; callers meanwhile are refused without a second probe.
    const probing = databaseAvailable(t0 + PROBE_INTERVAL_MS);
    const meanwhile = await Promise.all([databaseAvailable(t0 + PROBE_INTERVAL_MS + 5), databaseAvailable(t0 + 3 * PROBE_INTERVAL_MS)]);
    expect(meanwhile).toEqual([false, false]);
    finish(false);
    expect(await probing).toBe(false);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(databaseDownSince()).toBe(t0);

    // A probe that throws counts as "still down".
    probe.mockImplementationOnce(() => Promise.reject(new Error("probe crashed")));
    expect(await databaseAvailable(t0 + 2 * PROBE_INTERVAL_MS)).toBe(false);
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it("marks the database up again as soon as a probe succeeds", async () => {
    const probe = vi.fn(async () => true);
    registerDatabaseProbe(probe);
    noteDatabaseUnreachable(Date.now() - 2 * PROBE_INTERVAL_MS);
    expect(await databaseAvailable()).toBe(true);
    expect(databaseDownSince()).toBeNull();
    expect(await databaseAvailable()).toBe(true);
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it("never closes without a probe to reopen it (a process where instrumentation did not run)", async () => {
    noteDatabaseUnreachable(Date.now() - 2 * PROBE_INTERVAL_MS);
    expect(await databaseAvailable()).toBe(true);
  });
});
