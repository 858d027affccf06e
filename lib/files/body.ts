// Reading an upload's request body with a hard size limit: refused from Content-Length when it is declared,
// and counted while streaming otherwise, so an oversized body is never held in memory whole.
import { DomainError } from "@/lib/errors";

export async function readBodyWithLimit(request: Request, limit: number, tooLarge: (declared: number | null) => DomainError): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(declared);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(null);
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

/** A small JSON request body (at most `limit` bytes); unreadable JSON is a 400 like any other bad input. */
export async function readJsonBody(request: Request, limit = 64 * 1024): Promise<unknown> {
  const bytes = await readBodyWithLimit(request, limit, () => new DomainError("input.invalid", { issue: `the request body is over ${limit} bytes` }));
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DomainError("input.invalid", { issue: "the request body must be JSON" });
  }
}
