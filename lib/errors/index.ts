// Typed domain errors (`area.reason`), mapped to an HTTP status and a safe message in one place.
const MESSAGES = {
  "auth.unauthenticated": [401, "Please sign in to continue."],
  "auth.forbidden": [403, "You don't have access to this."],
  "auth.suspended": [403, "Your account is suspended. Contact support if you think this is a mistake."],
  "auth.banned": [403, "This account has been closed."],
  "auth.invalid_credentials": [401, "Email or password is incorrect."],
  "auth.email_taken": [409, "An account with this email already exists. Try signing in."],
  "auth.not_creator": [403, "Become a creator to do this."],
  "ledger.unbalanced": [500, "Something went wrong recording this payment."],
  "ledger.not_integer_cents": [500, "Something went wrong recording this payment."],
  "settlement.bad_period": [400, "Choose a month like 2026-10."],
  "settlement.period_open": [400, "That month has not closed yet. A month is settled from the 1st of the next month."],
  "settlement.not_retryable": [409, "Only a failed or held payout of an open period can be retried; this one has moved on."],
  "settlement.superseded": [409, "A later month is already settled, so this month can only be continued, not started."],
  "settlement.busy": [409, "This payout is being worked on right now. Try again in a few minutes."],
  "payouts.no_account": [409, "Set up payouts first: connect a Stripe account from your payouts page."],
  "payouts.provider_unavailable": [502, "We couldn't reach Stripe just now. Nothing was changed; please try again in a minute."],
  "input.invalid": [400, "Some of the details you entered are not valid."],
  "not_found": [404, "We couldn't find that."],
  "rate_limited": [429, "Too many requests. Please wait a moment and try again."],
} as const satisfies Record<string, readonly [number, string]>;

export type DomainErrorCode = keyof typeof MESSAGES | `${string}.${string}`;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly status: number;
  readonly publicMessage: string;

  constructor(code: DomainErrorCode, message?: string, status?: number) {
    const known = (MESSAGES as Record<string, readonly [number, string]>)[code];
    super(message ?? known?.[1] ?? code);
    this.name = "DomainError";
    this.code = code;
    this.status = status ?? known?.[0] ?? 400;
    this.publicMessage = message ?? known?.[1] ?? "Something went wrong.";
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** What a person may see of any error: the domain message, or a generic one (never a stack or SQL). */
export function publicError(error: unknown): { status: number; code: string; message: string } {
  if (isDomainError(error)) return { status: error.status, code: error.code, message: error.publicMessage };
  return { status: 500, code: "internal", message: "Something went wrong on our side. Please try again." };
}
