"use client";
// The form that opens a creator storefront: handle, display name, bio and avatar.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, TextAreaField } from "@/components/ui/field";
import type { ActionState } from "@/lib/validated-action";
import { AvatarUpload } from "./avatar-upload";

export function BecomeCreatorForm({ action, defaultName }: { action: (s: ActionState, d: FormData) => Promise<ActionState>; defaultName: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4">
      <FormError message={state.error} />
      <Field
        label="Handle"
        name="handle"
        required
        defaultValue={state.values?.handle}
        hint="Your storefront address: agora/c/your-handle. Lowercase letters, digits, - and _."
        error={state.fieldErrors?.handle?.[0]}
      />
      <Field
        label="Display name"
        name="displayName"
        required
        defaultValue={state.values?.displayName ?? defaultName}
        error={state.fieldErrors?.displayName?.[0]}
      />
      <TextAreaField label="Bio" name="bio" id="bio" rows={4} maxLength={1000} defaultValue={state.values?.bio} error={state.fieldErrors?.bio?.[0]} />
      <AvatarUpload name="avatarImageId" defaultImageId={state.values?.avatarImageId} />
      {state.fieldErrors?.avatarImageId?.[0] ? <p className="text-sm text-red-600">{state.fieldErrors.avatarImageId[0]}</p> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Opening your storefront…" : "Become a creator"}
      </Button>
    </form>
  );
}
