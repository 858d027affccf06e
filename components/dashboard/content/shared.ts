// What every kind's content editor receives, and finding the problem reported for a field.
import type { ContentDraft, ContentIssue } from "@/lib/listings/content-draft";

export type EditorProps<D extends ContentDraft> = {
  draft: D;
  onChange: (draft: D) => void;
  disabled?: boolean;
  /** Problems to show; empty until the creator has typed or tried to submit. */
  issues: ContentIssue[];
};

/** The first problem at `path` (or below it when `nested`). */
export function issueAt(issues: ContentIssue[], path: string, nested = false): string | undefined {
  return issues.find((i) => i.path === path || (nested && i.path.startsWith(`${path}.`)))?.message;
}

/** The props that bind a text field to one string property of the draft: its value, its change and its problem. */
export function draftField<D extends ContentDraft, K extends keyof D & string>({ draft, onChange, disabled, issues }: EditorProps<D>, key: K) {
  return {
    value: draft[key] as string,
    disabled,
    onChange: (value: string) => onChange({ ...draft, [key]: value }),
    error: issueAt(issues, key),
  };
}
