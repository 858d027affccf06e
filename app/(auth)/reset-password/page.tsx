import type { Metadata } from "next";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { getDb } from "@/db/client";
import { checkAccountLink } from "@/lib/accounts/email-links";
import { resetPasswordAction } from "../actions";
import { LinkProblem } from "@/components/auth/link-problem";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token ?? "";
  const link = await checkAccountLink(await getDb(), "password_reset", token);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        {link.status === "valid" ? (
          <>
            <p className="mb-4 text-sm text-slate-600">For {link.email}.</p>
            <NewPasswordForm action={resetPasswordAction} token={token} />
          </>
        ) : (
          <LinkProblem state={link.status} retryHref="/forgot-password" retryLabel="Send a new reset link" />
        )}
      </div>
    </div>
  );
}
