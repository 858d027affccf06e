import { describe, expect, it } from "vitest";
import { openDatabase, useDatabase } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("answers 200 with the database ok", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 with db down when the database cannot be reached", async () => {
    // Nothing listens on port 1: every query fails to connect.
    const unreachable = await openDatabase({ url: "postgres://postgres@127.0.0.1:1/agora", poolMax: 1 });
    useDatabase(unreachable);
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "error", db: "down" });
    } finally {
      await unreachable.close();
      useDatabase(testDatabase());
    }
  });
});
