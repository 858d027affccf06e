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

/** Parses input at a lib boundary: a caller that skipped the action's parse still can't write bad data. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}
