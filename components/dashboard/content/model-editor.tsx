"use client";
// Model content: base model, license, format, the uploaded file (hash and size shown) and usage notes.
import type { ModelDraft } from "@/lib/listings/content-draft";
import { FileUploader } from "../file-uploader";
import { TextArea, TextInput } from "../fields";
import { draftField, issueAt, type EditorProps } from "./shared";

export function ModelEditor(props: EditorProps<ModelDraft> & { fileMaxBytes: number }) {
  const { draft, onChange, disabled, issues, fileMaxBytes } = props;
  const current = draft.fileId ? { id: draft.fileId, filename: draft.fileName, byteSize: draft.fileSizeBytes, sha256: draft.sha256 } : null;
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextInput label="Base model" required max={120} placeholder="e.g. Llama 3 8B" {...draftField(props, "baseModel")} />
        <TextInput label="License" required max={120} placeholder="e.g. Apache-2.0" {...draftField(props, "license")} />
        <TextInput label="Format" required max={40} placeholder="e.g. safetensors" {...draftField(props, "format")} />
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
      <TextArea label="How to use it" rows={5} max={8000} {...draftField(props, "usage")} />
    </div>
  );
}
