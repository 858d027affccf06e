// Turns a zod schema and a domain function into a server action returning form state for useActionState.
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { isDomainError } from "@/lib/errors";

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

export function validatedAction<S extends z.ZodType>(
  schema: S,
  action: (data: z.infer<S>, formData: FormData) => Promise<ActionState | void>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      return {
        error: parsed.error.issues[0]?.message ?? "Check the highlighted fields.",
        fieldErrors: flat.fieldErrors as Record<string, string[] | undefined>,
        values: echoValues(formData),
      };
    }
    try {
      return (await action(parsed.data, formData)) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (isDomainError(error)) return { error: error.publicMessage, values: echoValues(formData) };
      console.error("[action] unexpected failure", error);
      return { error: "Something went wrong on our side. Please try again.", values: echoValues(formData) };
    }
  };
}

/** A same-site path to return to after signing in; anything else falls back to home. */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
