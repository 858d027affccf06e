"use client";
// Choose an image, see how it will be cropped, upload it with a progress bar (straight to the bucket when there is
// one). The server decides what is accepted (type by content, size, dimensions); the checks here only save a pointless upload.
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { formatBytes } from "@/lib/format";
import { ProgressBar } from "./progress-bar";
import { startUpload, type UploadController } from "./direct-upload";
import type { UploadedImage } from "./upload";

const MAX_BYTES = 5 * 1024 * 1024;
const FOCUS_OPTIONS = [
  { value: "center", label: "Center", css: "50% 50%" },
  { value: "top", label: "Top", css: "50% 0%" },
  { value: "bottom", label: "Bottom", css: "50% 100%" },
  { value: "left", label: "Left", css: "0% 50%" },
  { value: "right", label: "Right", css: "100% 50%" },
] as const;
type Focus = (typeof FOCUS_OPTIONS)[number]["value"];

export type ImagePurpose = "cover" | "example" | "avatar";
const MIN: Record<ImagePurpose, [number, number]> = { cover: [800, 600], example: [256, 256], avatar: [200, 200] };

export function ImageUploader({
  purpose,
  label,
  onUploaded,
  disabled,
  buttonLabel = "Upload image",
}: {
  purpose: ImagePurpose;
  label: string;
  onUploaded: (image: UploadedImage) => Promise<string | void> | string | void;
  disabled?: boolean;
  buttonLabel?: string;
}) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [dims, setDims] = useState<{ width: number; height: number } | null>(null);
  const [focus, setFocus] = useState<Focus>("center");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const sending = useRef<UploadController<UploadedImage> | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl]);

  const [minW, minH] = MIN[purpose];
  const choose = (chosen: File | null) => {
    setError(null);
    setDone(null);
    setDims(null);
    setFile(chosen);
    setPreviewUrl(chosen ? URL.createObjectURL(chosen) : null);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) setError(`This image is ${formatBytes(chosen.size)}; the limit is 5 MB.`);
    else if (chosen.type && !["image/jpeg", "image/png", "image/webp"].includes(chosen.type)) setError("Upload a JPEG, PNG or WebP image.");
  };

  const upload = async () => {
    if (!file) return;
    setError(null);
    setProgress(0);
    // Straight to the bucket when there is one (the server then processes the original), else posted to the server.
    sending.current = startUpload<UploadedImage>(file, { purpose, focus, onProgress: setProgress, onPhase: () => {} });
    const result = await sending.current.result;
    sending.current = null;
    setProgress(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const problem = await onUploaded(result.data);
    if (problem) setError(problem);
    else {
      setDone("Uploaded and processed.");
      setFile(null);
      setPreviewUrl(null);
      if (input.current) input.current.value = "";
    }
  };

  const objectPosition = FOCUS_OPTIONS.find((f) => f.value === focus)?.css;
  const tooSmall = dims && (dims.width < minW || dims.height < minH);
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
          {label}
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          disabled={disabled || progress !== null}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
          className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-200"
        />
        <p className="text-sm text-slate-500">
          JPEG, PNG or WebP, up to 5 MB, at least {minW}×{minH}. Location and camera data are removed.
        </p>
      </div>

      {previewUrl ? (
        <div className="space-y-3 rounded-xl border border-slate-200 bg-slate-50 p-3">
          <p className="text-sm font-medium text-slate-700">Crop preview</p>
          <div className="flex flex-wrap items-end gap-4">
            {purpose === "avatar" ? (
              <figure className="space-y-1">
                {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL preview */}
                <img
                  src={previewUrl}
                  alt="How your avatar will be cropped"
                  className="h-24 w-24 rounded-full object-cover ring-1 ring-slate-300"
                  style={{ objectPosition }}
                  onLoad={(e) => setDims({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
                  onError={() => setError("This file can't be read as an image. Choose a JPEG, PNG or WebP file.")}
                />
                <figcaption className="text-xs text-slate-500">Avatar</figcaption>
              </figure>
            ) : (
              <>
                <figure className="space-y-1">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL preview */}
                  <img
                    src={previewUrl}
                    alt="How the catalog card thumbnail will be cropped (300×200)"
                    className="h-[100px] w-[150px] rounded-lg object-cover ring-1 ring-slate-300 sm:h-[133px] sm:w-[200px]"
                    style={{ objectPosition }}
                    onLoad={(e) => setDims({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
                    onError={() => setError("This file can't be read as an image. Choose a JPEG, PNG or WebP file.")}
                  />
                  <figcaption className="text-xs text-slate-500">Card thumbnail (3:2)</figcaption>
                </figure>
                {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL preview */}
                <img src={previewUrl} alt="" aria-hidden className="hidden max-h-40 rounded-lg ring-1 ring-slate-300 sm:block" />
              </>
            )}
          </div>
          <fieldset className="flex flex-wrap items-center gap-3 text-sm">
            <legend className="sr-only">Crop focus</legend>
            <span className="text-slate-600">Keep in frame:</span>
            {FOCUS_OPTIONS.map((f) => (
              <label key={f.value} className="inline-flex items-center gap-1">
                <input type="radio" name={`${inputId}-focus`} value={f.value} checked={focus === f.value} onChange={() => setFocus(f.value)} />
                {f.label}
              </label>
            ))}
          </fieldset>
          {dims ? (
            <p className={`text-sm ${tooSmall ? "text-red-600" : "text-slate-600"}`}>
              {file ? `${formatBytes(file.size)} · ` : ""}
              {dims.width}×{dims.height}
              {tooSmall ? ` — too small: at least ${minW}×${minH} is needed.` : ""}
            </p>
          ) : null}
          {progress !== null ? (
            <div className="flex items-end gap-3">
              <div className="flex-1">
                <ProgressBar value={progress} label={progress >= 1 ? "Processing…" : "Uploading…"} />
              </div>
              <Button type="button" variant="ghost" onClick={() => sending.current?.cancel()}>
                Cancel
              </Button>
            </div>
          ) : (
            <Button type="button" onClick={upload} disabled={disabled || Boolean(error) || Boolean(tooSmall)}>
              {buttonLabel}
            </Button>
          )}
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {done ? (
        <p role="status" className="text-sm text-emerald-700">
          {done}
        </p>
      ) : null}
    </div>
  );
}
