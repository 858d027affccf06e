"use client";
// A settings form in a card: fields, a submit button, the server's error above and its success message in place.
import { useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionState, FormAction } from "@/lib/validated-action";

export function SettingsForm({
  action,
  submitLabel,
  pendingLabel,
  variant = "primary",
  children,
}: {
  action: FormAction;
  submitLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  children?: (state: ActionState) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError message={state.error} />
      {state.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      {children?.(state)}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
