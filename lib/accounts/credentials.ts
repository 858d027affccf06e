// Changing what someone signs in with, from account settings: the password (current one required; other sessions are
// signed out) and the email address (confirmed at the new address; the old one is told).
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { emailSchema, findUserByEmail, isUniqueViolation, signUpSchema } from "@/lib/auth/accounts";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { queueEmail } from "@/lib/email/outbox";
import { DomainError, parseInput } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/security/rate-limit";
import { accountLinkUrl, consumeAccountLink, issueAccountLink } from "./email-links";
import { signOutEverywhere } from "./sessions";

export const EMAIL_CHANGES_PER_HOUR = 5;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: signUpSchema.shape.password,
});

export const changeEmailSchema = z.object({
  newEmail: emailSchema,
  password: z.string().max(200).optional(),
});

/** Whether the account has a password (accounts opened with GitHub may not). */
export async function hasPassword(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return Boolean(row?.passwordHash);
}

async function assertCurrentPassword(db: Db, userId: string, password: string | undefined) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!row?.passwordHash) throw new DomainError("account.no_password");
  if (!(await verifyPassword(row.passwordHash, password ?? ""))) throw new DomainError("account.password_incorrect");
}

/**
 * Changes the password and signs every session out; answers the new session version, so the action can keep the
 * browser that made the change signed in (lib/accounts/sessions.ts, reissueProof).
 */
export async function changePassword(db: Db, actor: Actor | null, input: z.input<typeof changePasswordSchema>): Promise<number> {
  const user = assertSignedIn(actor);
  const data = parseInput(changePasswordSchema, input);
  await assertCurrentPassword(db, user.id, data.currentPassword);
  const passwordHash = await hashPassword(data.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    return signOutEverywhere(tx, user.id);
  });
}

/**
 * Sends a confirmation link to the new address; nothing changes until it is followed. When another account already
 * uses that address nothing is sent, with the same answer (so this can't probe who has an account).
 */
export async function requestEmailChange(db: Db, actor: Actor | null, input: z.input<typeof changeEmailSchema>): Promise<void> {
  const user = assertSignedIn(actor);
  const data = parseInput(changeEmailSchema, input);
  if (data.newEmail === user.email.toLowerCase()) throw new DomainError("account.email_unchanged");
  await assertCurrentPassword(db, user.id, data.password);
  await enforceRateLimit(db, `email-change:${user.id}`, EMAIL_CHANGES_PER_HOUR, 3600, "auth.rate_limited");
  if (await findUserByEmail(db, data.newEmail)) return;
  await db.transaction(async (tx) => {
    const token = await issueAccountLink(tx, { userId: user.id, purpose: "email_change", email: data.newEmail });
    await queueEmail(tx, {
      template: "email_change_verify",
      to: data.newEmail,
      userId: user.id,
      data: { url: accountLinkUrl("email_change", token), newEmail: data.newEmail },
    });
  });
}

/** Follows a new address's confirmation link: the account's email becomes it (confirmed), and the old address is told. */
export async function confirmEmailChange(db: Db, token: string): Promise<{ email: string }> {
  try {
    return await applyEmailChange(db, token);
  } catch (error) {
    // Another account took the address between our check and the update.
    if (isUniqueViolation(error)) throw new DomainError("account.email_taken");
    throw error;
  }
}

async function applyEmailChange(db: Db, token: string): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const link = await consumeAccountLink(tx, "email_change", token);
    const [user] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, link.userId)).for("update");
    if (!user) throw new DomainError("account.link_invalid");
    const taken = await findUserByEmail(tx, link.email);
    if (taken && taken.id !== user.id) throw new DomainError("account.email_taken");
    await tx.update(users).set({ email: link.email, emailVerifiedAt: new Date() }).where(eq(users.id, user.id));
    await queueEmail(tx, { template: "email_changed_notice", to: user.email, userId: user.id, data: { newEmail: link.email } });
    return { email: link.email };
  });
}
