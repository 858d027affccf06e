// Answering a download of a stored file to someone already allowed to have it: the bytes from the database,
// or a redirect to a short-lived presigned GET on the bucket (the body never passes through a server function).
import "server-only";
import type { Db } from "@/db/client";
import { readFileBytes, type FileBytesRef } from "./file-bytes";
import { requireBucket } from "./bucket";

/** How long a presigned bucket download works: long enough to start, too short to share. */
export const PRESIGNED_DOWNLOAD_TTL_SECONDS = 60;

export type DeliverableFile = FileBytesRef & { filename: string; byteSize: number; sha256: string };

/** A Content-Disposition value that survives any filename (quotes, slashes, non-ASCII). */
export function attachmentDisposition(filename: string): string {
  const safe = filename.replace(/[\\/\r\n"]/g, "_").trim() || "download";
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}

/** The presigned bucket URL for a file stored in the bucket (null for database-stored bytes). */
export async function presignedFileUrl(file: DeliverableFile): Promise<string | null> {
  if (!file.storageKey) return null;
  return requireBucket().presignDownload(file.storageKey, {
    disposition: attachmentDisposition(file.filename),
    expiresInSeconds: PRESIGNED_DOWNLOAD_TTL_SECONDS,
  });
}

/** The download answer: 302 to the bucket, or the bytes as an attachment that is never rendered on our origin. */
export async function fileDownloadResponse(db: Db, file: DeliverableFile, headers: Record<string, string> = {}): Promise<Response> {
  const privateHeaders = { "Cache-Control": "private, no-store, max-age=0", "Referrer-Policy": "no-referrer", ...headers };
  const presigned = await presignedFileUrl(file);
  if (presigned) return new Response(null, { status: 302, headers: { ...privateHeaders, Location: presigned, "X-Content-SHA256": file.sha256 } });
  const bytes = await readFileBytes(db, file);
  return new Response(Buffer.from(bytes), {
    headers: {
      ...privateHeaders,
      // Always a download, never rendered: a stored content type can't turn into a page on our origin.
      "Content-Type": "application/octet-stream",
      "Content-Disposition": attachmentDisposition(file.filename),
      "Content-Length": String(bytes.byteLength),
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "X-Content-Type-Options": "nosniff",
      "X-Content-SHA256": file.sha256,
    },
  });
}
