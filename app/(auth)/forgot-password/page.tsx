import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { RequestResetForm } from "@/components/auth/request-reset-form";
import { requestPasswordResetAction } from "../actions";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">Reset your password</h1>
      <p className="mt-1 text-sm text-slate-600">Enter your account’s email address and we’ll send you a link to choose a new password.</p>
      <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <RequestResetForm action={requestPasswordResetAction} />
      </div>
      <p className="mt-4 text-center text-sm">
        <Link className="text-brand-700 hover:underline" href="/signin">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
