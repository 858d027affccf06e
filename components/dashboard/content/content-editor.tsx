"use client";
// Picks the content editor for the listing's kind.
import type { ContentDraft, ContentIssue } from "@/lib/listings/content-draft";
import { PresetEditor, TemplateEditor } from "./json-kind-editors";
import type { StorageUsage } from "../file-uploader";
import { ModelEditor, type CheckModelFile } from "./model-editor";
import { PromptEditor } from "./prompt-editor";
import { TestBuilder } from "./test-builder";

export function ContentEditor({
  draft,
  onChange,
  disabled,
  issues,
  fileMaxBytes,
  storageUsage,
  checkModelFile,
}: {
  draft: ContentDraft;
  onChange: (draft: ContentDraft) => void;
  disabled?: boolean;
  issues: ContentIssue[];
  fileMaxBytes: number;
  /** The creator's storage, shown under the file upload. */
  storageUsage?: StorageUsage;
  /** The model file check of an uploaded file (model listings show what it found, or why it is refused). */
  checkModelFile?: CheckModelFile;
}) {
  switch (draft.kind) {
    case "prompt":
      return <PromptEditor draft={draft} onChange={onChange} disabled={disabled} issues={issues} />;
    case "preset":
      return <PresetEditor draft={draft} onChange={onChange} disabled={disabled} issues={issues} />;
    case "template":
      return <TemplateEditor draft={draft} onChange={onChange} disabled={disabled} issues={issues} />;
    case "test":
      return <TestBuilder draft={draft} onChange={onChange} disabled={disabled} issues={issues} />;
    case "model":
      return (
        <ModelEditor
          draft={draft}
          onChange={onChange}
          disabled={disabled}
          issues={issues}
          fileMaxBytes={fileMaxBytes}
          storageUsage={storageUsage}
          checkModelFile={checkModelFile}
        />
      );
  }
}
