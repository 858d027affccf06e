"use client";
// The local stand-in for Stripe's hosted Express onboarding: the details Stripe would ask for, prefilled with test values.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, SelectField } from "@/components/ui/field";
import { COUNTRIES } from "@/lib/creators/countries";
import type { FormAction } from "@/lib/validated-action";

export function LocalOnboardingForm({
  accountId,
  defaultName,
  submit,
  save,
}: {
  accountId: string;
  defaultName: string;
  submit: FormAction;
  save: FormAction;
}) {
  const [submitState, submitAction, submitting] = useActionState(submit, {});
  const [saveState, saveAction, saving] = useActionState(save, {});
  const busy = submitting || saving;
  const state = saveState.error ? saveState : submitState;
  const value = (name: string, fallback: string) => state.values?.[name] ?? fallback;
  const error = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={submitAction} className="space-y-5">
      <input type="hidden" name="accountId" value={accountId} />
      <FormError message={state.error} />
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Personal details</legend>
        <Field
          label="Legal name"
          name="legalName"
          autoComplete="name"
          defaultValue={value("legalName", defaultName)}
          error={error("legalName")}
          hint="As it appears on your government ID."
        />
        <SelectField label="Country" name="country" defaultValue={value("country", "US")} options={COUNTRIES} error={error("country")} />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Payout bank account</legend>
        <Field label="Routing number" name="routingNumber" inputMode="numeric" defaultValue={value("routingNumber", "110000000")} hint="Test routing number." />
        <Field
          label="Account number"
          name="bankAccountNumber"
          inputMode="numeric"
          defaultValue={value("bankAccountNumber", "000123456789")}
          error={error("bankAccountNumber")}
          hint="Test account number: payouts to it always succeed."
        />
      </fieldset>
      <fieldset className="space-y-2 rounded-lg border border-dashed border-amber-300 bg-amber-50/50 p-3">
        <legend className="px-1 text-sm font-semibold text-amber-900">Test outcome</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="testOutcome" value="verified" defaultChecked={value("testOutcome", "verified") === "verified"} className="mt-1" />
          <span>Verified: transfers and payouts turn on</span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="testOutcome"
            value="needs_document"
            defaultChecked={value("testOutcome", "verified") === "needs_document"}
            className="mt-1"
          />
          <span>Needs an ID document: Stripe restricts the account</span>
        </label>
      </fieldset>
      <p className="text-xs text-slate-500">By submitting, you agree to the Stripe Connected Account Agreement (test mode: nothing is sent to Stripe).</p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" className="flex-1 py-3" disabled={busy}>
          {submitting ? "Submitting…" : "Submit and return to Agora"}
        </Button>
        <Button type="submit" variant="secondary" formAction={saveAction} formNoValidate className="py-3" disabled={busy}>
          {saving ? "Saving…" : "Save for later"}
        </Button>
      </div>
    </form>
  );
}
