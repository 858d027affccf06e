"use client";
// The account's address and whether it is confirmed, with a button that sends the confirmation link again.
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { FormAction } from "@/lib/validated-action";

export function EmailStatus({ email, verified, resend }: { email: string; verified: boolean; resend: FormAction }) {
  const [state, formAction, pending] = useActionState(resend, {});
  return (
    <div className="space-y-3">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{email}</span>
        {verified ? <Badge tone="success">Confirmed</Badge> : <Badge tone="warning">Not confirmed</Badge>}
      </p>
      {verified ? null : (
        <form action={formAction} className="space-y-3">
          <p className="text-sm text-slate-600">Confirm your address to sell on Agora and receive payouts. Follow the link we emailed you.</p>
          <FormError message={state.error} />
          {state.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Sending…" : "Send the link again"}
          </Button>
        </form>
      )}
    </div>
  );
}
