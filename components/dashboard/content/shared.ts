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
