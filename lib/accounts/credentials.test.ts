import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { authenticateWithPassword } from "@/lib/auth/accounts";
import { loadActor } from "@/lib/auth/actor";
import { actorFor, makeUser } from "@/lib/testing/fixtures";
import { changePassword, confirmEmailChange, requestEmailChange } from "./credentials";
import { endAllSessions, verifyReissueProof, reissueProof } from "./sessions";
import { mailsTo, makePasswordUser, PASSWORD, tokenMailedTo } from "./testing/fixtures";

describe("change password", () => {
  it("needs the current password", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    await expect(changePassword(db, person, { currentPassword: "not my password", newPassword: "new long password" })).rejects.toMatchObject({
      code: "account.password_incorrect",
    });
    await expect(authenticateWithPassword(db, person.email, PASSWORD)).resolves.toMatchObject({ id: person.id });
  });

  it("signs out every other session; the changing browser moves to the new version with a proof", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    const version = await changePassword(db, person, { currentPassword: PASSWORD, newPassword: "new long password" });
    expect(await loadActor(db, person.id, 1)).toBeNull();
    expect(verifyReissueProof(person.id, reissueProof(person.id, version))).toBe(version);
    expect(await loadActor(db, person.id, version)).toMatchObject({ id: person.id });
    await expect(authenticateWithPassword(db, person.email, "new long password")).resolves.toMatchObject({ id: person.id });
  });

  it("is refused for an account without a password", async () => {
    const { db } = testDatabase();
    const person = await makeUser(db);
    await expect(changePassword(db, person, { currentPassword: "anything", newPassword: "new long password" })).rejects.toMatchObject({
      code: "account.no_password",
    });
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the person", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    await endAllSessions(db, person);
    expect(await loadActor(db, person.id, 1)).toBeNull();
    await expect(endAllSessions(db, null)).rejects.toMatchObject({ code: "auth.unauthenticated" });
  });
});

describe("change email", () => {
  it("changes nothing until the new address confirms; then the old address is told", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db, { email: "old@example.test" });
    await requestEmailChange(db, person, { newEmail: "New@Example.test", password: PASSWORD });
    expect((await actorFor(db, person.id)).email).toBe("old@example.test");
    const [mail] = await mailsTo(db, "new@example.test", "email_change_verify");
    expect(mail.data.newEmail).toBe("new@example.test");

    const token = await tokenMailedTo(db, "new@example.test", "email_change_verify");
    await confirmEmailChange(db, token);
    const after = await actorFor(db, person.id);
    expect(after).toMatchObject({ email: "new@example.test", emailVerified: true });
    expect((await mailsTo(db, "old@example.test", "email_changed_notice")).map((m) => m.data.newEmail)).toEqual(["new@example.test"]);
    await expect(confirmEmailChange(db, token)).rejects.toMatchObject({ code: "account.link_invalid" });
  });

  it("needs the password, and sends nothing (with the same answer) when another account has the address", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    await makeUser(db, { email: "someone@example.test" });
    await expect(requestEmailChange(db, person, { newEmail: "fresh@example.test", password: "wrong" })).rejects.toMatchObject({
      code: "account.password_incorrect",
    });
    await expect(requestEmailChange(db, person, { newEmail: "someone@example.test", password: PASSWORD })).resolves.toBeUndefined();
    expect(await mailsTo(db, "someone@example.test")).toEqual([]);
    await expect(requestEmailChange(db, person, { newEmail: person.email, password: PASSWORD })).rejects.toMatchObject({ code: "account.email_unchanged" });
  });

  it("a confirmation is refused if another account took the address meanwhile", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    await requestEmailChange(db, person, { newEmail: "race@example.test", password: PASSWORD });
    const token = await tokenMailedTo(db, "race@example.test", "email_change_verify");
    await makeUser(db, { email: "race@example.test" });
    await expect(confirmEmailChange(db, token)).rejects.toMatchObject({ code: "account.email_taken" });
  });
});
