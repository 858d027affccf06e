import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountTokens, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { findUserByEmail } from "@/lib/auth/accounts";
import { becomeCreator } from "@/lib/creators/profile";
import { actorFor } from "@/lib/testing/fixtures";
import { mailsTo, makePasswordUser, origin, PASSWORD, tokenMailedTo } from "./testing/fixtures";
import { confirmEmailAddress, resendVerification, signUp, SIGN_UPS_PER_CLIENT_PER_HOUR } from "./sign-up";

describe("sign-up", () => {
  it("answers the same for a new and a taken address; the owner of the taken one gets account_exists", async () => {
    const { db } = testDatabase();
    const owner = await makePasswordUser(db, { email: "taken@example.test" });
    const fresh = await signUp(db, { name: "New", email: "new@example.test", password: PASSWORD }, origin());
    const taken = await signUp(db, { name: "Impostor", email: "TAKEN@example.test", password: "another password" }, origin());
    expect(fresh).toEqual(taken);
    expect((await mailsTo(db, "taken@example.test")).map((m) => m.template)).toEqual(["account_exists"]);
    expect((await mailsTo(db, "new@example.test")).map((m) => m.template)).toEqual(["verify_email"]);
    // The taken account is untouched: same name, same password.
    const [row] = await db.select().from(users).where(eq(users.id, owner.id));
    expect(row.name).toBe(owner.name);
  });

  it("starts new accounts unconfirmed, and they can't become creators until the link is followed", async () => {
    const { db } = testDatabase();
    await signUp(db, { name: "Seller", email: "seller@example.test", password: PASSWORD }, origin());
    const user = await actorFor(db, (await findUserByEmail(db, "seller@example.test"))!.id);
    expect(user.emailVerified).toBe(false);
    await expect(becomeCreator(db, user, { handle: "seller-one", displayName: "Seller" })).rejects.toMatchObject({ code: "auth.email_unverified" });

    await confirmEmailAddress(db, await tokenMailedTo(db, "seller@example.test", "verify_email"));
    const verified = await actorFor(db, user.id);
    expect(verified.emailVerified).toBe(true);
    await expect(becomeCreator(db, verified, { handle: "seller-one", displayName: "Seller" })).resolves.toMatchObject({ handle: "seller-one" });
  });

  it("is rate limited per client address", async () => {
    const { db } = testDatabase();
    const from = origin();
    for (let i = 0; i < SIGN_UPS_PER_CLIENT_PER_HOUR; i++) await signUp(db, { name: "Bot", email: `bot${i}@example.test`, password: PASSWORD }, from);
    await expect(signUp(db, { name: "Bot", email: "bot-last@example.test", password: PASSWORD }, from)).rejects.toMatchObject({ code: "auth.rate_limited" });
    expect(await findUserByEmail(db, "bot-last@example.test")).toBeUndefined();
  });
});

describe("email confirmation links", () => {
  it("work once: a reused link is refused", async () => {
    const { db } = testDatabase();
    await signUp(db, { name: "Once", email: "once@example.test", password: PASSWORD }, origin());
    const token = await tokenMailedTo(db, "once@example.test", "verify_email");
    await confirmEmailAddress(db, token);
    await expect(confirmEmailAddress(db, token)).rejects.toMatchObject({ code: "account.link_invalid" });
    await expect(confirmEmailAddress(db, "not-a-real-token-at-all-000000")).rejects.toMatchObject({ code: "account.link_invalid" });
  });

  it("expire after a day", async () => {
    const { db } = testDatabase();
    await signUp(db, { name: "Late", email: "late@example.test", password: PASSWORD }, origin());
    const token = await tokenMailedTo(db, "late@example.test", "verify_email");
    await db.update(accountTokens).set({ expiresAt: sql`now() - interval '1 second'` });
    await expect(confirmEmailAddress(db, token)).rejects.toMatchObject({ code: "account.link_expired" });
    expect((await findUserByEmail(db, "late@example.test"))?.emailVerifiedAt).toBeNull();
  });

  it("resending makes only the newest link work, a few times an hour at most, and never for a confirmed address", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db, { verified: false });
    await resendVerification(db, person);
    const first = await tokenMailedTo(db, person.email, "verify_email");
    await resendVerification(db, person);
    const second = await tokenMailedTo(db, person.email, "verify_email");
    await resendVerification(db, person);
    await expect(resendVerification(db, person)).rejects.toMatchObject({ code: "auth.rate_limited" });
    await expect(confirmEmailAddress(db, first)).rejects.toMatchObject({ code: "account.link_invalid" });
    await expect(confirmEmailAddress(db, second)).rejects.toMatchObject({ code: "account.link_invalid" });
    await confirmEmailAddress(db, await tokenMailedTo(db, person.email, "verify_email"));
    await expect(resendVerification(db, await actorFor(db, person.id))).rejects.toMatchObject({ code: "account.already_verified" });
  });
});
