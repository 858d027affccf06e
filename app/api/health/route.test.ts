import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseDownSince } from "@/db/availability";
import { openDatabase, useDatabase } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { checkDatabase, LATEST_MIGRATION_MILLIS } from "@/lib/health";
import { GET } from "./route";

const get = () => GET(new Request("http://test.local/api/health"));

describe("GET /api/health", () => {
  it("answers 200 with the database ok and every migration of this build applied", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok", migrations: "current" });
  });

  it("answers 503 with migrations pending when the database is behind the code's journal", async () => {
    const db = testDatabase().db;
    await db.execute(sql`update drizzle.__drizzle_migrations set created_at = created_at - 1 where created_at = ${LATEST_MIGRATION_MILLIS}`);
    try {
      const res = await get();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "error", db: "ok", migrations: "pending" });
    } finally {
      await db.execute(sql`update drizzle.__drizzle_migrations set created_at = ${LATEST_MIGRATION_MILLIS} where created_at = ${LATEST_MIGRATION_MILLIS - 1}`);
    }
  });

  it("answers 503 with db down when the database cannot be reached", async () => {
    // Nothing listens on port 1: every query fails to connect.
    const unreachable = await openDatabase({ url: "postgres://postgres@127.0.0.1:1/agora", poolMax: 1 });
    useDatabase(unreachable);
    try {
      const res = await get();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "error", db: "down", migrations: "unknown" });
      // …and pages are answered 503 by the proxy from now on (db/availability).
      expect(databaseDownSince()).not.toBeNull();
    } finally {
      await unreachable.close();
      useDatabase(testDatabase());
    }
    // The next check that reaches it opens the gate again.
    expect((await get()).status).toBe(200);
    expect(databaseDownSince()).toBeNull();
  });

  it("does not close the pages' gate when the check only timed out (a busy pool is not an outage)", async () => {
    const real = testDatabase();
    // A database whose statements never answer: the check gives up after its timeout.
    useDatabase({ ...real, db: { execute: () => new Promise(() => {}) } as unknown as typeof real.db });
    try {
      expect(await checkDatabase(50)).toBe("down");
      expect(databaseDownSince()).toBeNull();
    } finally {
      useDatabase(real);
    }
  });
});
