"use client";
// Create an API key: a name and what it may do; the new key is shown once, with a copy button, until the person leaves.
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES } from "@/lib/api-keys/scopes";
import type { CreateApiKeyAction } from "./api-key-actions";

export function CreateApiKeyForm({ action }: { action: CreateApiKeyAction }) {
  const [state, formAction, pending] = useActionState(action, {});
  const [copied, setCopied] = useState<string | null>(null);
  const created = state.created;
  return (
    <section aria-labelledby="create-key-title" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="create-key-title" className="text-lg font-semibold">
        Create a key
      </h2>
      {created ? (
        <Alert tone="success" className="space-y-2">
          <p className="font-medium">Your new key “{created.name}”. Copy it now: it won&apos;t be shown again.</p>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <code
              data-testid="new-api-key"
              aria-label="New API key"
              className="block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900 ring-1 ring-emerald-200"
            >
              {created.key}
            </code>
            <Button
              type="button"
              variant="secondary"
              className="shrink-0 px-3 py-1"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.key).catch(() => {});
                setCopied(created.key);
              }}
            >
              {copied === created.key ? "Copied" : "Copy key"}
            </Button>
          </div>
        </Alert>
      ) : null}
      <form action={formAction} className="space-y-4" key={created?.key ?? "form"}>
        <FormError message={state.error} />
        <Field
          label="Name"
          name="name"
          required
          maxLength={80}
          placeholder="e.g. Nightly backup script"
          defaultValue={created ? "" : state.values?.name}
          error={state.fieldErrors?.name?.[0]}
          hint="So you recognise it later in the list."
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">What the key may do</legend>
          {API_KEY_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked className="mt-0.5 h-4 w-4 rounded border-slate-300" />
              <span>
                <span className="font-medium">{API_KEY_SCOPE_LABELS[scope].label}</span> <code className="text-xs text-slate-500">{scope}</code>
                <span className="block text-slate-600">Lets the key {API_KEY_SCOPE_LABELS[scope].allows}.</span>
              </span>
            </label>
          ))}
          {state.fieldErrors?.scopes?.[0] ? <p className="text-sm text-red-600">{state.fieldErrors.scopes[0]}</p> : null}
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
    </section>
  );
}
