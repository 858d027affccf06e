import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { githubEnabled, signIn } from "@/lib/auth/config";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getCurrentUser } from "@/lib/auth/session";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  banned: "This account has been closed.",
  github_email: "Your GitHub account has no verified primary email address. Verify one on GitHub, or sign up with email instead.",
  github_exists: "An Agora account already uses your GitHub email address. Sign in with your password, then link GitHub under Account → Security.",
  github_link: "Your session ended before GitHub answered. Sign in and try linking again.",
};

const NOTICES: Record<string, string> = {
  password_reset: "Your password was changed and you were signed out everywhere. Sign in with your new password.",
  email_confirmed: "Your email address is confirmed. Sign in to continue.",
  signed_out_everywhere: "You were signed out on every device.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ returnTo?: string; error?: string; notice?: string }> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.returnTo);
  if (await getCurrentUser()) redirect(returnTo);
  const showGithub = githubEnabled();
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">Sign in to Agora</h1>
      <p className="mt-1 text-sm text-slate-600">
        New here?{" "}
        <Link className="font-medium text-brand-700 hover:underline" href={`/signup?returnTo=${encodeURIComponent(returnTo)}`}>
          Create an account
        </Link>
      </p>
      {params.error && ERRORS[params.error] ? (
        <Alert tone="error" className="mt-4">
          {ERRORS[params.error]}
        </Alert>
      ) : null}
      {params.notice && NOTICES[params.notice] ? (
        <Alert tone="success" className="mt-4">
          {NOTICES[params.notice]}
        </Alert>
      ) : null}
      <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm action={signInAction} returnTo={returnTo} />
        <p className="mt-3 text-center text-sm">
          <Link className="text-brand-700 hover:underline" href="/forgot-password">
            Forgot your password?
          </Link>
        </p>
        {showGithub ? (
          <form
            className="mt-4"
            action={async () => {
              "use server";
              await signIn("github", { redirectTo: returnTo });
            }}
          >
            <button type="submit" className="w-full rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100">
              Continue with GitHub
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
