import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, notifications, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { authenticateWithPassword } from "@/lib/auth/accounts";
import { assertActive, loadActor, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { actorFor, makeAdmin, makeCreator, makeUser } from "@/lib/testing/fixtures";
import { changeUserRole, changeUserStatus } from "./user-access";

let db: Db;
let admin: Actor;

beforeEach(async () => {
  db = testDatabase().db;
  admin = await makeAdmin(db);
});

const auditFor = (userId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, userId)));
const notificationsFor = (userId: string) => db.select().from(notifications).where(eq(notifications.userId, userId));
const stored = async (userId: string) => (await db.select().from(users).where(eq(users.id, userId)))[0];

describe("suspend, ban and reactivate", () => {
  it("suspending takes effect on the next request: the person may read but not act, is told why, and it is audited", async () => {
    const person = await makeUser(db);
    const before = (await stored(person.id)).sessionVersion;
    await changeUserStatus(db, admin, { userId: person.id, status: "suspended", reason: "Chargeback pattern" });
    // Suspended people stay signed in: their sessions are not ended.
    expect((await stored(person.id)).sessionVersion).toBe(before);
    const next = await loadActor(db, person.id);
    expect(next?.status).toBe("suspended");
    expect(() => assertActive(next)).toThrowError(expect.objectContaining({ code: "auth.suspended" }));
    const [entry] = await auditFor(person.id);
    expect(entry).toMatchObject({ actorId: admin.id, action: "user.suspend", details: { reason: "Chargeback pattern", from: "active", to: "suspended" } });
    const [notice] = await notificationsFor(person.id);
    expect(notice).toMatchObject({ type: "account_status", title: "Your account has been suspended" });
    expect(notice.body).toContain("Chargeback pattern");
  });

  it("banning signs the person out (their session no longer loads) and refuses their password, audited and notified", async () => {
    const person = await makeUser(db, { email: "mallory@example.test" });
    await db
      .update(users)
      .set({ passwordHash: await hashPassword("right-password-1") })
      .where(eq(users.id, person.id));
    const before = (await stored(person.id)).sessionVersion;
    await changeUserStatus(db, admin, { userId: person.id, status: "banned", reason: "Selling stolen prompts" });
    expect(await loadActor(db, person.id)).toBeNull();
    // Every session token issued before the ban carries an older version and stops working.
    expect((await stored(person.id)).sessionVersion).toBe(before + 1);
    await expect(authenticateWithPassword(db, "mallory@example.test", "right-password-1")).rejects.toMatchObject({ code: "auth.banned" });
    expect((await auditFor(person.id)).map((a) => a.action)).toEqual(["user.ban"]);
    expect((await notificationsFor(person.id)).map((n) => n.title)).toEqual(["Your account has been closed"]);
  });

  it("reactivating a banned account lets the person back in", async () => {
    const person = await makeUser(db, { status: "banned" });
    await changeUserStatus(db, admin, { userId: person.id, status: "active", reason: "Appeal accepted" });
    expect(assertActive(await loadActor(db, person.id)).id).toBe(person.id);
    expect((await auditFor(person.id)).map((a) => a.action)).toEqual(["user.reactivate"]);
    expect((await notificationsFor(person.id)).map((n) => n.title)).toEqual(["Your account is active again"]);
  });

  it("requires a reason and changes nothing without one", async () => {
    const person = await makeUser(db);
    await expect(changeUserStatus(db, admin, { userId: person.id, status: "banned", reason: "  " })).rejects.toMatchObject({
      code: "input.invalid",
      fieldErrors: { reason: [expect.stringContaining("Give a reason")] },
    });
    expect((await stored(person.id)).status).toBe("active");
    expect(await auditFor(person.id)).toEqual([]);
  });

  it("refuses an unknown status, an unknown account and a status the account already has", async () => {
    const person = await makeUser(db, { status: "suspended" });
    await expect(changeUserStatus(db, admin, { userId: person.id, status: "deleted" as "banned", reason: "Nope" })).rejects.toMatchObject({
      code: "input.invalid",
    });
    await expect(changeUserStatus(db, admin, { userId: "00000000-0000-4000-8000-000000000000", status: "banned", reason: "Who?" })).rejects.toMatchObject({
      code: "user.not_found",
    });
    await expect(changeUserStatus(db, admin, { userId: person.id, status: "suspended", reason: "Again" })).rejects.toMatchObject({
      code: "admin.status_unchanged",
    });
    expect(await auditFor(person.id)).toEqual([]);
  });

  it("an admin can't suspend or ban themselves", async () => {
    for (const status of ["suspended", "banned"] as const) {
      await expect(changeUserStatus(db, admin, { userId: admin.id, status, reason: "Testing" })).rejects.toMatchObject({ code: "admin.own_account" });
    }
    expect((await stored(admin.id)).status).toBe("active");
  });

  it("is refused to buyers, creators and anonymous callers", async () => {
    const person = await makeUser(db);
    const buyer = await makeUser(db);
    const creator = await makeCreator(db);
    const input = { userId: person.id, status: "banned" as const, reason: "Because" };
    await expect(changeUserStatus(db, null, input)).rejects.toMatchObject({ code: "auth.unauthenticated" });
    await expect(changeUserStatus(db, buyer, input)).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(changeUserStatus(db, creator, input)).rejects.toMatchObject({ code: "auth.forbidden" });
    expect((await stored(person.id)).status).toBe("active");
    expect(await auditFor(person.id)).toEqual([]);
  });
});

describe("promote and demote", () => {
  it("promoting makes an admin on their next request; demoting takes it away; both audited", async () => {
    const person = await makeUser(db);
    await changeUserRole(db, admin, { userId: person.id, role: "admin", reason: "New moderator" });
    expect((await actorFor(db, person.id)).role).toBe("admin");
    await changeUserRole(db, admin, { userId: person.id, role: "user", reason: "Left the team" });
    expect((await actorFor(db, person.id)).role).toBe("user");
    expect((await auditFor(person.id)).map((a) => [a.action, (a.details as { reason: string }).reason])).toEqual([
      ["user.promote", "New moderator"],
      ["user.demote", "Left the team"],
    ]);
  });

  it("the last admin can't be demoted: an admin can't demote themselves", async () => {
    await expect(changeUserRole(db, admin, { userId: admin.id, role: "user", reason: "Stepping down" })).rejects.toMatchObject({
      code: "admin.own_account",
    });
    expect((await stored(admin.id)).role).toBe("admin");
  });

  it("two admins demoting each other leave one admin: the second, already demoted, is refused", async () => {
    const other = await actorFor(db, (await makeAdmin(db)).id);
    await changeUserRole(db, admin, { userId: other.id, role: "user", reason: "Rotation" });
    // `other` still holds the actor loaded before the demotion; the lock re-reads who is an admin.
    await expect(changeUserRole(db, other, { userId: admin.id, role: "user", reason: "Rotation" })).rejects.toMatchObject({ code: "auth.forbidden" });
    expect((await stored(admin.id)).role).toBe("admin");
  });

  it("only an active account can be promoted", async () => {
    const suspended = await makeUser(db, { status: "suspended" });
    await expect(changeUserRole(db, admin, { userId: suspended.id, role: "admin", reason: "Promote" })).rejects.toMatchObject({ code: "admin.not_active" });
    const already = await makeAdmin(db);
    await expect(changeUserRole(db, admin, { userId: already.id, role: "admin", reason: "Promote" })).rejects.toMatchObject({
      code: "admin.role_unchanged",
    });
  });

  it("is refused to buyers, creators and anonymous callers", async () => {
    const person = await makeUser(db);
    const input = { userId: person.id, role: "admin" as const, reason: "Let me in" };
    await expect(changeUserRole(db, null, input)).rejects.toMatchObject({ code: "auth.unauthenticated" });
    await expect(changeUserRole(db, await makeUser(db), input)).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(changeUserRole(db, await makeCreator(db), input)).rejects.toMatchObject({ code: "auth.forbidden" });
    expect((await stored(person.id)).role).toBe("user");
  });

  it("a suspended admin can't act as one", async () => {
    const person = await makeUser(db);
    const suspendedAdmin = await makeUser(db, { role: "admin", status: "suspended" });
    await expect(changeUserStatus(db, suspendedAdmin, { userId: person.id, status: "banned", reason: "Because" })).rejects.toMatchObject({
      code: "auth.forbidden",
    });
  });
});
