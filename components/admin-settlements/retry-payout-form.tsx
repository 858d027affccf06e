"use client";
// "Retry payout" on a failed or held row: a second button confirms before the transfer is attempted.
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/validated-action";

export function RetryPayoutForm({
  payoutId,
  creator,
  amount,
  action,
}: {
  payoutId: string;
  creator: string;
  amount: string;
  action: (state: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={formAction} className="space-y-1" onSubmit={() => setConfirming(false)}>
      <input type="hidden" name="payoutId" value={payoutId} />
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label={`Confirm retry for ${creator}`}>
          <span className="text-xs text-slate-600">
            Send {amount} to {creator} now?
          </span>
          <Button type="submit" className="px-3 py-1">
            Confirm retry
          </Button>
          <Button type="button" variant="ghost" className="px-3 py-1" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button
          type="button"
          variant="secondary"
          className="px-3 py-1"
          disabled={pending}
          onClick={() => setConfirming(true)}
          aria-label={`Retry payout to ${creator}`}
        >
          {pending ? "Retrying…" : "Retry payout"}
        </Button>
      )}
      {state.error ? (
        <p role="alert" className="text-xs text-red-700">
          {state.error}
        </p>
      ) : state.message ? (
        <p role="status" className="text-xs text-emerald-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
