import type { Metadata } from "next";
import { CreatorMoneyNotice } from "@/components/account-data/creator-money-notice";
import { DeleteAccountForm } from "@/components/account-data/delete-account-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { deletionPreview } from "@/lib/accounts/deletion";
import { userOrSignIn } from "@/lib/auth/session";
import { deleteAccountAction } from "./actions";

export const metadata: Metadata = { title: "Your data" };

export default async function YourDataPage() {
  const user = await userOrSignIn("/account/data");
  const preview = await deletionPreview(await getDb(), user);
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <h1 className="text-2xl font-bold">Your data</h1>

      <section aria-labelledby="export-title" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="export-title" className="text-lg font-semibold">
          Download your data
        </h2>
        <p className="text-sm text-slate-600">
          One JSON file with everything Agora holds about you: your profile and creator profile, orders and sales, library, listings, reviews, reports,
          notifications, test results, API keys (names and prefixes, never the keys), payouts and the audit entries about your account.
        </p>
        {/* A plain link: the browser downloads the attachment the route answers. */}
        <a href="/account/data/export" download className={buttonClass("secondary")}>
          Download my data (JSON)
        </a>
      </section>

      <section aria-labelledby="delete-title" className="space-y-4 rounded-xl border border-red-200 bg-white p-4 sm:p-6">
        <h2 id="delete-title" className="text-lg font-semibold text-red-800">
          Delete your account
        </h2>
        <div className="space-y-2 text-sm text-slate-700">
          <p>When you delete your account:</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>your email address, name, password, GitHub link, creator bio and avatar are removed, and you are signed out everywhere;</li>
            <li>your API keys stop working, and your notifications and test results are deleted;</li>
            <li>your reviews stay, shown as by a deleted user; your listings are unpublished and people who bought them keep access;</li>
            <li>orders, payments and payouts are kept, without your name, because the law requires us to keep accounting records.</li>
          </ul>
          <p>You can sign up again later with the same email address, as a new account.</p>
        </div>
        {preview.creator ? <CreatorMoneyNotice creator={preview.creator} /> : null}
        {preview.blockedAsAdmin ? (
          <Alert tone="info" role="note">
            You are an admin. Ask another admin to remove your admin role first; then you can delete your account here.
          </Alert>
        ) : (
          <DeleteAccountForm action={deleteAccountAction} confirmWith={preview.confirmWith} twoFactorEnabled={preview.twoFactorEnabled} />
        )}
      </section>
    </div>
  );
}
