import { describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { changeUserStatus } from "@/lib/admin/user-access";
import { makeAdmin, makeCreator, makeUser } from "@/lib/testing/fixtures";
import { GET } from "./route";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.actor }));

const get = (query = "") => GET(new Request(`http://localhost/admin/audit/export${query}`));

describe("GET /admin/audit/export", () => {
  it("answers the filtered entries as a CSV attachment to an admin", async () => {
    const { db } = testDatabase();
    const admin = await makeAdmin(db);
    const person = await makeUser(db, { email: "=cmd@example.test" });
    await changeUserStatus(db, admin, { userId: person.id, status: "suspended", reason: "Spam, again" });
    session.actor = admin;
    const res = await get(`?action=user.suspend&targetType=user&targetId=${person.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="agora-audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await res.text()).split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,${admin.email},${admin.id},user.suspend,user,${person.id},`);
    expect(lines[1]).toContain(`""reason"":""Spam, again""`);
    // The target's email in the details starts with "=": inside JSON it is not a cell of its own, and the cell starts with "{".
    expect(lines[1]).not.toMatch(/,=/);
  });

  it("refuses bad filters with a 400 naming the problem", async () => {
    const { db } = testDatabase();
    session.actor = await makeAdmin(db);
    const res = await get("?from=yesterday");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "input.invalid", message: "From must be a date like 2026-11-30." });
  });

  it("refuses anonymous callers (401), buyers and creators (403)", async () => {
    const { db } = testDatabase();
    session.actor = null;
    expect((await get()).status).toBe(401);
    session.actor = await makeUser(db);
    expect((await get()).status).toBe(403);
    session.actor = await makeCreator(db);
    expect((await get()).status).toBe(403);
  });
});
