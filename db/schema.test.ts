import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";

describe("migrations", () => {
  it("create every table the design names", async () => {
    const { db } = testDatabase();
    const rows = await queryRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const names = rows.map((r) => r.table_name);
    for (const table of [
      "users", "creator_profiles", "listings", "listing_versions", "images", "files", "orders", "ledger_entries",
      "payouts", "settlement_runs", "reviews", "reports", "audit_log", "stripe_events", "notifications", "api_keys", "test_attempts",
    ]) {
      expect(names).toContain(table);
    }
  });
});
