import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { recoveryCodes, twoFactorCredentials, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { hashPassword } from "@/lib/auth/password";
import { actorFor, makeUser, TEST_TOTP_SECRET } from "@/lib/testing/fixtures";
import {
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorEnrolment,
  twoFactorStatus,
  verifySecondFactor,
} from "./two-factor";

const now = () => Math.floor(Date.now() / 1000);
const codeAt = (secret: string, offsetSeconds = 0) => generate({ secret, epoch: now() + offsetSeconds });

async function enrolled() {
  const { db } = testDatabase();
  const person = await makeUser(db);
  await db
    .update(users)
    .set({ passwordHash: await hashPassword("correct horse battery") })
    .where(eq(users.id, person.id));
  const { secret, otpauthUri, qrDataUrl } = await startTwoFactorEnrolment(db, person);
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Agora:/);
  expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
  const codes = await confirmTwoFactorEnrolment(db, person, { code: await codeAt(secret) });
  return { db, person, secret, codes };
}

describe("two-factor enrolment", () => {
  it("stays off until a code from the scanned secret is confirmed, then gives ten single-use recovery codes stored hashed", async () => {
    const { db } = testDatabase();
    const person = await makeUser(db);
    const { secret } = await startTwoFactorEnrolment(db, person);
    expect((await actorFor(db, person.id)).twoFactorEnabled).toBe(false);
    await expect(confirmTwoFactorEnrolment(db, person, { code: "000000" === (await codeAt(secret)) ? "111111" : "000000" })).rejects.toMatchObject({
      code: "twofactor.code_incorrect",
    });
    const codes = await confirmTwoFactorEnrolment(db, person, { code: await codeAt(secret) });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await actorFor(db, person.id)).twoFactorEnabled).toBe(true);
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.id));
    expect(stored.map((r) => r.codeHash)).not.toContain(codes[0]);
    const [credential] = await db.select().from(twoFactorCredentials).where(eq(twoFactorCredentials.userId, person.id));
    expect(credential.enabledAt).toBeInstanceOf(Date);
    await expect(startTwoFactorEnrolment(db, person)).rejects.toMatchObject({ code: "twofactor.already_enabled" });
  });

  it("confirming without starting is refused", async () => {
    const { db } = testDatabase();
    await expect(confirmTwoFactorEnrolment(db, await makeUser(db), { code: "123456" })).rejects.toMatchObject({ code: "twofactor.no_enrolment" });
  });
});

describe("verifySecondFactor", () => {
  it("accepts a current code once, never the same code twice, and refuses wrong codes", async () => {
    const { db, person, secret } = await enrolled();
    const next = await codeAt(secret, 30);
    expect(await verifySecondFactor(db, person.id, next)).toBe(true);
    expect(await verifySecondFactor(db, person.id, next)).toBe(false);
    expect(await verifySecondFactor(db, person.id, "12345")).toBe(false);
    expect(await verifySecondFactor(db, person.id, await codeAt(secret, -600))).toBe(false);
  });

  it("accepts each recovery code once (typed in any case, with or without the dash)", async () => {
    const { db, person, codes } = await enrolled();
    expect(await verifySecondFactor(db, person.id, codes[0].toUpperCase().replace("-", " "))).toBe(true);
    expect(await verifySecondFactor(db, person.id, codes[0])).toBe(false);
    expect(await verifySecondFactor(db, person.id, codes[1])).toBe(true);
    expect(await twoFactorStatus(db, person.id)).toEqual({ enabled: true, recoveryCodesLeft: 8 });
  });

  it("is false for someone without two-factor", async () => {
    const { db } = testDatabase();
    const person = await makeUser(db);
    expect(await verifySecondFactor(db, person.id, "123456")).toBe(false);
  });

  it("refuses every code, even a right one, after ten wrong ones in a short time", async () => {
    const { db } = testDatabase();
    const admin = await makeUser(db, { role: "admin" });
    for (let i = 0; i < 10; i++)
      expect(await verifySecondFactor(db, admin.id, "000000" === (await codeAt(TEST_TOTP_SECRET)) ? "999999" : "000000")).toBe(false);
    await expect(verifySecondFactor(db, admin.id, await codeAt(TEST_TOTP_SECRET))).rejects.toMatchObject({ code: "auth.rate_limited" });
  });
});

describe("recovery codes and turning two-factor off", () => {
  it("regenerating needs a code and makes the old recovery codes stop working", async () => {
    const { db, person, secret, codes } = await enrolled();
    await expect(regenerateRecoveryCodes(db, person, { code: "000000" })).rejects.toMatchObject({ code: "twofactor.code_incorrect" });
    const fresh = await regenerateRecoveryCodes(db, person, { code: await codeAt(secret, 30) });
    expect(fresh).toHaveLength(10);
    expect(await verifySecondFactor(db, person.id, codes[2])).toBe(false);
    expect(await verifySecondFactor(db, person.id, fresh[0])).toBe(true);
  });

  it("needs the password and a code; then sign-in no longer asks for one", async () => {
    const { db, person, codes } = await enrolled();
    await expect(disableTwoFactor(db, person, { password: "wrong password", code: codes[0] })).rejects.toMatchObject({
      code: "account.password_incorrect",
    });
    await expect(disableTwoFactor(db, person, { password: "correct horse battery", code: "000000" })).rejects.toMatchObject({
      code: "twofactor.code_incorrect",
    });
    await disableTwoFactor(db, person, { password: "correct horse battery", code: codes[0] });
    expect(await twoFactorStatus(db, person.id)).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    expect((await actorFor(db, person.id)).twoFactorEnabled).toBe(false);
    await expect(disableTwoFactor(db, person, { password: "correct horse battery", code: codes[1] })).rejects.toMatchObject({
      code: "twofactor.not_enabled",
    });
  });
});
