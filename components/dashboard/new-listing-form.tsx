"use client";
// Starting a listing: what kind it is, a working title and a category. Everything else is in the editor.
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, SelectField } from "@/components/ui/field";
import { CATEGORIES } from "@/lib/catalog/categories";
import { KIND_LABELS, LISTING_KINDS, type Kind } from "@/lib/listings/kinds";
import type { ActionState } from "@/lib/validated-action";

const KIND_HINTS: Record<Kind, string> = {
  prompt: "A prompt template with {{variables}} and example outputs.",
  preset: "Settings for a tool, as JSON (Lightroom, ComfyUI, a synth…).",
  template: "A JSON document buyers fill in or import.",
  test: "Multiple-choice questions with answers, explanations and a pass mark.",
  model: "A fine-tuned model file, with its base model and license.",
};

export function NewListingForm({ action }: { action: (s: ActionState, d: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  const [kind, setKind] = useState<string>(state.values?.kind ?? "prompt");
  return (
    <form action={formAction} className="space-y-6">
      <FormError message={state.error} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">What are you selling?</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {LISTING_KINDS.map((k) => (
            <label
              key={k}
              className={`flex cursor-pointer flex-col gap-1 rounded-xl border p-4 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${
                kind === k ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white hover:border-slate-300"
              }`}
            >
              <span className="flex items-center gap-2 font-semibold">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="accent-brand-600" />
                {KIND_LABELS[k]}
              </span>
              <span className="text-slate-600">{KIND_HINTS[k]}</span>
            </label>
          ))}
        </div>
        {state.fieldErrors?.kind?.[0] ? <p className="text-sm text-red-600">{state.fieldErrors.kind[0]}</p> : null}
      </fieldset>
      <Field
        label="Title"
        name="title"
        required
        minLength={5}
        maxLength={120}
        defaultValue={state.values?.title}
        error={state.fieldErrors?.title?.[0]}
        hint="5–120 characters. You can change it later."
      />
      <SelectField
        label="Category"
        name="category"
        id="new-category"
        defaultValue={state.values?.category ?? CATEGORIES[0].slug}
        options={CATEGORIES.map((c) => [c.slug, c.name])}
        error={state.fieldErrors?.category?.[0]}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create draft"}
      </Button>
    </form>
  );
}
