import type { Metadata } from "next";
import { ChangeEmailForm } from "@/components/account/change-email-form";
import { EmailStatus } from "@/components/account/email-status";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { getDb } from "@/db/client";
import { hasPassword } from "@/lib/accounts/credentials";
import { userOrSignIn } from "@/lib/auth/session";
import { changeEmailAction, resendVerificationAction } from "./actions";

export const metadata: Metadata = { title: "Profile" };

const card = "space-y-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm";

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await userOrSignIn("/account");
  const { notice } = await searchParams;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Profile</h1>
      {notice === "email_changed" ? <Alert tone="success">Your email address was changed. We told your old address too.</Alert> : null}
      <Section id="email-title" title="Email address" className={card}>
        <EmailStatus email={user.email} verified={user.emailVerified} resend={resendVerificationAction} />
      </Section>
      <Section id="change-email-title" title="Change email address" className={card}>
        {(await hasPassword(await getDb(), user.id)) ? (
          <>
            <p className="text-sm text-slate-600">We send a confirmation link to the new address; your address changes once you follow it.</p>
            <ChangeEmailForm action={changeEmailAction} />
          </>
        ) : (
          <p className="text-sm text-slate-600">Set a password first (use “Forgot your password?” on the sign-in page): changing your address asks for it.</p>
        )}
      </Section>
    </div>
  );
}
