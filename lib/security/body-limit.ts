// Request bodies with a hard size limit, for route handlers that anyone may POST to (the Stripe webhook, one-click
// unsubscribe): refused from Content-Length before a byte is read, and counted while streaming when the body is
// chunked, so an oversized body is never held in memory whole. Answered 413 `request.too_large` through errorResponse.
import { DomainError } from "@/lib/errors";

/** Stripe event payloads are a few KB (the largest well under 100 KB); 1 MB leaves room and stops a flood. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
/** Bodies the proxy refuses by Content-Length on unauthenticated POST routes that have no route-level limit. */
export const SMALL_BODY_LIMIT = 64 * 1024;
/**
 * How long a body may send nothing before the read gives up (408): a stalled client never holds a request open for
 * good. Tests shorten it.
 */
export const bodyReadTimeouts = { idleMs: 30_000 };

const tooLarge = (limit: number) =>
  new DomainError("request.too_large", { limit: limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MB` : `${Math.ceil(limit / 1024)} KB` });

/** A declared Content-Length over `limit` (the check that needs no reading at all). */
export function declaresTooLarge(headers: Headers, limit: number): boolean {
  const declared = Number(headers.get("content-length") ?? "");
  return Number.isFinite(declared) && declared > limit;
}

/** Refuses (413) a body whose declared Content-Length is over `limit`, for routes that never read theirs. */
export function assertDeclaredWithin(headers: Headers, limit: number): void {
  if (declaresTooLarge(headers, limit)) throw tooLarge(limit);
}

/**
 * The body's bytes, at most `limit` of them; throws as soon as it is over — `request.too_large` (413), or the error
 * `refuse` makes (given the declared length, or null when the count while streaming found it; uploads say their own limit).
 * A body that sends nothing for `bodyReadTimeouts.idleMs` is `request.stalled` (408); one that breaks off is `request.incomplete` (400).
 */
export async function readLimitedBody(
  request: Request,
  limit: number,
  refuse: (declared: number | null) => DomainError = () => tooLarge(limit),
): Promise<Uint8Array> {
  if (declaresTooLarge(request.headers, limit)) throw refuse(Number(request.headers.get("content-length")));
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await readChunk(reader, bodyReadTimeouts.idleMs);
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop the upload here: nothing more is read or buffered.
      await reader.cancel().catch(() => {});
      throw refuse(null);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The next chunk, or a domain error when none comes in time (the stream is cancelled) or the stream fails. */
async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>, idleTimeoutMs: number): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<"stalled">((resolve) => {
    timer = setTimeout(() => resolve("stalled"), idleTimeoutMs);
  });
  try {
    const result = await Promise.race([reader.read(), stalled]);
    if (result === "stalled") {
      void reader.cancel().catch(() => {});
      throw new DomainError("request.stalled");
    }
    return result;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError("request.incomplete");
  } finally {
    clearTimeout(timer);
  }
}

/** The body as UTF-8 text (the webhook's signed payload), within `limit` bytes. */
export async function readLimitedText(request: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readLimitedBody(request, limit));
}
