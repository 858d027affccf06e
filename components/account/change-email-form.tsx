"use client";
// Change the account's email address (current password required): confirmed by a link sent to the new one.
import { Field } from "@/components/ui/field";
import type { FormAction } from "@/lib/validated-action";
import { SettingsForm } from "./settings-form";

export function ChangeEmailForm({ action }: { action: FormAction }) {
  return (
    <SettingsForm action={action} submitLabel="Send confirmation link" pendingLabel="Sending…">
      {(state) => (
        <>
          <Field
            label="New email address"
            name="newEmail"
            type="email"
            autoComplete="email"
            required
            defaultValue={state.ok ? "" : state.values?.newEmail}
            error={state.fieldErrors?.newEmail?.[0]}
          />
          <Field label="Current password" name="password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password?.[0]} />
        </>
      )}
    </SettingsForm>
  );
}
