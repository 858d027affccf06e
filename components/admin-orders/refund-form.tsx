"use client";
// Refund an order (partly or fully) with a reason; asks for confirmation first.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/validated-action";

export function RefundForm({
  orderId,
  remaining,
  action,
}: {
  orderId: string;
  remaining: string;
  action: (s: ActionState, d: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        if (!window.confirm("Refund this order? The money goes back to the buyer and cannot be recovered.")) event.preventDefault();
      }}
    >
      <input type="hidden" name="orderId" value={orderId} />
      <label className="text-xs text-slate-600">
        Amount (USD)
        <input name="amount" inputMode="decimal" placeholder={remaining} className="mt-1 block w-24 rounded border border-slate-300 px-2 py-1 text-sm" />
      </label>
      <label className="text-xs text-slate-600">
        Reason
        <input name="reason" required minLength={3} className="mt-1 block w-48 rounded border border-slate-300 px-2 py-1 text-sm" />
      </label>
      <Button type="submit" variant="danger" className="px-3 py-1" disabled={pending}>
        {pending ? "Refunding…" : "Refund"}
      </Button>
      <div className="w-full">
        <FormError message={state.error} />
        {state.message ? (
          <p role="status" className="text-sm text-green-700">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
