// GET /email/unsubscribe?token=… — the page an unsubscribe link opens. It asks before changing anything (mail
// scanners open links too); the button works without signing in.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CATEGORY_LABELS, readUnsubscribeToken } from "@/lib/email/unsubscribe";
import { unsubscribeAction } from "./actions";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string; done?: string }> };

export default async function UnsubscribePage({ searchParams }: Props) {
  const { token, done } = await searchParams;
  const target = readUnsubscribeToken(token);
  return (
    <div className="mx-auto max-w-md space-y-4 py-10">
      <h1 className="text-2xl font-bold">Unsubscribe</h1>
      {!target ? (
        <Alert tone="error">This unsubscribe link is not valid. Open the link from the email again, or change your email settings after signing in.</Alert>
      ) : done ? (
        <Alert tone="success">Done: you will no longer get {CATEGORY_LABELS[target.category]}.</Alert>
      ) : (
        <form action={unsubscribeAction} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
          <p className="text-sm text-slate-700">Stop sending me {CATEGORY_LABELS[target.category]}? Account, receipt and security emails still arrive.</p>
          <input type="hidden" name="token" value={token} />
          <Button type="submit">Unsubscribe</Button>
        </form>
      )}
      <p className="text-sm text-slate-600">
        You can turn any optional email back on in{" "}
        <Link href="/account/notifications" className="text-brand-700 underline">
          your email settings
        </Link>
        .
      </p>
    </div>
  );
}
