"use client";
// An admin removes a published listing directly, with a reason the creator is told; asks before doing it.
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextAreaField } from "@/components/ui/field";
import type { FormAction } from "@/lib/validated-action";

/** `back`: "listing" returns to the listing's admin page once removed (otherwise to the resolved reports). */
export function RemoveListingForm({ listingId, title, remove, back }: { listingId: string; title: string; remove: FormAction; back?: "listing" }) {
  const [state, action, pending] = useActionState(remove, {});
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  return (
    <form
      ref={form}
      action={action}
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
        label="Reason for removal (the creator sees this)"
        name="reason"
        rows={3}
        required
        minLength={10}
        maxLength={2000}
        defaultValue={state.values?.reason}
        error={state.fieldErrors?.reason?.[0]}
      />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Removing…" : "Remove listing"}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="remove-listing-title"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="space-y-3 p-6">
          <h2 id="remove-listing-title" className="text-lg font-semibold">
            Remove “{title}”?
          </h2>
          <p className="text-sm text-slate-600">
            It leaves the catalog, search and the API at once. Buyers keep what they bought; the creator is told why and may answer once.
          </p>
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
              Yes, remove it
            </Button>
          </div>
        </div>
      </dialog>
    </form>
  );
}
