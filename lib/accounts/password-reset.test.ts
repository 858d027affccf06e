import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountTokens, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { authenticateWithPassword } from "@/lib/auth/accounts";
import { loadActor } from "@/lib/auth/actor";
import { mailsTo, makePasswordUser, origin, PASSWORD, tokenMailedTo } from "./testing/fixtures";
import { requestPasswordReset, resetPassword, RESET_MAILS_PER_ADDRESS_PER_HOUR } from "./password-reset";

describe("password reset", () => {
  it("answers the same whether or not the address has an account, and mails only a real one", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    const known = await requestPasswordReset(db, { email: person.email.toUpperCase() }, origin());
    const unknown = await requestPasswordReset(db, { email: "nobody@example.test" }, origin());
    expect(known).toEqual(unknown);
    expect((await mailsTo(db, person.email)).map((m) => m.template)).toEqual(["password_reset"]);
    expect(await mailsTo(db, "nobody@example.test")).toEqual([]);
  });

  it("sets the new password, signs out every session, and the link works once", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    expect(await loadActor(db, person.id, 1)).not.toBeNull();
    await requestPasswordReset(db, { email: person.email }, origin());
    const token = await tokenMailedTo(db, person.email, "password_reset");
    await resetPassword(db, { token, password: "a brand new password" });
    expect(await loadActor(db, person.id, 1)).toBeNull();
    await expect(authenticateWithPassword(db, person.email, PASSWORD)).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    await expect(authenticateWithPassword(db, person.email, "a brand new password")).resolves.toMatchObject({ id: person.id });
    await expect(resetPassword(db, { token, password: "yet another password" })).rejects.toMatchObject({ code: "account.link_invalid" });
  });

  it("links last 30 minutes", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    await requestPasswordReset(db, { email: person.email }, origin());
    const [link] = await db.select().from(accountTokens).where(eq(accountTokens.userId, person.id));
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeGreaterThan(29 * 60_000);
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeLessThanOrEqual(30 * 60_000 + 1000);
    await db.update(accountTokens).set({ expiresAt: sql`now() - interval '1 second'` });
    await expect(resetPassword(db, { token: await tokenMailedTo(db, person.email, "password_reset"), password: "too late password" })).rejects.toMatchObject({
      code: "account.link_expired",
    });
    await expect(authenticateWithPassword(db, person.email, PASSWORD)).resolves.toMatchObject({ id: person.id });
  });

  it("a reset for an address the account no longer has is refused", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    await requestPasswordReset(db, { email: person.email }, origin());
    const token = await tokenMailedTo(db, person.email, "password_reset");
    await db.update(users).set({ email: "moved@example.test" }).where(eq(users.id, person.id));
    await expect(resetPassword(db, { token, password: "hijack password" })).rejects.toMatchObject({ code: "account.link_invalid" });
  });

  it("sends a few mails per address per hour, then silently stops; a client asking too often is refused", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    for (let i = 0; i < RESET_MAILS_PER_ADDRESS_PER_HOUR + 2; i++) await requestPasswordReset(db, { email: person.email }, origin());
    expect(await mailsTo(db, person.email, "password_reset")).toHaveLength(RESET_MAILS_PER_ADDRESS_PER_HOUR);
    const from = origin();
    for (let i = 0; i < 10; i++) await requestPasswordReset(db, { email: `x${i}@example.test` }, from);
    await expect(requestPasswordReset(db, { email: "x@example.test" }, from)).rejects.toMatchObject({ code: "auth.rate_limited" });
  });
});
