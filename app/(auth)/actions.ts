"use server";
// Sign up, sign in and sign out: parse the form, call lib/auth, let Auth.js set the session cookie.
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { getDb } from "@/db/client";
import { registerUser, signInSchema, signUpSchema } from "@/lib/auth/accounts";
import { signIn, signOut } from "@/lib/auth/config";
import { safeReturnPath } from "@/lib/auth/return-path";
import { validatedAction, type ActionState } from "@/lib/validated-action";

const SIGN_IN_MESSAGES: Record<string, string> = {
  banned: "This account has been closed. Contact support if you think this is a mistake.",
  invalid_credentials: "Email or password is incorrect.",
};

async function signInWithPassword(email: string, password: string, returnTo: string): Promise<ActionState> {
  try {
    await signIn("credentials", { email, password, redirectTo: returnTo });
    return { ok: true };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { error: SIGN_IN_MESSAGES[error.code] ?? SIGN_IN_MESSAGES.invalid_credentials, values: { email } };
    }
    if (error instanceof AuthError) return { error: "We couldn't sign you in. Please try again.", values: { email } };
    throw error; // the success redirect
  }
}

export const signInAction = validatedAction(signInSchema.extend({ returnTo: z.string().optional() }), async (data) =>
  signInWithPassword(data.email, data.password, safeReturnPath(data.returnTo)),
);

export const signUpAction = validatedAction(signUpSchema.extend({ returnTo: z.string().optional() }), async (data) => {
  await registerUser(await getDb(), data);
  return signInWithPassword(data.email, data.password, safeReturnPath(data.returnTo));
});

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
