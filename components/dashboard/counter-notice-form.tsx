"use client";
// A removed listing's editor: the creator may answer the removal once (a counter-notice that reopens the case).
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextAreaField } from "@/components/ui/field";
import type { FormAction } from "@/lib/validated-action";

export type RemovalState = { reason: string; counterNotice: string | null; reopened: boolean };

export function CounterNoticeForm({ listingId, removal, action }: { listingId: string; removal: RemovalState; action: FormAction }) {
  const [state, submit, pending] = useActionState(action, {});
  return (
    <section id="counter-notice" aria-labelledby="counter-notice-title" className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="counter-notice-title" className="text-lg font-semibold">
        Answer this removal
      </h2>
      {removal.counterNotice || state.ok ? (
        <>
          <p role="status" className="text-sm text-slate-700">
            {state.ok
              ? state.message
              : removal.reopened
                ? "You answered this removal. A moderator will look at it again and tell you what they decide."
                : "You answered this removal and a moderator has decided; a removal can be answered once."}
          </p>
          {removal.counterNotice ? <p className="whitespace-pre-line rounded-lg bg-slate-50 p-3 text-sm text-slate-700">{removal.counterNotice}</p> : null}
        </>
      ) : (
        <form action={submit} className="space-y-3">
          <input type="hidden" name="listingId" value={listingId} />
          <p className="text-sm text-slate-600">
            If you believe the removal is a mistake (for example, you own the work claimed), explain why. You can answer once; a moderator looks at the case
            again and tells you the outcome.
          </p>
          <FormError message={state.error} />
          <TextAreaField
            label="Your counter-notice"
            name="text"
            rows={5}
            required
            minLength={20}
            maxLength={4000}
            defaultValue={state.values?.text}
            error={state.fieldErrors?.text?.[0]}
          />
          <Button type="submit" disabled={pending}>
            {pending ? "Sending…" : "Send counter-notice"}
          </Button>
        </form>
      )}
    </section>
  );
}
