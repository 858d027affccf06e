"use client";
// Preset (tool + settings JSON) and template (JSON body) content: JSON is checked as you type, errors point at the line.
import type { ContentIssue, PresetDraft, TemplateDraft } from "@/lib/listings/content-draft";
import { parseJsonText } from "@/lib/listings/json-text";
import { JsonField } from "../json-field";
import { TextArea, TextInput } from "../fields";
import { draftField, type EditorProps } from "./shared";

/** The non-syntax problem of a JSON field (syntax errors are found by the field itself). */
function shapeIssue(issues: ContentIssue[], path: string, text: string) {
  if (!parseJsonText(text).ok) return null;
  const issue = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
  return issue ? { message: issue.message, line: issue.line } : null;
}

export function PresetEditor(props: EditorProps<PresetDraft>) {
  const { draft, onChange, disabled, issues } = props;
  return (
    <div className="space-y-5">
      <TextInput label="Tool" required max={80} placeholder="e.g. Lightroom, Stable Diffusion WebUI, Ableton" {...draftField(props, "tool")} />
      <JsonField
        label="Settings (JSON object)"
        value={draft.settingsText}
        disabled={disabled}
        onChange={(settingsText) => onChange({ ...draft, settingsText })}
        extraError={shapeIssue(issues, "settings", draft.settingsText)}
        hint="Valid JSON. Buyers get exactly these settings."
      />
      <TextArea label="Notes for buyers" rows={4} max={4000} {...draftField(props, "notes")} />
    </div>
  );
}

export function TemplateEditor(props: EditorProps<TemplateDraft>) {
  const { draft, onChange, disabled, issues } = props;
  return (
    <div className="space-y-5">
      <JsonField
        label="Template body (JSON)"
        value={draft.bodyText}
        disabled={disabled}
        onChange={(bodyText) => onChange({ ...draft, bodyText })}
        extraError={shapeIssue(issues, "body", draft.bodyText)}
        hint="Valid JSON. Field names appear in the public preview; values stay paid."
      />
      <TextArea label="Notes for buyers" rows={4} max={4000} {...draftField(props, "notes")} />
    </div>
  );
}
