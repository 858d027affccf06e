"use client";
// Fill a prompt's {{variables}} in a form, see the result live, copy it in one click.
import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { fillPrompt, missingVariables, promptSegments } from "@/lib/library/prompt";
import { CopyButton } from "./copy-button";

export type PromptVariableDoc = { name: string; description: string; example: string };

export function PromptFiller({ template, variables }: { template: string; variables: PromptVariableDoc[] }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const id = useId();
  const segments = useMemo(() => promptSegments(template, values), [template, values]);
  const missing = missingVariables(template, values);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <form className="space-y-4" onSubmit={(e) => e.preventDefault()} aria-label="Prompt variables">
        {variables.length === 0 ? <p className="text-sm text-slate-600">This prompt has no variables: copy it as it is.</p> : null}
        {variables.map((v) => (
          <div key={v.name} className="space-y-1">
            <label htmlFor={`${id}-${v.name}`} className="block font-mono text-sm font-medium text-slate-800">
              {v.name}
            </label>
            {v.description ? (
              <p id={`${id}-${v.name}-hint`} className="text-xs text-slate-500">
                {v.description}
              </p>
            ) : null}
            <textarea
              id={`${id}-${v.name}`}
              rows={2}
              value={values[v.name] ?? ""}
              placeholder={v.example ? `e.g. ${v.example}` : undefined}
              aria-describedby={v.description ? `${id}-${v.name}-hint` : undefined}
              onChange={(e) => setValues((prev) => ({ ...prev, [v.name]: e.target.value }))}
              className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
            />
          </div>
        ))}
        {variables.length > 0 ? (
          <Button type="button" variant="ghost" onClick={() => setValues({})}>
            Clear all
          </Button>
        ) : null}
      </form>
      <div className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="font-medium">Your prompt</h3>
          <CopyButton
            text={() => fillPrompt(template, values)}
            label="Copy prompt"
            variant="primary"
            note={missing.length ? `${missing.length} variable${missing.length > 1 ? "s" : ""} still empty` : undefined}
          />
        </div>
        <pre
          className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded-xl border border-slate-200 bg-white p-4 font-mono text-sm leading-relaxed text-slate-800"
          data-testid="filled-prompt"
          tabIndex={0}
          aria-label="Filled prompt"
        >
          {segments.map((s, i) =>
            s.type === "text" ? (
              <span key={i}>{s.text}</span>
            ) : s.value === null ? (
              <mark key={i} className="rounded bg-amber-100 px-0.5 text-amber-900">{`{{${s.name}}}`}</mark>
            ) : (
              <span key={i} className="rounded bg-brand-50 text-brand-700">
                {s.value}
              </span>
            ),
          )}
        </pre>
        {missing.length ? (
          <p className="text-sm text-amber-800">
            Still empty:{" "}
            {missing.map((m) => (
              <code key={m} className="mx-0.5 rounded bg-amber-50 px-1">
                {m}
              </code>
            ))}
          </p>
        ) : variables.length ? (
          <p className="text-sm text-green-700">All variables filled.</p>
        ) : null}
      </div>
    </div>
  );
}
