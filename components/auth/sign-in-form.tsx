"use client";
// Email + password sign-in; keeps the typed email when the server says no.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/validated-action";

export function SignInForm({ action, returnTo }: { action: (state: ActionState, data: FormData) => Promise<ActionState>; returnTo: string }) {
  const [state, formAction, pending] = useActionState(action, {});
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
