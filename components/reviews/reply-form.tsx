"use client";
// The creator's one reply to a review.
import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionState, FormAction } from "@/lib/validated-action";

export function ReplyForm({ reviewId, action: reply, onCancel }: { reviewId: string; action: FormAction; onCancel: () => void }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(reply, {});
  const id = useId();
  return (
    <form action={action} className="mt-3 space-y-2 rounded-lg bg-slate-50 p-3">
      <input type="hidden" name="reviewId" value={reviewId} />
      <label htmlFor={`${id}-reply`} className="block text-sm font-medium text-slate-700">
        Your public reply
      </label>
      <textarea
        id={`${id}-reply`}
        name="reply"
        rows={3}
        maxLength={2000}
        required
        defaultValue={state.values?.reply ?? ""}
        aria-describedby={`${id}-reply-hint`}
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
      />
      <p id={`${id}-reply-hint`} className="text-xs text-slate-500">
        You can reply once, and the reply can&apos;t be edited afterwards.
      </p>
      <FormError message={state.error} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Posting…" : "Post reply"}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
