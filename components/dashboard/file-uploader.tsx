"use client";
// Attached file upload (model weights…): a progress bar, then the stored name, size and SHA-256.
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { formatBytes } from "@/lib/format";
import { ProgressBar } from "./progress-bar";
import { uploadWithProgress, type UploadedFile } from "./upload";

export function FileUploader({
  maxBytes,
  current,
  onUploaded,
  disabled,
}: {
  maxBytes: number;
  current: { id: string; filename: string; byteSize: number; sha256: string } | null;
  onUploaded: (file: UploadedFile) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const upload = async (file: File) => {
    setError(null);
    if (file.size === 0) return setError("The file is empty.");
    if (file.size > maxBytes) return setError(`This file is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`);
    setProgress(0);
    abort.current = new AbortController();
    const result = await uploadWithProgress<UploadedFile>("/api/uploads/files", file, {
      headers: { "Content-Type": file.type || "application/octet-stream", "X-File-Name": encodeURIComponent(file.name) },
      onProgress: setProgress,
      signal: abort.current.signal,
    });
    setProgress(null);
    if (input.current) input.current.value = "";
    if (!result.ok) return setError(result.error);
    onUploaded(result.data);
  };

  return (
    <div className="space-y-3">
      {current ? (
        <dl className="grid gap-x-4 gap-y-1 rounded-xl border border-slate-200 bg-slate-50 p-3 text-sm sm:grid-cols-[auto_1fr]" aria-label="Attached file">
          <dt className="text-slate-500">File</dt>
          <dd className="break-all font-medium">
            <a href={`/api/files/${current.id}`} className="text-brand-700 hover:underline">
              {current.filename}
            </a>
          </dd>
          <dt className="text-slate-500">Size</dt>
          <dd>
            {formatBytes(current.byteSize)} ({current.byteSize.toLocaleString("en-US")} bytes)
          </dd>
          <dt className="text-slate-500">SHA-256</dt>
          <dd className="break-all font-mono text-xs" data-testid="file-sha256">
            {current.sha256}
          </dd>
        </dl>
      ) : null}
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {current ? "Replace the file" : "Model file"}
        </label>
        <input
          ref={input}
          id={id}
          type="file"
          disabled={disabled || progress !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
          className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-200"
        />
        <p className="text-sm text-slate-500">
          Any format (safetensors, GGUF, zip…), up to {formatBytes(maxBytes)}. Only you, admins and buyers can download it.
        </p>
      </div>
      {progress !== null ? (
        <div className="flex items-end gap-3">
          <div className="flex-1">
            <ProgressBar value={progress} label={progress >= 1 ? "Storing and hashing…" : "Uploading…"} />
          </div>
          <Button type="button" variant="ghost" onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
