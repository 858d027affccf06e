// Turns a zod schema and a domain function into a server action returning form state for useActionState.
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { parseInput, publicError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

export type ActionState = {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What the person typed (never passwords), so a failed submit loses nothing. */
  values?: Record<string, string>;
};

/** A form's server action as components receive it (from validatedAction, for useActionState). */
export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

const SECRET_FIELDS = /password|secret|token/i;

function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !SECRET_FIELDS.test(key)) values[key] = value;
  }
  return values;
}

export function validatedAction<S extends z.ZodType>(schema: S, action: (data: z.infer<S>, formData: FormData) => Promise<ActionState | void>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    try {
      const data = parseInput(schema, Object.fromEntries(formData));
      return (await action(data, formData)) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      return failedState(error, formData);
    }
  };
}

/** A failed submit in form terms, through the same catalogue as route handlers; server-side failures are logged. */
function failedState(error: unknown, formData: FormData): ActionState {
  const failure = publicError(error);
  if (failure.status >= 500) logger.error({ event: "action.failed", err: error }, "server action failed");
  return { error: failure.message, ...(failure.fieldErrors ? { fieldErrors: failure.fieldErrors } : {}), values: echoValues(formData) };
}
