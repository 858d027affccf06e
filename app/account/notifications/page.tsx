// GET /account/notifications — which optional emails a person gets; account and money mail can't be turned off.
import type { Metadata } from "next";
import { EmailPreferencesForm } from "@/components/email/email-preferences-form";
import { Section } from "@/components/ui/section";
import { getDb } from "@/db/client";
import { isCreator } from "@/lib/auth/actor";
import { userOrSignIn } from "@/lib/auth/session";
import { myEmailPreferences } from "@/lib/email/preferences";
import { saveEmailPreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

const ALWAYS_SENT = [
  ["Account security", "confirming your address, password resets, email changes, sign-ins from a new device"],
  ["Purchases", "receipts with your license, and refunds"],
  ["Moderation", "decisions on your reports and on your listings"],
] as const;

export default async function NotificationSettingsPage() {
  const user = await userOrSignIn("/account/notifications");
  const preferences = await myEmailPreferences(await getDb(), user);
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Email notifications</h1>
        <p className="text-sm text-slate-600">
          Choose which emails we send to <span className="font-medium text-slate-800">{user.email}</span>. Everything also appears under the bell in the header.
        </p>
      </div>
      <EmailPreferencesForm action={saveEmailPreferencesAction} initial={preferences} sells={isCreator(user)} />
      <Section id="always-sent" title="Always sent" className="space-y-3">
        <p className="text-sm text-slate-600">These emails are about your account and your money, so they can&apos;t be turned off.</p>
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {ALWAYS_SENT.map(([title, detail]) => (
            <li key={title} className="px-4 py-3 text-sm">
              <span className="font-medium text-slate-900">{title}</span>
              <span className="text-slate-600"> — {detail}</span>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
