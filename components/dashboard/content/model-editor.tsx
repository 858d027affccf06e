"use client";
// Model content: base model, format, the uploaded file (hash and size shown, then what the model file check found in
// it, or why it is refused) and usage notes. The license is chosen in the editor's License section.
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ModelFileFacts } from "@/components/listings/model-file-report";
import type { ModelFileCheck } from "@/lib/files/model-inspect";
import type { ModelDraft } from "@/lib/listings/content-draft";
import type { EditorResult } from "../editor-actions";
import { FileUploader } from "../file-uploader";
import { TextArea, TextInput } from "../fields";
import { draftField, issueAt, type EditorProps } from "./shared";

export type CheckModelFile = (fileId: string) => Promise<EditorResult<{ check: ModelFileCheck }>>;

function FileCheck({ fileId, checkModelFile }: { fileId: string; checkModelFile: CheckModelFile }) {
  const [state, setState] = useState<{ fileId: string; result: EditorResult<{ check: ModelFileCheck }> } | null>(null);
  useEffect(() => {
    let live = true;
    void checkModelFile(fileId).then((result) => {
      if (live) setState({ fileId, result });
    });
    return () => {
      live = false;
    };
  }, [fileId, checkModelFile]);
  if (!state || state.fileId !== fileId) return <p className="text-sm text-slate-500">Checking the file…</p>;
  if (!state.result.ok) return <Alert tone="error">{state.result.error}</Alert>;
  const { check } = state.result;
  if (!check.ok)
    return (
      <Alert tone="error" data-testid="model-file-refused">
        <p className="font-medium">This file can&apos;t be sold.</p>
        <p>{check.message}</p>
      </Alert>
    );
  return (
    <div className="rounded-xl border border-emerald-200 bg-emerald-50/40 p-3">
      <p className="mb-2 text-sm font-medium text-emerald-800">File checked: buyers will see these facts.</p>
      <ModelFileFacts report={check.report} />
    </div>
  );
}

export function ModelEditor(props: EditorProps<ModelDraft> & { fileMaxBytes: number; checkModelFile?: CheckModelFile }) {
  const { draft, onChange, disabled, issues, fileMaxBytes, checkModelFile } = props;
  const current = draft.fileId ? { id: draft.fileId, filename: draft.fileName, byteSize: draft.fileSizeBytes, sha256: draft.sha256 } : null;
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput label="Base model" required max={120} placeholder="e.g. Llama 3 8B" {...draftField(props, "baseModel")} />
        <TextInput label="Format" required max={40} placeholder="e.g. safetensors" {...draftField(props, "format")} />
      </div>
      {draft.license ? (
        <p className="text-sm text-slate-600">
          License note from an earlier version: <span className="font-medium">{draft.license}</span>. Buyers now see the license chosen in the License section.
        </p>
      ) : null}
      <div className="space-y-2">
        <FileUploader
          maxBytes={fileMaxBytes}
          current={current}
          disabled={disabled}
          onUploaded={(file) => onChange({ ...draft, fileId: file.id, fileName: file.filename, fileSizeBytes: file.byteSize, sha256: file.sha256 })}
        />
        {issueAt(issues, "fileId") ? <p className="text-sm text-red-600">{issueAt(issues, "fileId")}</p> : null}
        {draft.fileId && checkModelFile ? <FileCheck fileId={draft.fileId} checkModelFile={checkModelFile} /> : null}
      </div>
      <TextArea label="How to use it" rows={5} max={8000} {...draftField(props, "usage")} />
    </div>
  );
}
