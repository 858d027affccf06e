// GET /account/data/export: a private JSON attachment for the signed-in person, 401 for anyone else.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { testDatabase } from "@/db/testing/setup";
import { makeUser } from "@/lib/testing/fixtures";
import { GET } from "./route";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.actor }));

describe("GET /account/data/export", () => {
  beforeEach(() => {
    session.actor = null;
  });

  it("answers the signed-in person's data as an uncached JSON attachment", async () => {
    session.actor = await makeUser(testDatabase().db);
    const res = await GET(new Request("http://localhost:3000/account/data/export"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="agora-data-\d{4}-\d{2}-\d{2}\.json"/);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect((await res.json()).profile.email).toBe(session.actor.email);
  });

  it("answers 401 to a signed-out visitor", async () => {
    const res = await GET(new Request("http://localhost:3000/account/data/export"));
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe("auth.unauthenticated");
  });
});
