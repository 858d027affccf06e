"use client";
// An admin's decision on a report: one outcome from those that fit, a note the people concerned read, and a
// confirmation before anything destructive (removing a listing, suspending an account).
import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { FormAction } from "@/lib/validated-action";

export type OutcomeOption = { value: string; label: string; hint: string; destructive: boolean };

export function ReportDecision({ reportId, outcomes, resolve }: { reportId: string; outcomes: OutcomeOption[]; resolve: FormAction }) {
  const [state, action, pending] = useActionState(resolve, {});
  const [outcome, setOutcome] = useState(state.values?.outcome ?? outcomes[0]?.value ?? "");
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const chosen = outcomes.find((o) => o.value === outcome);
  return (
    <form
      ref={form}
      action={action}
      className="space-y-4"
      onSubmit={(event) => {
        // Destructive outcomes ask first; the dialog's confirm button submits for real.
        if (chosen?.destructive && !confirmed.current) {
          event.preventDefault();
          if (form.current?.reportValidity()) dialog.current?.showModal();
        }
        confirmed.current = false;
      }}
    >
      <input type="hidden" name="reportId" value={reportId} />
      <FormError message={state.error} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Outcome</legend>
        {outcomes.map((o) => (
          <label
            key={o.value}
            className="flex items-start gap-2 rounded-lg border border-slate-200 p-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
          >
            <input type="radio" name="outcome" value={o.value} checked={outcome === o.value} onChange={() => setOutcome(o.value)} className="mt-1" />
            <span>
              <span className="font-medium">{o.label}</span>
              <span className="block text-slate-600">{o.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="report-note" className="block text-sm font-medium text-slate-700">
          Note (the reporter and the person concerned read it) <span className="text-red-600">*</span>
        </label>
        <textarea
          id="report-note"
          name="note"
          rows={4}
          required
          minLength={10}
          maxLength={2000}
          defaultValue={state.values?.note}
          aria-invalid={state.fieldErrors?.note ? true : undefined}
          className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
        />
        {state.fieldErrors?.note?.[0] ? <p className="text-sm text-red-600">{state.fieldErrors.note[0]}</p> : null}
      </div>
      <Button type="submit" variant={chosen?.destructive ? "danger" : "primary"} disabled={pending}>
        {pending ? "Saving…" : "Decide"}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="report-confirm-title"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="space-y-3 p-6">
          <h2 id="report-confirm-title" className="text-lg font-semibold">
            {chosen?.label}?
          </h2>
          <p className="text-sm text-slate-600">{chosen?.hint} The people concerned are told at once.</p>
          <div className="flex justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
              Cancel
            </Button>
            <Button
              type="button"
              variant="danger"
              onClick={() => {
                dialog.current?.close();
                confirmed.current = true;
                form.current?.requestSubmit();
              }}
            >
              Yes, {chosen?.label.toLowerCase()}
            </Button>
          </div>
        </div>
      </dialog>
    </form>
  );
}
