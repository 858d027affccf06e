"use client";
// The local test checkout's three outcomes, each a server action on the same session.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/validated-action";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export function LocalCheckoutForm({ sessionId, amount, pay, fail, cancel }: { sessionId: string; amount: string; pay: Action; fail: Action; cancel: Action }) {
  const [payState, payAction, paying] = useActionState(pay, {});
  const [failState, failAction, failing] = useActionState(fail, {});
  const [cancelState, cancelAction, cancelling] = useActionState(cancel, {});
  const busy = paying || failing || cancelling;
  return (
    <div className="space-y-3">
      <FormError message={payState.error ?? failState.error ?? cancelState.error} />
      <form action={payAction}>
        <input type="hidden" name="sessionId" value={sessionId} />
        <Button type="submit" className="w-full py-3 text-base" disabled={busy}>
          {paying ? "Processing…" : `Pay ${amount}`}
        </Button>
      </form>
      <div className="flex gap-3">
        <form action={failAction} className="flex-1">
          <input type="hidden" name="sessionId" value={sessionId} />
          <Button type="submit" variant="secondary" className="w-full" disabled={busy}>
            {failing ? "Failing…" : "Simulate a failed payment"}
          </Button>
        </form>
        <form action={cancelAction} className="flex-1">
          <input type="hidden" name="sessionId" value={sessionId} />
          <Button type="submit" variant="ghost" className="w-full" disabled={busy}>
            Cancel and go back
          </Button>
        </form>
      </div>
    </div>
  );
}
