// The database client under a saturated pool: every transaction keeps its own connection from BEGIN to COMMIT.
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { queryRows } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";

describe("transactions on a busy pool", () => {
  it("all succeed and each runs on one connection of its own while thousands of statements are pipelined around them", async () => {
    const { db } = testDatabase();
    // postgres-js 3.4.9 could send BEGIN as the statement that filled a busy connection's pipeline without reserving
    // that connection (porsager/postgres#1189): UNSAFE_TRANSACTION, and other statements then ran inside the transaction.
    const plain: Promise<{ in_tx: boolean }[]>[] = [];
    const transactions: Promise<{ first: { id: string; pid: number }; second: { id: string; pid: number } }>[] = [];
    for (let i = 0; i < 4000; i++) {
      plain.push(queryRows<{ in_tx: boolean }>(db, sql`select txid_current_if_assigned() is not null as in_tx`));
      if (i % 37 === 0) {
        transactions.push(
          db.transaction(async (tx) => {
            const [first] = await queryRows<{ id: string; pid: number }>(tx, sql`select txid_current()::text as id, pg_backend_pid() as pid`);
            const [second] = await queryRows<{ id: string; pid: number }>(tx, sql`select txid_current()::text as id, pg_backend_pid() as pid`);
            return { first, second };
          }),
        );
      }
    }
    const [outside, inside] = await Promise.all([Promise.all(plain), Promise.all(transactions)]);
    for (const { first, second } of inside) expect(second).toEqual(first);
    expect(new Set(inside.map((t) => t.first.id)).size).toBe(transactions.length);
    // Every transaction took a transaction id; a statement that ran inside one of them would see it assigned.
    expect(outside.filter(([row]) => row.in_tx === true)).toHaveLength(0);
  });
});

describe("nested transactions", () => {
  it("roll back only the inner part when it fails, and the outer part commits", async () => {
    const { db } = testDatabase();
    const key = `nested:${crypto.randomUUID()}`;
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into rate_limits (key, count, reset_at) values (${`${key}:outer`}, 1, now() + interval '1 minute')`);
      await expect(
        tx.transaction(async (inner) => {
          await inner.execute(sql`insert into rate_limits (key, count, reset_at) values (${`${key}:inner`}, 1, now() + interval '1 minute')`);
          throw new Error("inner part failed");
        }),
      ).rejects.toThrow("inner part failed");
    });
    const rows = await queryRows<{ key: string }>(db, sql`select key from rate_limits where key like ${`${key}:%`} order by key`);
    expect(rows.map((r) => r.key)).toEqual([`${key}:outer`]);
  });
});

describe("one client shared by every copy of this module", () => {
  it("finds the catalog pool from a second copy of db/client, as another chunk of a production build would", async () => {
    const handle = testDatabase();
    const { catalogClientFor: here, getDb: hereGetDb } = await import("@/db/client");
    // A production build bundles db/client into several chunks (route handlers, pages, the proxy), each a module
    // instance of its own that shares the one client on globalThis: a fresh import after resetModules is such a copy.
    vi.resetModules();
    const other = await import("@/db/client");
    expect(other.catalogClientFor).not.toBe(here);
    expect(await other.getDb()).toBe(await hereGetDb());
    const pool = here(handle.db);
    expect(other.catalogClientFor(handle.db)).toBe(pool);
    if (handle.driver === "postgres") {
      expect(pool).not.toBeNull();
      // The catalog pool's sessions start under the catalog plan settings: no transaction needed around its reads.
      const [row] = await queryRows<{ seqscan: string }>(pool!, sql`select current_setting('enable_seqscan') as seqscan`);
      expect(row.seqscan).toBe("off");
    } else {
      expect(pool).toBeNull();
    }
  });
});

describe("connections one server process may open", () => {
  it("counts the catalog pool on a direct connection, and only the main pool behind a transaction pooler or on PGlite", async () => {
    const { connectionsPerProcess } = await import("@/db/client");
    expect(connectionsPerProcess("postgres://u@db.example.com:5432/agora", 4, false)).toBe(6);
    expect(connectionsPerProcess("postgres://u@db.example.com:5432/agora", 10, false)).toBe(15);
    expect(connectionsPerProcess("postgres://u@db.example.com:5432/agora", 1, false)).toBe(3);
    expect(connectionsPerProcess("postgres://u@ep-x-pooler.us-east-2.aws.neon.tech/agora", 4, false)).toBe(4);
    expect(connectionsPerProcess("postgres://u@db.example.com:6543/agora?pgbouncer=true", 2, false)).toBe(2);
    expect(connectionsPerProcess(undefined, 4, false)).toBe(4);
  });

  it("counts one more for the cache handler's shared tags wherever a database URL is set off Vercel", async () => {
    const { connectionsPerProcess } = await import("@/db/client");
    expect(connectionsPerProcess("postgres://u@db.example.com:5432/agora", 4, true)).toBe(7);
    expect(connectionsPerProcess("postgres://u@ep-x-pooler.us-east-2.aws.neon.tech/agora", 4, true)).toBe(5);
    expect(connectionsPerProcess(undefined, 4, true)).toBe(4);
  });
});
