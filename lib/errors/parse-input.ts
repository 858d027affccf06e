// The one way lib turns a zod failure into a domain error: `input.invalid` (400) carrying the first problem
// in words and every field's problems, never a ZodError that would surface as a 500.
import { z } from "zod";
import type { FieldErrors } from "./catalogue";
import { DomainError } from "./domain-error";

export function invalidInput(error: z.ZodError): DomainError<"input.invalid"> {
  return new DomainError("input.invalid", {
    issue: error.issues[0]?.message,
    fieldErrors: z.flattenError(error).fieldErrors as FieldErrors,
  });
}

/** What a person reads when their text holds a character Postgres can't store. */
export const UNSTORABLE_TEXT = "Text can't contain NUL characters or broken Unicode. Remove them and try again.";

// NUL, and a surrogate that is not half of a pair: Postgres refuses both in text and jsonb (a database error, a 500).
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 64;

/** The path to the first string (value or key) in `input` that Postgres could not store, or null when there is none. */
export function unstorableTextPath(input: unknown, path: string[] = []): string[] | null {
  if (typeof input === "string") return UNSTORABLE.test(input) ? path : null;
  if (!input || typeof input !== "object" || path.length > MAX_DEPTH) return null;
  if (Array.isArray(input)) {
    for (const [i, item] of input.entries()) {
      const found = unstorableTextPath(item, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (Object.getPrototypeOf(input) !== Object.prototype && Object.getPrototypeOf(input) !== null) return null;
  for (const [key, value] of Object.entries(input)) {
    if (UNSTORABLE.test(key)) return [...path, key];
    const found = unstorableTextPath(value, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** Refuses (400) input carrying text Postgres can't store, naming the field, before it reaches a statement. */
export function assertStorableText(input: unknown): void {
  const path = unstorableTextPath(input);
  if (!path) return;
  throw new DomainError("input.invalid", { issue: UNSTORABLE_TEXT, ...(path.length ? { fieldErrors: { [path[0]]: [UNSTORABLE_TEXT] } } : {}) });
}

/** Parses input at a lib boundary: a caller that skipped the action's parse still can't write bad data. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  assertStorableText(input);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}
