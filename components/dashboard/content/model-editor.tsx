"use client";
// Model content: base model, the format (read from the uploaded file by the model file check, never typed), the uploaded file (hash and size shown, then what the model file check found in
// it, or why it is refused) and usage notes. The license is chosen in the editor's License section.
import { useEffect, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ModelFileFacts } from "@/components/listings/model-file-report";
import type { ModelFileCheck } from "@/lib/files/model-inspect";
import type { ModelDraft } from "@/lib/listings/content-draft";
import type { EditorResult } from "../editor-actions";
import { FileUploader, type StorageUsage } from "../file-uploader";
import { TextArea, TextInput } from "../fields";
import { draftField, issueAt, type EditorProps } from "./shared";

export type CheckModelFile = (fileId: string) => Promise<EditorResult<{ check: ModelFileCheck }>>;

function FileCheck({ fileId, checkModelFile, onFormat }: { fileId: string; checkModelFile: CheckModelFile; onFormat: (format: string) => void }) {
  const [state, setState] = useState<{ fileId: string; result: EditorResult<{ check: ModelFileCheck }> } | null>(null);
  useEffect(() => {
    let live = true;
    void checkModelFile(fileId).then((result) => {
      if (!live) return;
      setState({ fileId, result });
      if (result.ok && result.check.ok) onFormat(result.check.report.format);
    });
    return () => {
      live = false;
    };
    // onFormat changes with every draft edit; the check runs once per file.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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

export function ModelEditor(props: EditorProps<ModelDraft> & { fileMaxBytes: number; storageUsage?: StorageUsage; checkModelFile?: CheckModelFile }) {
  const { draft, onChange, disabled, issues, fileMaxBytes, storageUsage, checkModelFile } = props;
  const formatId = useId();
  const current = draft.fileId ? { id: draft.fileId, filename: draft.fileName, byteSize: draft.fileSizeBytes, sha256: draft.sha256 } : null;
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput label="Base model" required max={120} placeholder="e.g. Llama 3 8B" {...draftField(props, "baseModel")} />
        <div className="space-y-1">
          <label htmlFor={formatId} className="block text-sm font-medium text-slate-700">
            Format
          </label>
          <input
            id={formatId}
            readOnly
            value={draft.fileId ? draft.format : ""}
            placeholder="Read from the file once it is uploaded"
            aria-describedby={`${formatId}-hint`}
            className="block w-full rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700"
          />
          <p id={`${formatId}-hint`} className="text-xs text-slate-500">
            Found by the model file check, not typed.
          </p>
          {issueAt(issues, "format") ? <p className="text-sm text-red-600">{issueAt(issues, "format")}</p> : null}
        </div>
      </div>
      {draft.license ? (
        <p className="text-sm text-slate-600">
          License note from an earlier version: <span className="font-medium">{draft.license}</span>. Buyers now see the license chosen in the License section.
        </p>
      ) : null}
      <div className="space-y-2">
        <FileUploader
          maxBytes={fileMaxBytes}
          usage={storageUsage}
          current={current}
          disabled={disabled}
          onUploaded={(file) => onChange({ ...draft, fileId: file.id, fileName: file.filename, fileSizeBytes: file.byteSize, sha256: file.sha256 })}
        />
        {issueAt(issues, "fileId") ? <p className="text-sm text-red-600">{issueAt(issues, "fileId")}</p> : null}
        {draft.fileId && checkModelFile ? (
          <FileCheck
            fileId={draft.fileId}
            checkModelFile={checkModelFile}
            onFormat={(format) => {
              if (format !== draft.format) onChange({ ...draft, format });
            }}
          />
        ) : null}
      </div>
      <TextArea label="How to use it" rows={5} max={8000} {...draftField(props, "usage")} />
    </div>
  );
}
