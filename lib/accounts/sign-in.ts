// Password sign-in with its limits and the two-factor step. Auth.js only ever receives a finished sign-in: either a
// ticket minted here after every check passed, or email + password (+ code) that go through the same checks.
//
// Limits (counters in Postgres, 15-minute windows) — an attacker must not be able to lock the real owner out:
// - per client address: after 30 failed attempts, every attempt from that address is refused for the window;
// - per account: after 10 failed attempts, attempts are refused without checking the password — except from a browser
//   that already signed in to this account (its device cookie, devices.ts), where the right password still works. So a
//   guesser elsewhere is stopped while the owner's own browser keeps working; a new browser waits out the window (or
//   resets the password, which clears the counter);
// - wrong two-factor codes: 10 per account per window (two-factor.ts), reachable only with the password.
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { authenticateWithPassword, emailSchema, findUserByEmail } from "@/lib/auth/accounts";
import { DomainError, isDomainError, parseInput } from "@/lib/errors";
import { hitRateLimit, peekRateLimitWindow, rateLimitedError, resetRateLimit } from "@/lib/security/rate-limit";
import { isKnownDevice, recordSignIn, type SignInOrigin } from "./devices";
import { readSignedValue, signValue } from "./signed-tokens";
import { codeSchema, hasTwoFactor, verifySecondFactor } from "./two-factor";

const WINDOW_SECONDS = 15 * 60;
export const CLIENT_FAILURE_LIMIT = 30;
export const ACCOUNT_FAILURE_LIMIT = 10;
const CHALLENGE_SECONDS = 5 * 60;
const TICKET_SECONDS = 60;

/** Who signed in, as the session token needs them. */
export type SignedInUser = { id: string; email: string; name: string; sessionVersion: number };

export type PasswordSignIn = { status: "signed_in"; user: SignedInUser } | { status: "code_required"; challenge: string };

export const passwordSignInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
  code: codeSchema.optional(),
});

const clientKey = (origin: SignInOrigin) => `signin:client:${origin.client}`;
const accountKey = (email: string) => `signin:account:${email}`;

async function countFailure(db: Db, email: string, origin: SignInOrigin) {
  await hitRateLimit(db, clientKey(origin), CLIENT_FAILURE_LIMIT, WINDOW_SECONDS);
  await hitRateLimit(db, accountKey(email), ACCOUNT_FAILURE_LIMIT, WINDOW_SECONDS);
}

/** Forgets an account's failed sign-ins (after a password reset, or a successful sign-in). */
export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await resetRateLimit(db, accountKey(email.trim().toLowerCase()));
}

/**
 * Step one: email and password (and, for API clients, the code in the same request). With two-factor on and no code,
 * answers a challenge for step two instead of signing in.
 */
export async function signInWithPassword(db: Db, input: { email: string; password: string; code?: string }, origin: SignInOrigin): Promise<PasswordSignIn> {
  const data = parseInput(passwordSignInSchema, input);
  const perClient = await peekRateLimitWindow(db, clientKey(origin), CLIENT_FAILURE_LIMIT);
  if (!perClient.allowed) throw rateLimitedError("auth.rate_limited", perClient);
  const perAccount = await peekRateLimitWindow(db, accountKey(data.email), ACCOUNT_FAILURE_LIMIT);
  if (!perAccount.allowed) {
    const owner = await findUserByEmail(db, data.email);
    if (!owner || !(await isKnownDevice(db, owner.id, origin.device))) throw rateLimitedError("auth.rate_limited", perAccount);
  }
  let user: SignedInUser;
  try {
    user = await authenticateWithPassword(db, data.email, data.password);
  } catch (error) {
    if (isDomainError(error) && error.code === "auth.invalid_credentials") await countFailure(db, data.email, origin);
    throw error;
  }
  if (await hasTwoFactor(db, user.id)) {
    if (!data.code) return { status: "code_required", challenge: signValue("two_factor_challenge", `${user.id}:${user.sessionVersion}`, CHALLENGE_SECONDS) };
    if (!(await verifySecondFactor(db, user.id, data.code))) throw new DomainError("auth.code_incorrect");
  }
  await finishSignIn(db, user, origin);
  return { status: "signed_in", user };
}

/** Step two: the challenge from step one and a TOTP or recovery code. */
export async function signInWithCode(db: Db, input: { challenge: string; code: string }, origin: SignInOrigin): Promise<SignedInUser> {
  const { challenge, code } = parseInput(z.object({ challenge: z.string().max(512), code: codeSchema }), input);
  const payload = readSignedValue("two_factor_challenge", challenge);
  const match = payload ? /^([0-9a-f-]{36}):(\d+)$/.exec(payload) : null;
  // An expired challenge means typing the password again.
  if (!match) throw new DomainError("auth.invalid_credentials");
  const user = await findSignedInUser(db, match[1]);
  if (!user || user.sessionVersion !== Number(match[2])) throw new DomainError("auth.invalid_credentials");
  if (!(await verifySecondFactor(db, user.id, code))) throw new DomainError("auth.code_incorrect");
  await finishSignIn(db, user, origin);
  return user;
}

async function findSignedInUser(db: Db, userId: string): Promise<SignedInUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, sessionVersion: users.sessionVersion, status: users.status })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.status === "banned") return null;
  return { id: row.id, email: row.email, name: row.name, sessionVersion: row.sessionVersion };
}

async function finishSignIn(db: Db, user: SignedInUser, origin: SignInOrigin) {
  await clearSignInFailures(db, user.email);
  await recordSignIn(db, user, origin);
}

/** A finished sign-in handed to Auth.js (valid for a minute, never shown to the browser). */
export function signInTicket(user: SignedInUser): string {
  return signValue("sign_in_ticket", `${user.id}:${user.sessionVersion}`, TICKET_SECONDS);
}

/** The user a ticket signs in, when it is genuine, fresh and their sessions were not reset since. */
export async function redeemSignInTicket(db: Db, ticket: unknown): Promise<SignedInUser | null> {
  const payload = readSignedValue("sign_in_ticket", ticket);
  const match = payload ? /^([0-9a-f-]{36}):(\d+)$/.exec(payload) : null;
  if (!match) return null;
  const user = await findSignedInUser(db, match[1]);
  return user && user.sessionVersion === Number(match[2]) ? user : null;
}
