"use client";
// The Buy / Get button: starts checkout on the server; errors (already owned, suspended…) show inline.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/validated-action";

export function BuyForm({
  action,
  listingId,
  slug,
  free,
}: {
  action: (state: ActionState, data: FormData) => Promise<ActionState>;
  listingId: string;
  slug: string;
  free: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="listingId" value={listingId} />
      <input type="hidden" name="slug" value={slug} />
      <FormError message={state.error} />
      <Button type="submit" className="w-full" disabled={pending} data-testid="buy-button">
        {pending ? (free ? "Adding to your library…" : "Opening checkout…") : free ? "Get it free" : "Buy"}
      </Button>
    </form>
  );
}
