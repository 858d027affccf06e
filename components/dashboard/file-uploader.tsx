"use client";
// Attached file upload (model weights…): straight to the bucket in parts when there is one (progress, pause and
// resume, retry, cancel), else posted to the server; then the stored name, size and SHA-256.
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { formatBytes } from "@/lib/format";
import { ProgressBar } from "./progress-bar";
import { startUpload, type UploadController, type UploadPhase } from "./direct-upload";
import type { UploadedFile } from "./upload";

/** The creator's file storage: bytes of their files and uploads in progress, and their quota (lib/storage/quota.ts). */
export type StorageUsage = { usedBytes: number; quotaBytes: number };

const PHASE_LABEL: Record<UploadPhase, string> = {
  uploading: "Uploading…",
  paused: "Paused",
  failed: "Upload stopped",
  confirming: "Checking the file…",
  done: "Uploaded",
  cancelled: "Cancelled",
};

export function FileUploader({
  maxBytes,
  current,
  onUploaded,
  disabled,
  usage,
}: {
  maxBytes: number;
  usage?: StorageUsage;
  current: { id: string; filename: string; byteSize: number; sha256: string } | null;
  onUploaded: (file: UploadedFile) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [phase, setPhase] = useState<UploadPhase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<{ name: string; size: number } | null>(null);
  // Only uploads straight to the bucket pause and resume; the server route can only be cancelled.
  const [pausable, setPausable] = useState(false);
  const upload = useRef<UploadController<UploadedFile> | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Files uploaded on this page count at once; the server's count is what decides (413 storage.quota_exceeded).
  const [uploadedHere, setUploadedHere] = useState(0);
  const used = usage ? usage.usedBytes + uploadedHere : 0;

  const begin = async (file: File) => {
    setError(null);
    if (file.size === 0) return setError("The file is empty.");
    if (file.size > maxBytes) return setError(`This file is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`);
    if (usage && used + file.size > usage.quotaBytes) {
      return setError(`This file (${formatBytes(file.size)}) doesn't fit in your storage: ${formatBytes(used)} of ${formatBytes(usage.quotaBytes)} used.`);
    }
    setProgress(0);
    setSending({ name: file.name, size: file.size });
    const controller = startUpload<UploadedFile>(file, {
      purpose: "file",
      onProgress: setProgress,
      onRoute: (via) => setPausable(via === "bucket"),
      onPhase: (next, problem) => {
        setPhase(next);
        // A stopped upload keeps its progress and says why; Retry continues from the missing parts.
        if (next === "failed" && problem) setError(problem);
        if (next === "uploading") setError(null);
      },
    });
    upload.current = controller;
    const result = await controller.result;
    upload.current = null;
    setProgress(null);
    setPhase(null);
    setSending(null);
    setPausable(false);
    if (input.current) input.current.value = "";
    if (!result.ok) return setError(result.error);
    setUploadedHere((n) => n + result.data.byteSize);
    onUploaded(result.data);
  };

  const busy = progress !== null;
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
          disabled={disabled || busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void begin(file);
          }}
          className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-200"
        />
        <p className="text-sm text-slate-500">safetensors, GGUF or ONNX, up to {formatBytes(maxBytes)}. Only you, admins and buyers can download it.</p>
        {usage ? (
          <div className="max-w-xs space-y-1 pt-1">
            <p className="text-sm text-slate-600" id={`${id}-storage`}>
              Storage: {formatBytes(used)} of {formatBytes(usage.quotaBytes)} used
            </p>
            <meter
              className="h-2 w-full"
              aria-labelledby={`${id}-storage`}
              min={0}
              max={usage.quotaBytes}
              low={usage.quotaBytes * 0.8}
              high={usage.quotaBytes * 0.95}
              optimum={0}
              value={Math.min(used, usage.quotaBytes)}
            />
          </div>
        ) : null}
      </div>
      {busy ? (
        <div className="space-y-2 rounded-xl border border-slate-200 p-3">
          {sending ? (
            <p className="break-all text-sm text-slate-700">
              {sending.name} · {formatBytes(sending.size)}
            </p>
          ) : null}
          <ProgressBar value={progress} label={PHASE_LABEL[phase ?? "uploading"]} />
          <div className="flex flex-wrap gap-2">
            {pausable && phase === "uploading" ? (
              <Button type="button" variant="secondary" onClick={() => upload.current?.pause()}>
                Pause
              </Button>
            ) : null}
            {pausable && phase === "paused" ? (
              <Button type="button" variant="secondary" onClick={() => upload.current?.resume()}>
                Resume
              </Button>
            ) : null}
            {pausable && phase === "failed" ? (
              <Button type="button" onClick={() => upload.current?.resume()}>
                Retry
              </Button>
            ) : null}
            {phase !== "confirming" ? (
              <Button type="button" variant="ghost" onClick={() => upload.current?.cancel()}>
                Cancel upload
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
