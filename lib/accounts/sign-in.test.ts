import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import type { DomainError } from "@/lib/errors";
import { enrolTestTwoFactor, TEST_TOTP_SECRET } from "@/lib/testing/fixtures";
import { signOutEverywhere } from "./sessions";
import { mailsTo, makePasswordUser, origin, PASSWORD } from "./testing/fixtures";
import { ACCOUNT_FAILURE_LIMIT, CLIENT_FAILURE_LIMIT, redeemSignInTicket, signInTicket, signInWithCode, signInWithPassword } from "./sign-in";

const code = (offsetSeconds = 0) => generate({ secret: TEST_TOTP_SECRET, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

describe("password sign-in", () => {
  it("signs in with the right password and hands Auth.js a ticket for exactly that user", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    const outcome = await signInWithPassword(db, { email: person.email, password: PASSWORD }, origin());
    expect(outcome).toMatchObject({ status: "signed_in", user: { id: person.id, sessionVersion: 1 } });
    if (outcome.status !== "signed_in") return;
    expect(await redeemSignInTicket(db, signInTicket(outcome.user))).toMatchObject({ id: person.id });
    expect(await redeemSignInTicket(db, `${signInTicket(outcome.user)}x`)).toBeNull();
    // A ticket made before the account was signed out everywhere no longer signs in.
    const ticket = signInTicket(outcome.user);
    await db.transaction((tx) => signOutEverywhere(tx, person.id));
    expect(await redeemSignInTicket(db, ticket)).toBeNull();
  });

  it("stops an address after too many failures, whatever account it tries", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    const attacker = origin();
    for (let i = 0; i < CLIENT_FAILURE_LIMIT; i++) {
      await expect(signInWithPassword(db, { email: `guess${i}@example.test`, password: "guess" }, attacker)).rejects.toMatchObject({
        code: "auth.invalid_credentials",
      });
    }
    await expect(signInWithPassword(db, { email: person.email, password: PASSWORD }, attacker)).rejects.toMatchObject({
      code: "auth.rate_limited",
      publicMessage: expect.stringMatching(/^Too many attempts\. Try again in \d+ minutes?\.$/),
      retryAfterSeconds: expect.any(Number),
    });
    // The owner, elsewhere, is not affected.
    await expect(signInWithPassword(db, { email: person.email, password: PASSWORD }, origin())).resolves.toMatchObject({ status: "signed_in" });
  });

  it("locks an attacked account for new browsers, but its owner's known browser still gets in with the right password", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    const ownerBrowser = origin({ device: "owner-device-cookie-0123456789" });
    await signInWithPassword(db, { email: person.email, password: PASSWORD }, ownerBrowser);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      await expect(signInWithPassword(db, { email: person.email, password: `guess ${i}` }, origin())).rejects.toMatchObject({
        code: "auth.invalid_credentials",
      });
    }
    const refusal = (await signInWithPassword(db, { email: person.email, password: PASSWORD }, origin()).catch((e: unknown) => e)) as DomainError;
    expect(refusal.code).toBe("auth.rate_limited");
    expect(refusal.retryAfterSeconds).toBeGreaterThan(0);
    expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    await expect(signInWithPassword(db, { email: person.email, password: "still guessing" }, ownerBrowser)).rejects.toMatchObject({
      code: "auth.invalid_credentials",
    });
    await expect(signInWithPassword(db, { email: person.email, password: PASSWORD }, ownerBrowser)).resolves.toMatchObject({ status: "signed_in" });
  });

  it("emails the owner about a sign-in from a new browser, not about the first one or a known one", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    const laptop = origin({ device: "laptop-device-cookie-0123456789" });
    await signInWithPassword(db, { email: person.email, password: PASSWORD }, laptop);
    await signInWithPassword(db, { email: person.email, password: PASSWORD }, laptop);
    expect(await mailsTo(db, person.email, "new_sign_in")).toEqual([]);
    const phone = origin({ device: "phone-device-cookie-0123456789", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1" });
    await signInWithPassword(db, { email: person.email, password: PASSWORD }, phone);
    const [mail] = await mailsTo(db, person.email, "new_sign_in");
    expect(mail.data).toMatchObject({ device: "Safari on iOS", ip: phone.client });
  });
});

describe("two-factor sign-in", () => {
  it("asks for a code after the right password, and signs in with it", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    await enrolTestTwoFactor(db, person.id);
    const step = await signInWithPassword(db, { email: person.email, password: PASSWORD }, origin());
    expect(step.status).toBe("code_required");
    if (step.status !== "code_required") return;
    await expect(signInWithCode(db, { challenge: step.challenge, code: "000000" === (await code()) ? "111111" : "000000" }, origin())).rejects.toMatchObject({
      code: "auth.code_incorrect",
    });
    await expect(signInWithCode(db, { challenge: step.challenge, code: await code() }, origin())).resolves.toMatchObject({ id: person.id });
  });

  it("never signs in on the password alone, and refuses a wrong code sent with it", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    await enrolTestTwoFactor(db, person.id);
    await expect(signInWithPassword(db, { email: person.email, password: PASSWORD, code: "12345678" }, origin())).rejects.toMatchObject({
      code: "auth.code_incorrect",
    });
    await expect(signInWithPassword(db, { email: person.email, password: PASSWORD, code: await code() }, origin())).resolves.toMatchObject({
      status: "signed_in",
    });
  });

  it("refuses a forged or foreign challenge", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    await enrolTestTwoFactor(db, person.id);
    await expect(signInWithCode(db, { challenge: `${person.id}:1.9999999999.forged`, code: await code() }, origin())).rejects.toMatchObject({
      code: "auth.invalid_credentials",
    });
  });
});
