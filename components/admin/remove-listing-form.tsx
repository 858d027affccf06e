"use client";
// An admin removes a published listing directly, with a reason the creator is told, or restores a removed one, with a
// note the creator is told; asks before doing either.
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextAreaField } from "@/components/ui/field";
import type { FormAction } from "@/lib/validated-action";

const MODES = {
  remove: {
    field: "reason",
    label: "Reason for removal (the creator sees this)",
    button: "Remove listing",
    pending: "Removing…",
    variant: "danger",
    question: "Remove",
    consequence: "It leaves the catalog, search and the API at once. Buyers keep what they bought; the creator is told why and may answer once.",
    confirm: "Yes, remove it",
  },
  restore: {
    field: "note",
    label: "Why it is restored (the creator sees this)",
    button: "Restore listing",
    pending: "Restoring…",
    variant: "primary",
    question: "Restore",
    consequence:
      "It returns to the catalog, search and the API at once with its approved version, and can be bought again. The creator is told, with your note.",
    confirm: "Yes, restore it",
  },
} as const;

/**
 * `action`: the remove or restore server action. `back`: "listing" returns to the listing's admin page once removed
 * (otherwise to the resolved reports); a restore always returns there.
 */
export function RemoveListingForm({
  listingId,
  title,
  action,
  back,
  mode = "remove",
}: {
  listingId: string;
  title: string;
  action: FormAction;
  back?: "listing";
  mode?: keyof typeof MODES;
}) {
  const copy = MODES[mode];
  const [state, formAction, pending] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  return (
    <form
      ref={form}
      action={formAction}
      className="space-y-3"
      onSubmit={(event) => {
        if (!confirmed.current) {
          event.preventDefault();
          if (form.current?.reportValidity()) dialog.current?.showModal();
        }
        confirmed.current = false;
      }}
    >
      <input type="hidden" name="listingId" value={listingId} />
      {back ? <input type="hidden" name="back" value={back} /> : null}
      <FormError message={state.error} />
      <TextAreaField
        label={copy.label}
        name={copy.field}
        rows={3}
        required
        minLength={10}
        maxLength={2000}
        defaultValue={state.values?.[copy.field]}
        error={state.fieldErrors?.[copy.field]?.[0]}
      />
      <Button type="submit" variant={copy.variant} disabled={pending}>
        {pending ? copy.pending : copy.button}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${mode}-listing-title`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="space-y-3 p-6">
          <h2 id={`${mode}-listing-title`} className="text-lg font-semibold">
            {copy.question} “{title}”?
          </h2>
          <p className="text-sm text-slate-600">{copy.consequence}</p>
          <div className="flex justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
              Cancel
            </Button>
            <Button
              type="button"
              variant={copy.variant}
              onClick={() => {
                dialog.current?.close();
                confirmed.current = true;
                form.current?.requestSubmit();
              }}
            >
              {copy.confirm}
            </Button>
          </div>
        </div>
      </dialog>
    </form>
  );
}
