"use client";
// Prompt content: the template with {{variables}} detected as you type and documented one by one, the
// target model, and example outputs as text or images.
import { Button } from "@/components/ui/button";
import { syncPromptVariables, type PromptDraft } from "@/lib/listings/content-draft";
import { ImageUploader } from "../image-uploader";
import { TextArea, TextInput } from "../fields";
import { draftField, issueAt, type EditorProps } from "./shared";

export function PromptEditor(props: EditorProps<PromptDraft>) {
  const { draft, onChange, disabled, issues } = props;
  // Every change keeps the variable list in step with the {{placeholders}} of the template.
  const synced = { ...props, onChange: (next: PromptDraft) => onChange({ ...next, variables: syncPromptVariables(next) }) };
  const setVariable = (name: string, field: "description" | "example", value: string) =>
    onChange({ ...draft, variables: draft.variables.map((v) => (v.name === name ? { ...v, [field]: value } : v)) });
  const setExample = (index: number, changes: Partial<PromptDraft["exampleOutputs"][number]>) =>
    onChange({ ...draft, exampleOutputs: draft.exampleOutputs.map((e, i) => (i === index ? { ...e, ...changes } : e)) });

  return (
    <div className="space-y-5">
      <TextArea
        label="Prompt template"
        required
        mono
        rows={10}
        max={20000}
        hint="Write {{variable}} wherever the buyer fills something in, e.g. {{product}}."
        {...draftField(synced, "template")}
      />
      <div className="space-y-2">
        <h3 className="text-sm font-medium text-slate-700">Variables</h3>
        {draft.variables.length === 0 ? (
          <p className="text-sm text-slate-500">No variables yet. Any {"{{name}}"} in the template appears here to be documented.</p>
        ) : (
          <ul className="space-y-3">
            {draft.variables.map((v) => (
              <li key={v.name} className="grid gap-3 rounded-xl border border-slate-200 p-3 sm:grid-cols-[10rem_1fr_1fr]">
                <code className="self-center text-sm font-semibold text-brand-700">{`{{${v.name}}}`}</code>
                <TextInput
                  label={`What ${v.name} is`}
                  value={v.description}
                  max={300}
                  disabled={disabled}
                  onChange={(value) => setVariable(v.name, "description", value)}
                />
                <TextInput
                  label={`Example ${v.name}`}
                  value={v.example}
                  max={300}
                  disabled={disabled}
                  onChange={(value) => setVariable(v.name, "example", value)}
                />
              </li>
            ))}
          </ul>
        )}
        {issueAt(issues, "variables", true) ? <p className="text-sm text-red-600">{issueAt(issues, "variables", true)}</p> : null}
      </div>
      <TextInput label="Target model" required max={80} placeholder="e.g. GPT-4o, Claude, Midjourney v6" {...draftField(synced, "targetModel")} />
      <div className="space-y-3">
        <div className="flex items-center justify-between">
          <h3 className="text-sm font-medium text-slate-700">Example outputs ({draft.exampleOutputs.length}/10)</h3>
          <Button
            type="button"
            variant="secondary"
            disabled={disabled || draft.exampleOutputs.length >= 10}
            onClick={() => onChange({ ...draft, exampleOutputs: [...draft.exampleOutputs, { input: "", output: "", imageId: null }] })}
          >
            Add example
          </Button>
        </div>
        <p className="text-sm text-slate-500">Examples are public: they show buyers what the prompt produces.</p>
        {draft.exampleOutputs.map((example, index) => (
          <fieldset key={index} className="space-y-3 rounded-xl border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">Example {index + 1}</legend>
            <TextInput label="Input used (optional)" value={example.input} max={2000} disabled={disabled} onChange={(input) => setExample(index, { input })} />
            <TextArea
              label="Output"
              required
              rows={4}
              max={8000}
              value={example.output}
              disabled={disabled}
              onChange={(output) => setExample(index, { output })}
              error={issueAt(issues, `exampleOutputs.${index}.output`)}
              hint="The text the model gave, or a caption for the image."
            />
            {example.imageId ? (
              <div className="flex items-center gap-3">
                {/* eslint-disable-next-line @next/next/no-img-element -- stored thumbnail */}
                <img
                  src={`/api/images/${example.imageId}?size=thumb`}
                  alt={`Example ${index + 1} image`}
                  width={150}
                  height={100}
                  className="rounded-lg ring-1 ring-slate-200"
                />
                <Button type="button" variant="ghost" disabled={disabled} onClick={() => setExample(index, { imageId: null })}>
                  Remove image
                </Button>
              </div>
            ) : (
              <ImageUploader
                purpose="example"
                label="Output image (optional)"
                buttonLabel="Upload example image"
                disabled={disabled}
                onUploaded={(image) => setExample(index, { imageId: image.id })}
              />
            )}
            <div className="flex justify-end">
              <Button
                type="button"
                variant="ghost"
                disabled={disabled}
                onClick={() => onChange({ ...draft, exampleOutputs: draft.exampleOutputs.filter((_, i) => i !== index) })}
              >
                Remove example {index + 1}
              </Button>
            </div>
          </fieldset>
        ))}
      </div>
    </div>
  );
}
