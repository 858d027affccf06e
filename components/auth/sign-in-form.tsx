"use client";
// Email + password sign-in, then (for accounts with two-factor on) the code step; keeps the typed email when the
// server says no.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/validated-action";

export type SignInFormState = ActionState & { challenge?: string };

export function SignInForm({ action, returnTo }: { action: (state: SignInFormState, data: FormData) => Promise<SignInFormState>; returnTo: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.challenge) {
    return (
      <form action={formAction} className="space-y-4" noValidate>
        <FormError message={state.error} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <input type="hidden" name="challenge" value={state.challenge} />
        <input type="hidden" name="email" value={state.values?.email ?? ""} />
        <p className="text-sm text-slate-600">Two-factor sign-in is on for this account.</p>
        <Field
          label="Authentication code"
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          required
          autoFocus
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Checking…" : "Verify and sign in"}
        </Button>
      </form>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email?.[0]} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password?.[0]} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
