import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ returnTo?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).returnTo);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">Create your Agora account</h1>
      <p className="mt-1 text-sm text-slate-600">
        Already have one?{" "}
        <Link className="font-medium text-brand-700 hover:underline" href={`/signin?returnTo=${encodeURIComponent(returnTo)}`}>
          Sign in
        </Link>
      </p>
      <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <SignUpForm action={signUpAction} returnTo={returnTo} />
      </div>
    </div>
  );
}
