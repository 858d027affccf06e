// Per-file Vitest setup: every test file runs against its own fresh database.
import { afterAll, beforeAll, inject } from "vitest";
import { useDatabase, closeDatabase } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "./fresh-database";

let database: TestDatabase | undefined;

beforeAll(async () => {
  database = await createTestDatabase(inject("templateDatabase"));
  useDatabase(database);
}, 60_000);

afterAll(async () => {
  await closeDatabase().catch(() => {});
  await database?.drop().catch(() => {});
});

/** The current test file's database handle. */
export function testDatabase(): TestDatabase {
  if (!database) throw new Error("test database not ready");
  return database;
}
