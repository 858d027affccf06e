"use client";
// Sends one failed mail again (admin email page), with its outcome next to the button.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/validated-action";

export function RetryMailButton({ mailId, action }: { mailId: string; action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, {} as ActionState);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="mailId" value={mailId} />
      <Button type="submit" variant="secondary" disabled={pending || state.ok === true}>
        {pending ? "Queuing…" : state.ok ? "Queued" : "Send again"}
      </Button>
      {state.error ? (
        <p role="alert" className="text-xs text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
