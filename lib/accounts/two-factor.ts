// TOTP two-factor sign-in (otplib, RFC 6238 with authenticator-app defaults): enrol by scanning a QR code and
// confirming a code, ten single-use recovery codes shown once and stored hashed, disable with password + code.
import "server-only";
import { randomInt } from "node:crypto";
import { and, count, eq, isNull, lt, or } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { z } from "zod";
import type { Db } from "@/db/client";
import { recoveryCodes, twoFactorCredentials, users } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { DomainError, parseInput } from "@/lib/errors";
import { hitRateLimit, peekRateLimitWindow, rateLimitedError } from "@/lib/security/rate-limit";
import { digest } from "./digest";

export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Agora";
// Wrong codes one account may send in 15 minutes before codes are refused for the rest of the window. Reaching it
// takes the password already (sign-in) or a signed-in session, so it slows a guesser without a permanent lockout.
const CODE_FAILURES_PER_WINDOW = 10;
const CODE_WINDOW_SECONDS = 15 * 60;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export const codeSchema = z.string().trim().min(6, "Enter the 6-digit code from your authenticator app, or a recovery code.").max(40, "That code is too long.");

/** A code as typed: spaces and dashes dropped, letters lower-cased. */
function normalise(code: string): string {
  return code.replace(/[\s-]/g, "").toLowerCase();
}

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

async function credentialFor(db: Db, userId: string) {
  const [row] = await db.select().from(twoFactorCredentials).where(eq(twoFactorCredentials.userId, userId)).limit(1);
  return row;
}

/** The step a TOTP code matches now (± one 30-second step for clock drift), or null. */
async function matchingStep(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

export type TwoFactorStatus = { enabled: boolean; recoveryCodesLeft: number };

export async function twoFactorStatus(db: Db, userId: string): Promise<TwoFactorStatus> {
  const credential = await credentialFor(db, userId);
  if (!credential?.enabledAt) return { enabled: false, recoveryCodesLeft: 0 };
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return { enabled: true, recoveryCodesLeft: Number(left?.n ?? 0) };
}

export type TwoFactorEnrolment = { secret: string; otpauthUri: string; qrDataUrl: string };

/** Starts (or restarts) enrolment: a new secret to scan; two-factor stays off until a code from it is confirmed. */
export async function startTwoFactorEnrolment(db: Db, actor: Actor | null): Promise<TwoFactorEnrolment> {
  const user = assertSignedIn(actor);
  const existing = await credentialFor(db, user.id);
  if (existing?.enabledAt) throw new DomainError("twofactor.already_enabled");
  const secret = generateSecret();
  await db
    .insert(twoFactorCredentials)
    .values({ userId: user.id, secret })
    .onConflictDoUpdate({ target: twoFactorCredentials.userId, set: { secret, lastUsedStep: null, enabledAt: null } });
  const otpauthUri = generateURI({ issuer: ISSUER, label: user.email, secret });
  return { secret, otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }) };
}

/** Confirms enrolment with a code from the app and turns two-factor on; answers the recovery codes (shown once). */
export async function confirmTwoFactorEnrolment(db: Db, actor: Actor | null, input: { code: string }): Promise<string[]> {
  const user = assertSignedIn(actor);
  const { code } = parseInput(z.object({ code: codeSchema }), input);
  const pending = await credentialFor(db, user.id);
  if (pending?.enabledAt) throw new DomainError("twofactor.already_enabled");
  if (!pending) throw new DomainError("twofactor.no_enrolment");
  await assertCodeBudget(db, user.id);
  const step = await matchingStep(pending.secret, normalise(code), null);
  if (step === null) {
    await countWrongCode(db, user.id);
    throw new DomainError("twofactor.code_incorrect");
  }
  return db.transaction(async (tx) => {
    const [enabled] = await tx
      .update(twoFactorCredentials)
      .set({ enabledAt: new Date(), lastUsedStep: step })
      .where(and(eq(twoFactorCredentials.userId, user.id), isNull(twoFactorCredentials.enabledAt)))
      .returning({ userId: twoFactorCredentials.userId });
    if (!enabled) throw new DomainError("twofactor.already_enabled");
    return replaceRecoveryCodes(tx, user.id);
  });
}

async function replaceRecoveryCodes(tx: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: digest(normalise(code)) })));
  return codes;
}

/** New recovery codes for someone with two-factor on (the old ones stop working); needs a current code. */
export async function regenerateRecoveryCodes(db: Db, actor: Actor | null, input: { code: string }): Promise<string[]> {
  const user = assertSignedIn(actor);
  const { code } = parseInput(z.object({ code: codeSchema }), input);
  if (!(await hasTwoFactor(db, user.id))) throw new DomainError("twofactor.not_enabled");
  if (!(await verifySecondFactor(db, user.id, code))) throw new DomainError("twofactor.code_incorrect");
  return db.transaction((tx) => replaceRecoveryCodes(tx, user.id));
}

/** Turns two-factor off: the current password (when the account has one) and a code or recovery code. */
export async function disableTwoFactor(db: Db, actor: Actor | null, input: { password?: string; code: string }): Promise<void> {
  const user = assertSignedIn(actor);
  const data = parseInput(z.object({ password: z.string().max(200).optional(), code: codeSchema }), input);
  if (!(await hasTwoFactor(db, user.id))) throw new DomainError("twofactor.not_enabled");
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (row?.passwordHash && !(await verifyPassword(row.passwordHash, data.password ?? ""))) throw new DomainError("account.password_incorrect");
  if (!(await verifySecondFactor(db, user.id, data.code))) throw new DomainError("twofactor.code_incorrect");
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.delete(twoFactorCredentials).where(eq(twoFactorCredentials.userId, user.id));
  });
}

export async function hasTwoFactor(db: Db, userId: string): Promise<boolean> {
  return Boolean((await credentialFor(db, userId))?.enabledAt);
}

async function assertCodeBudget(db: Db, userId: string) {
  const window = await peekRateLimitWindow(db, `2fa:${userId}`, CODE_FAILURES_PER_WINDOW);
  if (!window.allowed) throw rateLimitedError("auth.rate_limited", window);
}

async function countWrongCode(db: Db, userId: string) {
  await hitRateLimit(db, `2fa:${userId}`, CODE_FAILURES_PER_WINDOW, CODE_WINDOW_SECONDS);
}

/**
 * Checks a second factor for someone with two-factor on: a current TOTP code (never one accepted before) or an unused
 * recovery code, which is used up. False when two-factor is off or the code is wrong; throws `auth.rate_limited` after
 * too many wrong codes in a short time. For sign-in, and for confirming sensitive changes (account deletion).
 */
export async function verifySecondFactor(db: Db, userId: string, code: string): Promise<boolean> {
  const credential = await credentialFor(db, userId);
  if (!credential?.enabledAt) return false;
  await assertCodeBudget(db, userId);
  const typed = normalise(code);
  const step = await matchingStep(credential.secret, typed, credential.lastUsedStep);
  if (step !== null) {
    // The guard in the update makes two simultaneous uses of one code accept only one.
    const [accepted] = await db
      .update(twoFactorCredentials)
      .set({ lastUsedStep: step })
      .where(and(eq(twoFactorCredentials.userId, userId), or(isNull(twoFactorCredentials.lastUsedStep), lt(twoFactorCredentials.lastUsedStep, step))))
      .returning({ userId: twoFactorCredentials.userId });
    if (accepted) return true;
  } else if (typed.length === 10) {
    const [used] = await db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, digest(typed)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (used) return true;
  }
  await countWrongCode(db, userId);
  return false;
}
