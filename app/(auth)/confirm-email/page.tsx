import type { Metadata } from "next";
import { ConfirmLinkForm } from "@/components/auth/confirm-link-form";
import { getDb } from "@/db/client";
import { checkAccountLink } from "@/lib/accounts/email-links";
import { confirmEmailChangeAction } from "../actions";
import { LinkProblem } from "@/components/auth/link-problem";

export const metadata: Metadata = { title: "Confirm your new email address", referrer: "no-referrer" };

export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token ?? "";
  const link = await checkAccountLink(await getDb(), "email_change", token);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">Confirm your new email address</h1>
      <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        {link.status === "valid" ? (
          <>
            <p className="mb-4 text-sm text-slate-600">Your Agora account will use {link.email} from now on.</p>
            <ConfirmLinkForm action={confirmEmailChangeAction} token={token} label="Use this email address" />
          </>
        ) : (
          <LinkProblem state={link.status} retryHref="/account" retryLabel="Change your email address again" />
        )}
      </div>
    </div>
  );
}
