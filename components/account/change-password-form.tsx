"use client";
// Change the password: the current one is required; every other session is signed out, this one stays.
import { Field } from "@/components/ui/field";
import type { FormAction } from "@/lib/validated-action";
import { SettingsForm } from "./settings-form";

export function ChangePasswordForm({ action }: { action: FormAction }) {
  return (
    <SettingsForm action={action} submitLabel="Change password" pendingLabel="Changing…">
      {(state) => (
        <>
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={state.fieldErrors?.currentPassword?.[0]}
          />
          <Field
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            hint="At least 8 characters."
            error={state.fieldErrors?.newPassword?.[0]}
          />
        </>
      )}
    </SettingsForm>
  );
}
