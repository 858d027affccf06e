// The one UUID check. Ids from URLs, forms, cookies and webhooks are checked before they reach a uuid column,
// where Postgres would refuse a malformed one with an error instead of "not found". Safe in the browser too.
import { z } from "zod";

/** Any hex UUID in the 8-4-4-4-12 form, either case: what a Postgres uuid column accepts as text. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}

/** A zod string that must be a UUID; `message` is what a form shows when it is not. */
export function uuidSchema(message?: string) {
  return z.string().regex(UUID_PATTERN, message);
}
