// "Forgot your password?": a single-use link valid for 30 minutes; the request answers the same whether or not the
// address has an account, and a reset signs the account out everywhere.
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { emailSchema, findUserByEmail, signUpSchema } from "@/lib/auth/accounts";
import { hashPassword } from "@/lib/auth/password";
import { queueEmail } from "@/lib/email/outbox";
import { DomainError, parseInput } from "@/lib/errors";
import { enforceRateLimit, hitRateLimit } from "@/lib/security/rate-limit";
import type { SignInOrigin } from "./devices";
import { accountLinkUrl, consumeAccountLink, issueAccountLink } from "./email-links";
import { signOutEverywhere } from "./sessions";
import { clearSignInFailures } from "./sign-in";

export const RESET_REQUESTS_PER_CLIENT_PER_HOUR = 10;
export const RESET_MAILS_PER_ADDRESS_PER_HOUR = 3;

export const resetRequestSchema = z.object({ email: emailSchema });
export const newPasswordSchema = z.object({ token: z.string().min(1).max(200), password: signUpSchema.shape.password });

/** Sends a reset link when the address has an account (a few per hour at most); says nothing about whether it does. */
export async function requestPasswordReset(db: Db, input: { email: string }, origin: Pick<SignInOrigin, "client">): Promise<void> {
  const { email } = parseInput(resetRequestSchema, input);
  await enforceRateLimit(db, `reset:client:${origin.client}`, RESET_REQUESTS_PER_CLIENT_PER_HOUR, 3600, "auth.rate_limited");
  // Counted for every address, known or not, so the answer is the same; over the limit the mail is just not sent.
  const perAddress = await hitRateLimit(db, `reset:email:${email}`, RESET_MAILS_PER_ADDRESS_PER_HOUR, 3600);
  const user = await findUserByEmail(db, email);
  if (!perAddress.allowed || !user || user.status === "banned") return;
  await db.transaction(async (tx) => {
    const token = await issueAccountLink(tx, { userId: user.id, purpose: "password_reset", email: user.email });
    await queueEmail(tx, { template: "password_reset", to: user.email, userId: user.id, data: { url: accountLinkUrl("password_reset", token) } });
  });
}

/** Sets a new password from a reset link, uses the link up and signs the account out everywhere. */
export async function resetPassword(db: Db, input: { token: string; password: string }): Promise<{ email: string }> {
  const data = parseInput(newPasswordSchema, input);
  const passwordHash = await hashPassword(data.password);
  const email = await db.transaction(async (tx) => {
    const link = await consumeAccountLink(tx, "password_reset", data.token);
    const [user] = await tx.select({ email: users.email, emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, link.userId)).for("update");
    if (!user || user.email.toLowerCase() !== link.email.toLowerCase()) throw new DomainError("account.link_invalid");
    // Following the link proved the address is theirs.
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() })
      .where(eq(users.id, link.userId));
    await signOutEverywhere(tx, link.userId);
    return user.email;
  });
  await clearSignInFailures(db, email);
  return { email };
}
