"use client";
// A button that opens a confirmation dialog asking for a reason, then submits the action: for changes that need
// a second look (suspend, ban, demote…). The dialog stays open on an error, so the admin can fix the reason. The
// action's state lives with the caller, so the outcome outlives this button when the change removes it.
import { useEffect, useId, useRef } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/validated-action";

export function ReasonDialogForm({
  formAction,
  state,
  pending,
  fields,
  label,
  title,
  children,
  confirmLabel,
  variant = "secondary",
  confirmVariant = "danger",
}: {
  formAction: (data: FormData) => void;
  state: ActionState;
  pending: boolean;
  /** Hidden inputs the action needs (ids, the new status or role). */
  fields: Record<string, string>;
  label: string;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
  confirmVariant?: ButtonVariant;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    if (state.ok) dialog.current?.close();
  }, [state]);
  return (
    <>
      <Button type="button" variant={variant} onClick={() => dialog.current?.showModal()} disabled={pending}>
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
        className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={formAction} className="space-y-3 p-6">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={`${id}-text`} className="text-sm text-slate-600">
            {children}
          </div>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="space-y-1">
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-700">
              Reason
            </label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              required
              minLength={3}
              maxLength={500}
              rows={3}
              defaultValue={state.values?.reason}
              aria-invalid={state.fieldErrors?.reason ? true : undefined}
              aria-describedby={`${id}-reason-hint`}
              className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
            />
            <p id={`${id}-reason-hint`} className="text-xs text-slate-500">
              Kept in the audit log{fields.status ? " and shown to the person" : ""}.
            </p>
          </div>
          <FormError message={state.error} />
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant={confirmVariant} disabled={pending}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
