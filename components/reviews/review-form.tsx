"use client";
// Writing or editing a review: stars and text, with errors next to the fields and nothing lost on failure.
import { useActionState, useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/validated-action";
import type { ReviewActions } from "./review-actions";
import { StarInput } from "./star-input";

const BODY_MAX = 4000;

type Props =
  | { mode: "create"; listingId: string; actions: ReviewActions; onDone?: () => void }
  | { mode: "edit"; review: { id: string; rating: number; body: string }; actions: ReviewActions; onDone?: () => void; onCancel: () => void };

export function ReviewForm(props: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(props.mode === "create" ? props.actions.create : props.actions.edit, {});
  const id = useId();
  const doneRef = useRef(props.onDone);
  useEffect(() => {
    doneRef.current = props.onDone;
  });
  useEffect(() => {
    if (state.ok) doneRef.current?.();
  }, [state]);

  const initialBody = state.values?.body ?? (props.mode === "edit" ? props.review.body : "");
  const initialRating = Number(state.values?.rating ?? (props.mode === "edit" ? props.review.rating : 0)) || undefined;
  const bodyError = state.fieldErrors?.body?.[0];
  return (
    <form action={action} className="space-y-3" aria-label={props.mode === "create" ? "Write a review" : "Edit your review"}>
      {props.mode === "create" ? (
        <input type="hidden" name="listingId" value={props.listingId} />
      ) : (
        <input type="hidden" name="reviewId" value={props.review.id} />
      )}
      <StarInput idPrefix={id} defaultValue={initialRating} error={state.fieldErrors?.rating?.[0]} />
      <div className="space-y-1">
        <label htmlFor={`${id}-body`} className="block text-sm font-medium text-slate-700">
          Your review
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={4}
          maxLength={BODY_MAX}
          defaultValue={initialBody}
          required
          minLength={3}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={bodyError ? `${id}-body-error` : `${id}-body-hint`}
          placeholder="What did you use it for? What worked, what didn't?"
          className={`block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm ${bodyError ? "border-red-500" : "border-slate-300"}`}
        />
        {bodyError ? (
          <p id={`${id}-body-error`} className="text-sm text-red-600">
            {bodyError}
          </p>
        ) : (
          <p id={`${id}-body-hint`} className="text-xs text-slate-500">
            Shown publicly with your name. You can edit it later.
          </p>
        )}
      </div>
      {state.fieldErrors ? null : <FormError message={state.error} />}
      {state.ok && state.message ? (
        <p role="status" className="text-sm text-green-700">
          {state.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : props.mode === "create" ? "Post review" : "Save changes"}
        </Button>
        {props.mode === "edit" ? (
          <Button type="button" variant="ghost" onClick={props.onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
