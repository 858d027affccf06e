// Browser uploads with progress: XMLHttpRequest (fetch can't report upload progress) to a route handler.
export type UploadResult<T> = { ok: true; data: T } | { ok: false; error: string; status: number };

export function uploadWithProgress<T>(
  url: string,
  body: Blob,
  opts: { headers?: Record<string, string>; onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<UploadResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    for (const [name, value] of Object.entries(opts.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) opts.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      // Route handlers answer errors as { error: code, message } (lib/errors/response.ts).
      const json = (xhr.response ?? {}) as T & { message?: string };
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, data: json });
      else resolve({ ok: false, status: xhr.status, error: json.message ?? `Upload failed (${xhr.status}). Please try again.` });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, error: "The upload was interrupted. Check your connection and try again." });
    xhr.onabort = () => resolve({ ok: false, status: 0, error: "Upload cancelled." });
    opts.signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(body);
  });
}

export type UploadedImage = { id: string; width: number; height: number; thumbWidth: number; thumbHeight: number; url: string; thumbUrl: string };
export type UploadedFile = { id: string; filename: string; contentType: string; byteSize: number; sha256: string };
