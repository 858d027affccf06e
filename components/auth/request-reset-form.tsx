"use client";
// "Forgot your password?": one email field; the answer is the same whether or not the address has an account.
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import type { FormAction } from "@/lib/validated-action";

export function RequestResetForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.ok && state.message) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email?.[0]} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
