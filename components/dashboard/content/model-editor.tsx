"use client";
// Model content: base model, license, format, the uploaded file (hash and size shown) and usage notes.
import type { ModelDraft } from "@/lib/listings/content-draft";
import { FileUploader } from "../file-uploader";
import { TextArea, TextInput } from "../fields";
import { issueAt, type EditorProps } from "./shared";

export function ModelEditor({ draft, onChange, disabled, issues, fileMaxBytes }: EditorProps<ModelDraft> & { fileMaxBytes: number }) {
  const current = draft.fileId ? { id: draft.fileId, filename: draft.fileName, byteSize: draft.fileSizeBytes, sha256: draft.sha256 } : null;
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextInput
          label="Base model"
          required
          value={draft.baseModel}
          max={120}
          disabled={disabled}
          placeholder="e.g. Llama 3 8B"
          onChange={(baseModel) => onChange({ ...draft, baseModel })}
          error={issueAt(issues, "baseModel")}
        />
        <TextInput
          label="License"
          required
          value={draft.license}
          max={120}
          disabled={disabled}
          placeholder="e.g. Apache-2.0"
          onChange={(license) => onChange({ ...draft, license })}
          error={issueAt(issues, "license")}
        />
        <TextInput
          label="Format"
          required
          value={draft.format}
          max={40}
          disabled={disabled}
          placeholder="e.g. safetensors"
          onChange={(format) => onChange({ ...draft, format })}
          error={issueAt(issues, "format")}
        />
      </div>
      <div className="space-y-1">
        <FileUploader
          maxBytes={fileMaxBytes}
          current={current}
          disabled={disabled}
          onUploaded={(file) => onChange({ ...draft, fileId: file.id, fileName: file.filename, fileSizeBytes: file.byteSize, sha256: file.sha256 })}
        />
        {issueAt(issues, "fileId") ? <p className="text-sm text-red-600">{issueAt(issues, "fileId")}</p> : null}
      </div>
      <TextArea
        label="How to use it"
        rows={5}
        max={8000}
        value={draft.usage}
        disabled={disabled}
        onChange={(usage) => onChange({ ...draft, usage })}
        error={issueAt(issues, "usage")}
      />
    </div>
  );
}
