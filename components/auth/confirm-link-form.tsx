"use client";
// One button that uses an emailed link (confirm an address). Opening the link only shows this button, so mail
// scanners that fetch links don't use them up.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { FormAction } from "@/lib/validated-action";

export function ConfirmLinkForm({ action, token, label }: { action: FormAction; token: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4">
      <FormError message={state.error} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Confirming…" : label}
      </Button>
    </form>
  );
}
