"use server";
// Sign up, sign in (with its two-factor step), sign out, password reset and email links: parse the form, call
// lib/accounts, and hand Auth.js a finished sign-in (a ticket) so it sets the session cookie.
import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { DEVICE_COOKIE } from "@/lib/accounts/devices";
import { randomSecret } from "@/lib/accounts/digest";
import { requestPasswordReset, resetPassword, newPasswordSchema, resetRequestSchema } from "@/lib/accounts/password-reset";
import { passwordSignInSchema, signInTicket, signInWithCode, signInWithPassword, type SignedInUser } from "@/lib/accounts/sign-in";
import { confirmEmailAddress, signUp } from "@/lib/accounts/sign-up";
import { confirmEmailChange } from "@/lib/accounts/credentials";
import { signUpSchema } from "@/lib/auth/accounts";
import { signIn, signInOrigin, signOut } from "@/lib/auth/config";
import { safeReturnPath } from "@/lib/auth/return-path";
import { publicError } from "@/lib/errors";
import { validatedAction, type ActionState } from "@/lib/validated-action";

/** The sign-in form's state: after a right password on an account with two-factor, the challenge for the code step. */
export type SignInState = ActionState & { challenge?: string };

/** Where this request comes from, giving the browser a device cookie first if it has none. */
async function originWithDevice() {
  const jar = await cookies();
  let device = jar.get(DEVICE_COOKIE)?.value;
  if (!device) {
    device = randomSecret();
    jar.set(DEVICE_COOKIE, device, { httpOnly: true, sameSite: "lax", secure: process.env.NODE_ENV === "production", path: "/", maxAge: 365 * 24 * 3600 });
  }
  return { ...signInOrigin(await headers()), device };
}

async function finishSignIn(user: SignedInUser, returnTo: string): Promise<never> {
  try {
    await signIn("credentials", { ticket: signInTicket(user), redirectTo: returnTo });
  } catch (error) {
    if (error instanceof AuthError) throw new Error("The sign-in could not be completed.", { cause: error });
    throw error; // the success redirect
  }
  redirect(returnTo);
}

const signInFormSchema = z.object({
  email: z.string().optional(),
  password: z.string().optional(),
  challenge: z.string().max(512).optional(),
  code: z.string().max(40).optional(),
  returnTo: z.string().optional(),
});

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "Enter your email and password." };
  const form = parsed.data;
  const returnTo = safeReturnPath(form.returnTo);
  const db = await getDb();
  const origin = await originWithDevice();
  let user: SignedInUser;
  try {
    if (form.challenge) {
      user = await signInWithCode(db, { challenge: form.challenge, code: form.code ?? "" }, origin);
    } else {
      const credentials = passwordSignInSchema.omit({ code: true }).safeParse(form);
      if (!credentials.success) return { error: "Enter your email and password.", values: { email: form.email ?? "" } };
      const outcome = await signInWithPassword(db, credentials.data, origin);
      if (outcome.status === "code_required") return { challenge: outcome.challenge, values: { email: credentials.data.email } };
      user = outcome.user;
    }
  } catch (error) {
    const failure = publicError(error);
    if (failure.status >= 500) throw error;
    // A wrong code keeps the code step; an expired challenge or a refused password starts over.
    const keepChallenge = form.challenge && failure.code !== "auth.invalid_credentials" ? { challenge: form.challenge } : {};
    return {
      error: failure.message,
      ...(failure.fieldErrors ? { fieldErrors: failure.fieldErrors } : {}),
      values: { email: form.email ?? "" },
      ...keepChallenge,
    };
  }
  return finishSignIn(user, returnTo);
}

export const signUpAction = validatedAction(signUpSchema.extend({ returnTo: z.string().optional() }), async (data) => {
  await signUp(await getDb(), data, signInOrigin(await headers()));
  return {
    ok: true,
    message: `Check your inbox: we sent a message to ${data.email}. Follow the link in it to confirm your address, then sign in.`,
  };
});

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

export const requestPasswordResetAction = validatedAction(resetRequestSchema, async (data) => {
  await requestPasswordReset(await getDb(), data, signInOrigin(await headers()));
  return { ok: true, message: `If ${data.email} has an Agora account, we sent it a link to choose a new password. The link works for 30 minutes.` };
});

export const resetPasswordAction = validatedAction(newPasswordSchema, async (data) => {
  await resetPassword(await getDb(), data);
  redirect("/signin?notice=password_reset");
});

export const confirmEmailAction = validatedAction(z.object({ token: z.string().max(200) }), async ({ token }) => {
  await confirmEmailAddress(await getDb(), token);
  redirect("/signin?notice=email_confirmed&returnTo=%2Faccount");
});

export const confirmEmailChangeAction = validatedAction(z.object({ token: z.string().max(200) }), async ({ token }) => {
  await confirmEmailChange(await getDb(), token);
  redirect("/account?notice=email_changed");
});
