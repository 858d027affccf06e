import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { makeAdmin, makeCreator, makeUser } from "@/lib/testing/fixtures";
import { changeUserRoleAction, changeUserStatusAction } from "./actions";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const statusOf = async (id: string) => (await testDatabase().db.select({ status: users.status }).from(users).where(eq(users.id, id)))[0].status;

describe("admin account actions (forms)", () => {
  it("ban: answers what happened, and the account is banned", async () => {
    const { db } = testDatabase();
    session.actor = await makeAdmin(db);
    const person = await makeUser(db, { name: "Mallory" });
    const state = await changeUserStatusAction({}, form({ userId: person.id, status: "banned", reason: "Fraud" }));
    expect(state).toEqual({ ok: true, message: "Mallory was banned and signed out everywhere. They have been notified." });
    expect(await statusOf(person.id)).toBe("banned");
  });

  it("a missing reason is a form error on the reason field, keeping what was typed", async () => {
    const { db } = testDatabase();
    session.actor = await makeAdmin(db);
    const person = await makeUser(db);
    const state = await changeUserStatusAction({}, form({ userId: person.id, status: "suspended", reason: "" }));
    expect(state.error).toMatch(/Give a reason/);
    expect(state.fieldErrors?.reason).toHaveLength(1);
    expect(state.values).toMatchObject({ userId: person.id, status: "suspended" });
    expect(await statusOf(person.id)).toBe("active");
  });

  it("the last admin trying to demote themselves is told why, not given a 500", async () => {
    const { db } = testDatabase();
    const admin = await makeAdmin(db);
    session.actor = admin;
    const state = await changeUserRoleAction({}, form({ userId: admin.id, role: "user", reason: "Stepping down" }));
    expect(state.error).toBe("You can't suspend, ban or demote your own account. Ask another admin.");
  });

  it("buyers, creators and anonymous callers are refused and nothing changes", async () => {
    const { db } = testDatabase();
    const person = await makeUser(db);
    for (const actor of [null, await makeUser(db), await makeCreator(db)]) {
      session.actor = actor;
      const state = await changeUserStatusAction({}, form({ userId: person.id, status: "banned", reason: "Let me" }));
      expect(state.error).toBe(actor ? "You don't have access to this." : "Please sign in to continue.");
      const promote = await changeUserRoleAction({}, form({ userId: person.id, role: "admin", reason: "Let me" }));
      expect(promote.ok).toBeUndefined();
    }
    expect(await statusOf(person.id)).toBe("active");
  });
});
