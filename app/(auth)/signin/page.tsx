import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { githubEnabled, signIn } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  banned: "This account has been closed.",
  github_email: "Your GitHub account has no public verified email; sign up with email instead.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ returnTo?: string; error?: string }> }) {
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
      {params.error && ERRORS[params.error] ? <p className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{ERRORS[params.error]}</p> : null}
      <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm action={signInAction} returnTo={returnTo} />
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
