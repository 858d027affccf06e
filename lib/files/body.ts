// Small JSON request bodies of the upload routes, read with the one size-limited reader (lib/security/body-limit).
import { DomainError } from "@/lib/errors";
import { readLimitedBody } from "@/lib/security/body-limit";

/** A small JSON request body (at most `limit` bytes); unreadable JSON is a 400 like any other bad input. */
export async function readJsonBody(request: Request, limit = 64 * 1024): Promise<unknown> {
  const bytes = await readLimitedBody(request, limit, () => new DomainError("input.invalid", { issue: `the request body is over ${limit} bytes` }));
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DomainError("input.invalid", { issue: "the request body must be JSON" });
  }
}
