"use client";
// Delete the account: the password (or the email typed out, for accounts without one) and a two-factor code, then a
// second, explicit confirmation before anything is sent.
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import type { FormAction } from "@/lib/validated-action";

export function DeleteAccountForm({
  action,
  confirmWith,
  twoFactorEnabled,
}: {
  action: FormAction;
  confirmWith: "password" | "email";
  twoFactorEnabled: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={formAction} className="space-y-4" onSubmit={() => setConfirming(false)}>
      <FormError message={state.error} />
      {confirmWith === "password" ? (
        <Field label="Your password" name="password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password?.[0]} />
      ) : (
        <Field
          label="Type your email address to confirm"
          name="confirmEmail"
          type="email"
          autoComplete="off"
          required
          hint="Your account has no password (you sign in with GitHub), so typing your address confirms it is you."
          error={state.fieldErrors?.confirmEmail?.[0]}
        />
      )}
      {twoFactorEnabled ? (
        <Field
          label="Two-factor code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
          error={state.fieldErrors?.code?.[0]}
        />
      ) : null}
      {confirming ? (
        <div role="group" aria-label="Confirm account deletion" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-3">
          <p className="text-sm text-red-800">This can&apos;t be undone. Your account is deleted now and you are signed out everywhere.</p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Deleting…" : "Yes, delete my account"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
          Delete my account…
        </Button>
      )}
    </form>
  );
}
