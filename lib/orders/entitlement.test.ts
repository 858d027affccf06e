import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getTableConfig, PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { orders, orderStatus } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { ENTITLING_STATUSES, entitledOrder, isEntitling } from "./entitlement";

const INDEX = "orders_one_entitlement_key";
const quoted = (text: string) => [...text.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort();
const expected = [...ENTITLING_STATUSES].sort();

describe("entitling statuses are written once", () => {
  it("paid and disputed orders entitle their buyer; pending, refunded, expired and failed ones do not", () => {
    expect(orderStatus.enumValues.filter(isEntitling)).toEqual(["paid", "disputed"]);
  });

  it("the schema's partial unique index covers exactly ENTITLING_STATUSES", () => {
    const index = getTableConfig(orders).indexes.find((i) => i.config.name === INDEX);
    expect(index?.config.where).toBeDefined();
    const where = new PgDialect().sqlToQuery(index!.config.where!).sql;
    expect(quoted(where)).toEqual(expected);
  });

  it("the last migration that creates the index covers exactly ENTITLING_STATUSES", () => {
    const dir = path.join(import.meta.dirname, "../../drizzle");
    const creates = readdirSync(dir)
      .filter((f) => f.endsWith(".sql"))
      .sort()
      .flatMap((f) => readFileSync(path.join(dir, f), "utf8").split("--> statement-breakpoint"))
      .filter((statement) => statement.includes(`CREATE UNIQUE INDEX "${INDEX}"`));
    expect(creates.length).toBeGreaterThan(0);
    expect(quoted(creates.at(-1)!.split(/\bWHERE\b/i)[1] ?? "")).toEqual(expected);
  });

  it("the migrated database's index and entitledOrder() agree with ENTITLING_STATUSES for every status", async () => {
    const { db } = testDatabase();
    const [index] = await queryRows<{ predicate: string }>(
      db,
      sql`select pg_get_expr(i.indpred, i.indrelid) as predicate from pg_index i where i.indexrelid = ${INDEX}::regclass`,
    );
    expect(quoted(index.predicate)).toEqual(expected);
    for (const status of orderStatus.enumValues) {
      const [row] = await queryRows<{ entitled: boolean }>(db, sql`select ${entitledOrder("o")} as entitled from (select ${status}::order_status as status) o`);
      expect(row.entitled, status).toBe(isEntitling(status));
    }
  });
});
