"use server";
// Account settings: confirmation mail, email and password changes, two-factor, GitHub link, sign out everywhere.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { changeEmailSchema, changePassword, changePasswordSchema, requestEmailChange } from "@/lib/accounts/credentials";
import { unlinkGithub } from "@/lib/accounts/github";
import { currentSessionVersion, endAllSessions, reissueProof } from "@/lib/accounts/sessions";
import { signValue } from "@/lib/accounts/signed-tokens";
import { resendVerification } from "@/lib/accounts/sign-up";
import { codeSchema, confirmTwoFactorEnrolment, disableTwoFactor, regenerateRecoveryCodes, startTwoFactorEnrolment } from "@/lib/accounts/two-factor";
import { GITHUB_LINK_COOKIE, signIn, signOut, updateSession } from "@/lib/auth/config";
import { getCurrentUser, requireUser, userOrSignIn } from "@/lib/auth/session";
import { publicError } from "@/lib/errors";
import { validatedAction } from "@/lib/validated-action";

export const resendVerificationAction = validatedAction(z.object({}), async () => {
  const user = await getCurrentUser();
  await resendVerification(await getDb(), user);
  return { ok: true, message: `We sent a new confirmation link to ${user?.email}.` };
});

export const changeEmailAction = validatedAction(changeEmailSchema, async (data) => {
  await requestEmailChange(await getDb(), await getCurrentUser(), data);
  return { ok: true, message: `We sent a confirmation link to ${data.newEmail}. Your address changes when you follow it.` };
});

export const changePasswordAction = validatedAction(changePasswordSchema, async (data) => {
  const user = await requireUser();
  const version = await changePassword(await getDb(), user, data);
  // Every other session is signed out; this browser's token moves to the new version.
  await updateSession({ reissue: reissueProof(user.id, version) });
  return { ok: true, message: "Password changed. You were signed out on every other device." };
});

export async function signOutEverywhereAction(): Promise<void> {
  // A signed-out browser (its session ended in another tab) is sent to sign in, not shown an error page.
  await endAllSessions(await getDb(), await userOrSignIn("/account/security"));
  await signOut({ redirectTo: "/signin?notice=signed_out_everywhere" });
}

export type EnrolmentResult = { qrDataUrl: string; secret: string } | { error: string };

export async function startTwoFactorAction(): Promise<EnrolmentResult> {
  try {
    const { qrDataUrl, secret } = await startTwoFactorEnrolment(await getDb(), await getCurrentUser());
    return { qrDataUrl, secret };
  } catch (error) {
    return { error: publicError(error).message };
  }
}

export type RecoveryCodesState = { codes?: string[]; error?: string };

async function recoveryCodesOutcome(run: () => Promise<string[]>): Promise<RecoveryCodesState> {
  try {
    return { codes: await run() };
  } catch (error) {
    const failure = publicError(error);
    if (failure.status >= 500) throw error;
    return { error: failure.message };
  }
}

export async function confirmTwoFactorAction(_prev: RecoveryCodesState, formData: FormData): Promise<RecoveryCodesState> {
  return recoveryCodesOutcome(async () => confirmTwoFactorEnrolment(await getDb(), await getCurrentUser(), { code: String(formData.get("code") ?? "") }));
}

export async function regenerateRecoveryCodesAction(_prev: RecoveryCodesState, formData: FormData): Promise<RecoveryCodesState> {
  return recoveryCodesOutcome(async () => regenerateRecoveryCodes(await getDb(), await getCurrentUser(), { code: String(formData.get("code") ?? "") }));
}

export const disableTwoFactorAction = validatedAction(z.object({ password: z.string().max(200).optional(), code: codeSchema }), async (data) => {
  await disableTwoFactor(await getDb(), await getCurrentUser(), data);
  revalidatePath("/account/security");
  return { ok: true, message: "Two-factor sign-in is off." };
});

/** Sends the signed-in person to GitHub; the callback links the GitHub account instead of signing in (lib/auth/config.ts). */
export async function linkGithubAction(): Promise<void> {
  const user = await userOrSignIn("/account/security");
  const version = await currentSessionVersion(await getDb(), user.id);
  (await cookies()).set(GITHUB_LINK_COOKIE, signValue("github_link", `${user.id}:${version}`, 10 * 60), {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production",
    path: "/",
    maxAge: 10 * 60,
  });
  await signIn("github", { redirectTo: "/account/security?github=linked" });
}

export const unlinkGithubAction = validatedAction(z.object({}), async () => {
  await unlinkGithub(await getDb(), await getCurrentUser());
  redirect("/account/security?github=unlinked");
});
