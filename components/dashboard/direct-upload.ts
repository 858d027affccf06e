// Browser side of uploads. With a bucket the file goes straight to it in parts over presigned URLs
// (POST /api/uploads/direct, then …/parts, a PUT per part, …/complete): several parts at once, progress as bytes
// leave, pause and resume, a failed part retried with a fresh URL, and cancel that tells the server to drop the
// parts. Without a bucket the whole body is posted to the server route, as before.
import { uploadWithProgress, type UploadResult } from "./upload";

export type UploadPurpose = "file" | "cover" | "example" | "avatar";
export type UploadPhase = "uploading" | "paused" | "failed" | "confirming" | "done" | "cancelled";

export type UploadController<T> = {
  /** Settles once: the stored file or image, or why not (cancelled included). */
  result: Promise<UploadResult<T>>;
  pause: () => void;
  /** Continues a paused upload, or retries after a part failed for good. */
  resume: () => void;
  cancel: () => void;
};

type Started = { via: "server" } | { via: "bucket"; id: string; partSize: number; partCount: number };

const PARALLEL_PARTS = 3;
const PART_ATTEMPTS = 4;
// Presigned part URLs live 15 minutes on the server; ask again well before.
const URL_REFRESH_MS = 10 * 60 * 1000;

async function postJson<R>(url: string, body: unknown, method = "POST"): Promise<UploadResult<R>> {
  try {
    const res = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = res.status === 204 ? {} : ((await res.json().catch(() => ({}))) as R & { message?: string });
    if (res.ok) return { ok: true, data: json as R };
    return { ok: false, status: res.status, error: (json as { message?: string }).message ?? `Upload failed (${res.status}). Please try again.` };
  } catch {
    return { ok: false, status: 0, error: "The upload was interrupted. Check your connection and try again." };
  }
}

/** PUTs one part; resolves with its ETag (the bucket must expose it to the browser: README, Storage). */
function putPart(url: string, body: Blob, onLoaded: (bytes: number) => void, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    xhr.upload.onprogress = (event) => onLoaded(event.loaded);
    xhr.onload = () => {
      const etag = xhr.getResponseHeader("ETag");
      if (xhr.status >= 200 && xhr.status < 300 && etag) resolve(etag);
      else reject(new Error(etag || xhr.status >= 300 ? `part refused (${xhr.status})` : "the bucket does not expose ETag (CORS)"));
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startUpload<T>(
  file: File,
  opts: {
    purpose: UploadPurpose;
    focus?: string;
    onProgress: (fraction: number) => void;
    onPhase: (phase: UploadPhase, error?: string) => void;
    /** Where the bytes go, once the server has said: only "bucket" uploads can pause. */
    onRoute?: (via: "bucket" | "server") => void;
  },
): UploadController<T> {
  let settle!: (result: UploadResult<T>) => void;
  const result = new Promise<UploadResult<T>>((resolve) => (settle = resolve));
  let settled = false;
  const finish = (outcome: UploadResult<T>, phase: UploadPhase) => {
    if (settled) return;
    settled = true;
    opts.onPhase(phase, outcome.ok ? undefined : outcome.error);
    settle(outcome);
  };

  let mode: Started | null = null;
  let phase: UploadPhase = "uploading";
  let cancelled = false;
  const serverAbort = new AbortController();
  const etags = new Map<number, string>();
  const loaded = new Map<number, number>();
  const urls = new Map<number, { url: string; at: number }>();
  const running = new Map<number, AbortController>();
  let workers = 0;

  const setPhase = (next: UploadPhase, error?: string) => {
    phase = next;
    opts.onPhase(next, error);
  };
  const report = () => {
    if (mode?.via !== "bucket") return;
    let sent = 0;
    for (const bytes of loaded.values()) sent += bytes;
    opts.onProgress(Math.min(1, sent / file.size));
  };

  async function urlFor(upload: Extract<Started, { via: "bucket" }>, partNumber: number, fresh: boolean): Promise<string> {
    const known = urls.get(partNumber);
    if (known && !fresh && Date.now() - known.at < URL_REFRESH_MS) return known.url;
    // Ask for this part and the next few pending ones in one request.
    const wanted = [partNumber];
    for (let n = 1; n <= upload.partCount && wanted.length < 10; n++) {
      if (n !== partNumber && !etags.has(n) && !running.has(n) && !urls.has(n)) wanted.push(n);
    }
    const answer = await postJson<{ parts: { partNumber: number; url: string }[] }>(`/api/uploads/direct/${upload.id}/parts`, { partNumbers: wanted });
    if (!answer.ok) throw new Error(answer.error);
    for (const part of answer.data.parts) urls.set(part.partNumber, { url: part.url, at: Date.now() });
    return urls.get(partNumber)!.url;
  }

  const nextPart = (upload: Extract<Started, { via: "bucket" }>) => {
    for (let n = 1; n <= upload.partCount; n++) if (!etags.has(n) && !running.has(n)) return n;
    return null;
  };

  async function worker(upload: Extract<Started, { via: "bucket" }>) {
    workers++;
    try {
      for (let part = nextPart(upload); part !== null && phase === "uploading"; part = nextPart(upload)) {
        const control = new AbortController();
        running.set(part, control);
        const body = file.slice((part - 1) * upload.partSize, Math.min(file.size, part * upload.partSize));
        try {
          for (let attempt = 1; ; attempt++) {
            try {
              const url = await urlFor(upload, part, attempt > 1);
              etags.set(part, await putPart(url, body, (bytes) => (loaded.set(part, bytes), report()), control.signal));
              loaded.set(part, body.size);
              report();
              break;
            } catch (error) {
              loaded.set(part, 0);
              report();
              if (control.signal.aborted) return;
              if (attempt >= PART_ATTEMPTS) {
                // This part failed for good: stop the others; Retry (resume) starts again from the missing parts.
                for (const other of running.values()) other.abort();
                setPhase(
                  "failed",
                  `Part ${part} of ${upload.partCount} could not be sent (${error instanceof Error ? error.message : "error"}). Check your connection and retry.`,
                );
                return;
              }
              await wait(1000 * 2 ** (attempt - 1));
              if (phase !== "uploading") return;
            }
          }
        } finally {
          running.delete(part);
        }
      }
    } finally {
      workers--;
      if (workers === 0 && phase === "uploading" && etags.size === upload.partCount) void confirm(upload);
    }
  }

  async function confirm(upload: Extract<Started, { via: "bucket" }>) {
    setPhase("confirming");
    const parts = [...etags].map(([partNumber, etag]) => ({ partNumber, etag }));
    const answer = await postJson<T>(`/api/uploads/direct/${upload.id}/complete`, { parts, focus: opts.focus });
    // Network trouble or a server error: the parts are still in the bucket, so Retry confirms again.
    if (!answer.ok && (answer.status === 0 || answer.status >= 500)) return setPhase("failed", answer.error);
    finish(answer, answer.ok ? "done" : "failed");
  }

  const runWorkers = (upload: Extract<Started, { via: "bucket" }>) => {
    for (let i = 0; i < Math.min(PARALLEL_PARTS, upload.partCount); i++) void worker(upload);
  };

  void (async () => {
    const started = await postJson<Started>("/api/uploads/direct", {
      purpose: opts.purpose,
      filename: file.name,
      contentType: file.type || null,
      byteSize: file.size,
    });
    if (!started.ok) return finish(started, "failed");
    mode = started.data;
    opts.onRoute?.(mode.via);
    if (cancelled) return mode.via === "bucket" ? void postJson(`/api/uploads/direct/${mode.id}`, undefined, "DELETE") : undefined;
    if (mode.via === "bucket") return runWorkers(mode);
    const url = opts.purpose === "file" ? "/api/uploads/files" : `/api/uploads/images?purpose=${opts.purpose}&focus=${opts.focus ?? "center"}`;
    const headers: Record<string, string> = { "Content-Type": file.type || "application/octet-stream" };
    if (opts.purpose === "file") headers["X-File-Name"] = encodeURIComponent(file.name);
    const answer = await uploadWithProgress<T>(url, file, { headers, onProgress: opts.onProgress, signal: serverAbort.signal });
    finish(answer, answer.ok ? "done" : cancelled ? "cancelled" : "failed");
  })();

  return {
    result,
    pause() {
      if (mode?.via !== "bucket" || phase !== "uploading") return;
      setPhase("paused");
      for (const control of running.values()) control.abort();
    },
    resume() {
      if (mode?.via !== "bucket" || (phase !== "paused" && phase !== "failed") || settled) return;
      setPhase("uploading");
      const upload = mode;
      // Parts stopped by the pause let go of their slot first, so no part is left behind.
      const kick = () => (running.size > 0 ? void setTimeout(kick, 50) : etags.size === upload.partCount ? void confirm(upload) : runWorkers(upload));
      kick();
    },
    cancel() {
      cancelled = true;
      if (mode?.via === "bucket") {
        phase = "cancelled";
        for (const control of running.values()) control.abort();
        void postJson(`/api/uploads/direct/${mode.id}`, undefined, "DELETE");
      } else serverAbort.abort();
      finish({ ok: false, status: 0, error: "Upload cancelled." }, "cancelled");
    },
  };
}
