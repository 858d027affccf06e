// Typed domain errors (`area.reason`): each code's status and message come from the catalogue, so a
// code is declared once and a misspelt one fails typecheck. publicError is what any caller may show.
import { isDatabaseConnectionFailure, noteDatabaseUnreachable } from "@/db/availability";
import { ERROR_CATALOGUE, errorMessage, isDomainErrorCode, type DomainErrorCode, type ErrorArgs, type FieldErrors, type InvalidInputParams } from "./catalogue";

export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  readonly code: C;
  readonly status: number;
  readonly publicMessage: string;
  /** Per-field problems, for `input.invalid` raised by parseInput. */
  readonly fieldErrors?: FieldErrors;
  /** Seconds until a rate-limited caller may try again (429s); errorResponse sends it as Retry-After. */
  retryAfterSeconds?: number;

  constructor(code: C, ...args: ErrorArgs<C>) {
    const message = errorMessage(code, ...args);
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.publicMessage = message;
    if (code === "input.invalid") this.fieldErrors = (args[0] as InvalidInputParams | undefined)?.fieldErrors;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

export type PublicError = { status: number; code: DomainErrorCode | "internal"; message: string; fieldErrors?: FieldErrors };

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";

/** What a person may see of any error: the domain message, or a generic one (never a stack or SQL). */
export function publicError(error: unknown): PublicError {
  if (isDomainError(error)) {
    return { status: error.status, code: error.code, message: error.publicMessage, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
  }
  // The database could not be reached: a 503 the person can retry (nothing was written: a statement that never reached
  // the database changed nothing, and a transaction cut off mid-way is rolled back). Noted for the proxy
  // (db/availability), which then answers pages 503 until the database answers again.
  if (isDatabaseConnectionFailure(error)) {
    noteDatabaseUnreachable();
    const { status, message } = ERROR_CATALOGUE["database.unavailable"];
    return { status, code: "database.unavailable", message };
  }
  return { status: 500, code: "internal", message: INTERNAL_ERROR_MESSAGE };
}

/** The message for a code that arrived as text (a redirect's `?reason=`): the catalogue's fixed message, or the generic one. */
export function messageForCode(code: string | null | undefined): string {
  if (!code || !isDomainErrorCode(code)) return INTERNAL_ERROR_MESSAGE;
  const { message } = ERROR_CATALOGUE[code];
  return typeof message === "string" ? message : INTERNAL_ERROR_MESSAGE;
}
