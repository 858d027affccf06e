import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { creatorProfiles, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { authenticateWithPassword, registerUser } from "./accounts";
import { enrolTestTwoFactor } from "@/lib/testing/fixtures";
import { adminNeedsTwoFactor, assertActive, assertAdmin, assertCreator, assertSignedIn, loadActor } from "./actor";

const password = "a long enough password";

describe("sign up and sign in", () => {
  it("registers with a normalised email and signs in with any letter case", async () => {
    const { db } = testDatabase();
    const user = await registerUser(db, { name: "Grace", email: "  Grace@Example.TEST ", password });
    expect(user.email).toBe("grace@example.test");
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(password);
    await expect(authenticateWithPassword(db, "GRACE@example.test", password)).resolves.toMatchObject({ id: user.id });
  });

  it("refuses a second account for the same email", async () => {
    const { db } = testDatabase();
    await registerUser(db, { name: "Twin", email: "twin@example.test", password });
    await expect(registerUser(db, { name: "Twin 2", email: "TWIN@example.test", password })).rejects.toMatchObject({ code: "auth.email_taken" });
  });

  it("answers a wrong password and an unknown email with the same generic error", async () => {
    const { db } = testDatabase();
    await registerUser(db, { name: "Alan", email: "alan@example.test", password });
    const wrong = await authenticateWithPassword(db, "alan@example.test", "not it at all").catch((e: unknown) => e);
    const unknown = await authenticateWithPassword(db, "nobody@example.test", password).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: "auth.invalid_credentials", publicMessage: "Email or password is incorrect." });
    expect(unknown).toMatchObject({ code: "auth.invalid_credentials", publicMessage: "Email or password is incorrect." });
  });

  it("does not let a banned user sign in, even with the right password", async () => {
    const { db } = testDatabase();
    const user = await registerUser(db, { name: "Mallory", email: "mallory@example.test", password });
    await db.update(users).set({ status: "banned" }).where(eq(users.id, user.id));
    await expect(authenticateWithPassword(db, "mallory@example.test", password)).rejects.toMatchObject({ code: "auth.banned" });
    await expect(authenticateWithPassword(db, "mallory@example.test", "wrong password!")).rejects.toMatchObject({ code: "auth.invalid_credentials" });
  });

  it("rejects passwords shorter than 8 characters", async () => {
    const { db } = testDatabase();
    await expect(registerUser(db, { name: "Short", email: "short@example.test", password: "1234567" })).rejects.toThrow(/at least 8/);
  });
});

describe("guards re-read role and status on every request", () => {
  it("a suspension, a ban and a demotion take effect on the next load", async () => {
    const { db } = testDatabase();
    const user = await registerUser(db, { name: "Root", email: "root@example.test", password });
    await db.update(users).set({ role: "admin" }).where(eq(users.id, user.id));
    // An admin acts as one only with two-factor sign-in on.
    expect(() => assertAdmin(null)).toThrowError(expect.objectContaining({ code: "auth.unauthenticated" }));
    const unenrolled = await loadActor(db, user.id);
    expect(adminNeedsTwoFactor(unenrolled)).toBe(true);
    expect(() => assertAdmin(unenrolled)).toThrowError(expect.objectContaining({ code: "auth.two_factor_required" }));
    await enrolTestTwoFactor(db, user.id);

    expect(assertAdmin(await loadActor(db, user.id)).id).toBe(user.id);

    await db.update(users).set({ role: "user" }).where(eq(users.id, user.id));
    expect(() => assertAdmin(null)).toThrowError(expect.objectContaining({ code: "auth.unauthenticated" }));
    const demoted = await loadActor(db, user.id);
    expect(() => assertAdmin(demoted)).toThrowError(expect.objectContaining({ code: "auth.forbidden" }));

    await db.update(users).set({ status: "suspended" }).where(eq(users.id, user.id));
    const suspended = await loadActor(db, user.id);
    expect(assertSignedIn(suspended).id).toBe(user.id);
    expect(() => assertActive(suspended)).toThrowError(expect.objectContaining({ code: "auth.suspended" }));

    await db.update(users).set({ status: "banned" }).where(eq(users.id, user.id));
    expect(await loadActor(db, user.id)).toBeNull();
  });

  it("a suspended admin loses admin access", async () => {
    const { db } = testDatabase();
    const user = await registerUser(db, { name: "Sus", email: "sus-admin@example.test", password });
    await db.update(users).set({ role: "admin", status: "suspended" }).where(eq(users.id, user.id));
    const actor = await loadActor(db, user.id);
    expect(() => assertAdmin(actor)).toThrowError(expect.objectContaining({ code: "auth.forbidden" }));
  });

  it("only users with a creator profile pass the creator guard", async () => {
    const { db } = testDatabase();
    const user = await registerUser(db, { name: "Maker", email: "maker@example.test", password });
    expect(() => assertCreator(null)).toThrow();
    const before = await loadActor(db, user.id);
    expect(() => assertCreator(before)).toThrowError(expect.objectContaining({ code: "auth.not_creator" }));
    await db.insert(creatorProfiles).values({ userId: user.id, handle: "maker-1", displayName: "Maker" });
    const after = await loadActor(db, user.id);
    expect(assertCreator(after).creatorHandle).toBe("maker-1");
  });

  it("an unknown or malformed session id is no one", async () => {
    const { db } = testDatabase();
    expect(await loadActor(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await loadActor(db, "' or 1=1 --")).toBeNull();
  });
});
