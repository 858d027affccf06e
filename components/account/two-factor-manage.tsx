"use client";
// With two-factor on: how many recovery codes are left, new recovery codes, and turning it off (password + code).
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import type { FormAction } from "@/lib/validated-action";
import { RecoveryCodes } from "./recovery-codes";
import { SettingsForm } from "./settings-form";

export type TwoFactorManageActions = {
  regenerate: (state: { codes?: string[]; error?: string }, data: FormData) => Promise<{ codes?: string[]; error?: string }>;
  disable: FormAction;
};

export function TwoFactorManage({
  recoveryCodesLeft,
  hasPassword,
  actions,
}: {
  recoveryCodesLeft: number;
  hasPassword: boolean;
  actions: TwoFactorManageActions;
}) {
  const [fresh, regenerate, pending] = useActionState(actions.regenerate, {});
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700">
        <span className="font-medium text-emerald-700">On.</span> Recovery codes left: {recoveryCodesLeft} of 10.
      </p>
      <div className="space-y-3">
        <h3 className="font-medium">New recovery codes</h3>
        {fresh.codes ? (
          <RecoveryCodes codes={fresh.codes} />
        ) : (
          <form action={regenerate} className="space-y-3" noValidate>
            <FormError message={fresh.error} />
            <p className="text-sm text-slate-600">Your current recovery codes stop working.</p>
            <Field label="Code from your app" name="code" autoComplete="one-time-code" required />
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? "Creating…" : "Create new recovery codes"}
            </Button>
          </form>
        )}
      </div>
      <div className="space-y-3">
        <h3 className="font-medium">Turn off two-factor sign-in</h3>
        <SettingsForm action={actions.disable} submitLabel="Turn off two-factor sign-in" pendingLabel="Turning off…" variant="danger">
          {(state) => (
            <>
              {hasPassword ? (
                <Field label="Password" name="password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password?.[0]} />
              ) : null}
              <Field label="Code or recovery code" name="code" autoComplete="one-time-code" required error={state.fieldErrors?.code?.[0]} />
            </>
          )}
        </SettingsForm>
      </div>
    </div>
  );
}
