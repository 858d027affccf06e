"use client";
// Account creation form; server errors appear next to the field they concern, and success says to check the inbox.
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/validated-action";

export function SignUpForm({ action, returnTo }: { action: (state: ActionState, data: FormData) => Promise<ActionState>; returnTo: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.ok && state.message) {
    return (
      <Alert tone="success">
        <p className="font-medium">Almost there</p>
        <p className="mt-1">{state.message}</p>
      </Alert>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <Field label="Name" name="name" autoComplete="name" required maxLength={80} defaultValue={state.values?.name} error={state.fieldErrors?.name?.[0]} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email?.[0]} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        error={state.fieldErrors?.password?.[0]}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
