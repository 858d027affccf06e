"use client";
// The payout card's one button: starts or continues onboarding, with progress while Stripe answers.
import { useActionState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { FormAction } from "@/lib/validated-action";

export function StartOnboardingForm({ label, action: start, variant = "primary" }: { label: string; action: FormAction; variant?: ButtonVariant }) {
  const [state, action, pending] = useActionState(start, {});
  return (
    <form action={action} className="space-y-2">
      <FormError message={state.error} />
      <Button type="submit" variant={variant} disabled={pending} aria-busy={pending || undefined}>
        {pending ? "Opening Stripe…" : label}
      </Button>
    </form>
  );
}
