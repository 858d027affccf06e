// Sign-up and email confirmation. Sign-up answers the same whether or not the address has an account (the owner of a
// taken address gets an `account_exists` email instead), so the form can't be used to find out who uses Agora.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { findUserByEmail, registerUser, signUpSchema, type SignUpInput } from "@/lib/auth/accounts";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { queueEmail } from "@/lib/email/outbox";
import { DomainError, isDomainError, parseInput } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/security/rate-limit";
import type { SignInOrigin } from "./devices";
import { accountLinkUrl, consumeAccountLink, issueAccountLink } from "./email-links";

// Sign-ups per client address per hour, and confirmation mails one person may ask for again per hour.
export const SIGN_UPS_PER_CLIENT_PER_HOUR = 20;
export const VERIFICATION_RESENDS_PER_HOUR = 3;

/** Creates the account and sends its confirmation link, or tells the owner of a taken address; answers nothing either way. */
export async function signUp(db: Db, input: SignUpInput, origin: Pick<SignInOrigin, "client">): Promise<void> {
  const data = parseInput(signUpSchema, input);
  await enforceRateLimit(db, `signup:client:${origin.client}`, SIGN_UPS_PER_CLIENT_PER_HOUR, 3600, "auth.rate_limited");
  const existing = await findUserByEmail(db, data.email);
  if (!existing) {
    try {
      await db.transaction(async (tx) => {
        const user = await registerUser(tx, data);
        await sendVerification(tx, user);
      });
      return;
    } catch (error) {
      if (!(isDomainError(error) && error.code === "auth.email_taken")) throw error;
    }
  } else {
    // As slow as creating an account, so timing tells nothing either.
    await hashPassword(data.password);
  }
  const owner = existing ?? (await findUserByEmail(db, data.email));
  if (!owner || owner.status === "banned") return;
  await queueEmail(db, { template: "account_exists", to: owner.email, userId: owner.id, data: { signInUrl: "/signin", resetUrl: "/forgot-password" } });
}

async function sendVerification(tx: Db, user: { id: string; email: string }) {
  const token = await issueAccountLink(tx, { userId: user.id, purpose: "verify_email", email: user.email });
  await queueEmail(tx, { template: "verify_email", to: user.email, userId: user.id, data: { url: accountLinkUrl("verify_email", token) } });
}

/** Sends a new confirmation link to the signed-in person's address (a few times an hour at most). */
export async function resendVerification(db: Db, actor: Actor | null): Promise<void> {
  const user = assertSignedIn(actor);
  if (user.emailVerified) throw new DomainError("account.already_verified");
  await enforceRateLimit(db, `verify-resend:${user.id}`, VERIFICATION_RESENDS_PER_HOUR, 3600, "auth.rate_limited");
  await db.transaction((tx) => sendVerification(tx, user));
}

/** Confirms an address from its emailed link; a link for an address the account no longer has is void. */
export async function confirmEmailAddress(db: Db, token: string): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const link = await consumeAccountLink(tx, "verify_email", token);
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, link.userId)).for("update");
    if (!user || user.email.toLowerCase() !== link.email.toLowerCase()) throw new DomainError("account.link_invalid");
    await tx.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, link.userId));
    return { email: user.email };
  });
}
