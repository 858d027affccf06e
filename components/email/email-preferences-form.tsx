"use client";
// The notification settings form: how sale emails arrive (each / daily digest / off), new versions, payouts.
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { EmailPreferences } from "@/lib/email/preferences";
import type { ActionState, FormAction } from "@/lib/validated-action";

const SALE_CHOICES = [
  { value: "each", label: "Each sale", hint: "An email as soon as someone buys." },
  { value: "digest", label: "Daily digest", hint: "One email a day (08:00 UTC) listing the day's sales." },
  { value: "off", label: "Off", hint: "No sale emails; sales still show on your dashboard." },
] as const;

function Toggle({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-lg px-1 py-2">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-0.5 size-4 accent-brand-600" />
      <span className="text-sm">
        <span className="block font-medium text-slate-900">{label}</span>
        <span className="block text-slate-600">{hint}</span>
      </span>
    </label>
  );
}

export function EmailPreferencesForm({ action, initial, sells }: { action: FormAction; initial: EmailPreferences; sells: boolean }) {
  const [state, formAction, pending] = useActionState(action, {} as ActionState);
  return (
    <form action={formAction} className="space-y-6 rounded-xl border border-slate-200 bg-white p-5">
      <fieldset className="space-y-2">
        <legend className="text-base font-semibold text-slate-900">Sales</legend>
        {!sells && <p className="text-sm text-slate-600">Applies once you sell on Agora.</p>}
        <div className="grid gap-2 sm:grid-cols-3">
          {SALE_CHOICES.map((choice) => (
            <label
              key={choice.value}
              className="flex cursor-pointer flex-col gap-1 rounded-lg border border-slate-200 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <span className="flex items-center gap-2 font-medium text-slate-900">
                <input type="radio" name="saleEmails" value={choice.value} defaultChecked={initial.saleEmails === choice.value} className="accent-brand-600" />
                {choice.label}
              </span>
              <span className="text-slate-600">{choice.hint}</span>
            </label>
          ))}
        </div>
        {state.fieldErrors?.saleEmails && <p className="text-sm text-red-700">{state.fieldErrors.saleEmails[0]}</p>}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-base font-semibold text-slate-900">Library</legend>
        <Toggle
          name="newVersionEmails"
          label="New versions"
          hint="When something you own gets a new version. Every such email has a one-click unsubscribe."
          defaultChecked={initial.newVersionEmails}
        />
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-base font-semibold text-slate-900">Payouts</legend>
        {!sells && <p className="text-sm text-slate-600">Applies once you sell on Agora.</p>}
        <Toggle name="payoutEmails" label="Payouts" hint="When a monthly payout is sent, held or fails." defaultChecked={initial.payoutEmails} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save email settings"}
        </Button>
        {state.ok && !pending && <Alert tone="success">{state.message}</Alert>}
        {state.error && !pending && <Alert tone="error">{state.error}</Alert>}
      </div>
    </form>
  );
}
