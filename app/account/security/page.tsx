import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { TwoFactorManage } from "@/components/account/two-factor-manage";
import { TwoFactorSetup } from "@/components/account/two-factor-setup";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { getDb } from "@/db/client";
import { hasPassword } from "@/lib/accounts/credentials";
import { linkedGithubId } from "@/lib/accounts/github";
import { twoFactorStatus } from "@/lib/accounts/two-factor";
import { githubEnabled } from "@/lib/auth/config";
import { userOrSignIn } from "@/lib/auth/session";
import {
  changePasswordAction,
  confirmTwoFactorAction,
  disableTwoFactorAction,
  linkGithubAction,
  regenerateRecoveryCodesAction,
  signOutEverywhereAction,
  startTwoFactorAction,
  unlinkGithubAction,
} from "../actions";
import { UnlinkGithubForm } from "@/components/account/unlink-github-form";

export const metadata: Metadata = { title: "Security" };

const card = "space-y-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm";

const GITHUB_NOTICES: Record<string, { tone: "success" | "error"; text: string }> = {
  linked: { tone: "success", text: "Your GitHub account is linked: you can sign in with it." },
  unlinked: { tone: "success", text: "GitHub is unlinked." },
  taken: { tone: "error", text: "That GitHub account is linked to another Agora account." },
  already: { tone: "error", text: "A GitHub account is already linked. Unlink it first." },
};

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ required?: string; github?: string }> }) {
  const user = await userOrSignIn("/account/security");
  const params = await searchParams;
  const db = await getDb();
  const [twoFactor, withPassword, githubId] = await Promise.all([twoFactorStatus(db, user.id), hasPassword(db, user.id), linkedGithubId(db, user.id)]);
  const githubNotice = params.github ? GITHUB_NOTICES[params.github] : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Security</h1>
      {params.required === "admin" && !twoFactor.enabled ? (
        <Alert tone="warning">Admins must turn on two-factor sign-in before using admin tools. Turn it on below, then open Admin again.</Alert>
      ) : null}
      {githubNotice ? <Alert tone={githubNotice.tone}>{githubNotice.text}</Alert> : null}

      <Section id="two-factor-title" title="Two-factor sign-in" className={card}>
        <p className="text-sm text-slate-600">After your password, Agora asks for a code from an authenticator app on your phone.</p>
        {twoFactor.enabled ? (
          <TwoFactorManage
            recoveryCodesLeft={twoFactor.recoveryCodesLeft}
            hasPassword={withPassword}
            actions={{ regenerate: regenerateRecoveryCodesAction, disable: disableTwoFactorAction }}
          />
        ) : (
          <TwoFactorSetup actions={{ start: startTwoFactorAction, confirm: confirmTwoFactorAction }} />
        )}
      </Section>

      <Section id="password-title" title="Password" className={card}>
        {withPassword ? (
          <>
            <p className="text-sm text-slate-600">Changing it signs you out on every other device.</p>
            <ChangePasswordForm action={changePasswordAction} />
          </>
        ) : (
          <p className="text-sm text-slate-600">Your account has no password yet. Use “Forgot your password?” on the sign-in page to set one by email.</p>
        )}
      </Section>

      {githubEnabled() ? (
        <Section id="github-title" title="GitHub" className={card}>
          {githubId ? (
            <>
              <p className="text-sm text-slate-600">Linked: you can sign in with GitHub.</p>
              <UnlinkGithubForm action={unlinkGithubAction} />
            </>
          ) : (
            <form action={linkGithubAction} className="space-y-3">
              <p className="text-sm text-slate-600">Link your GitHub account to sign in with it.</p>
              <Button type="submit" variant="secondary">
                Link GitHub
              </Button>
            </form>
          )}
        </Section>
      ) : null}

      <Section id="sessions-title" title="Sessions" className={card}>
        <p className="text-sm text-slate-600">Lost a device or signed in on a shared computer? End every session at once.</p>
        <SignOutEverywhere action={signOutEverywhereAction} />
      </Section>
    </div>
  );
}
