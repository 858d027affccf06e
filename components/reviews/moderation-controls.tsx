"use client";
// Admin controls on a review: hide (asks for a reason and confirmation first) or restore.
import { useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionState, FormAction } from "@/lib/validated-action";

export function HideReviewControl({ reviewId, action: hide }: { reviewId: string; action: FormAction }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(hide, {});
  const id = useId();
  if (!confirming) {
    return (
      <Button type="button" variant="ghost" className="px-2 py-1 text-xs text-red-700" onClick={() => setConfirming(true)}>
        Hide review
      </Button>
    );
  }
  return (
    <form action={action} className="mt-3 space-y-2 rounded-lg border border-red-200 bg-red-50 p-3" aria-label="Hide this review">
      <input type="hidden" name="reviewId" value={reviewId} />
      <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-red-900">
        Why hide it? (kept in the audit log)
      </label>
      <input
        id={`${id}-reason`}
        name="reason"
        required
        minLength={3}
        maxLength={500}
        autoFocus
        defaultValue={state.values?.reason ?? ""}
        className="block w-full rounded-lg border border-red-300 bg-white px-3 py-2 text-sm"
      />
      <p className="text-xs text-red-800">The review disappears from the listing and stops counting towards its rating.</p>
      <FormError message={state.error} />
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Hiding…" : "Hide review"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function RestoreReviewControl({ reviewId, action: restore }: { reviewId: string; action: FormAction }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(restore, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="reviewId" value={reviewId} />
      <Button type="submit" variant="ghost" className="px-2 py-1 text-xs" disabled={pending}>
        {pending ? "Restoring…" : "Restore review"}
      </Button>
      <FormError message={state.error} />
    </form>
  );
}
