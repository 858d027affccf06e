// The parts of Stripe objects the handlers read, validated so a malformed event is refused, not half-applied.
import { z } from "zod";
import { DomainError } from "@/lib/errors";

/**
 * Reads a handled event's object: one that doesn't fit its shape is `webhook.unexpected_shape` (400), since a
 * retry would not improve it; the zod issues go along as the error's cause, for the log line.
 */
export function readEventObject<S extends z.ZodType>(shape: S, object: unknown): z.infer<S> {
  const parsed = shape.safeParse(object);
  if (parsed.success) return parsed.data;
  const error = new DomainError("webhook.unexpected_shape");
  error.cause = parsed.error.issues.slice(0, 3);
  throw error;
}

const expandable = z.union([z.string(), z.object({ id: z.string() }).transform((o) => o.id)]).nullish();

export const checkoutSessionShape = z.object({
  id: z.string(),
  client_reference_id: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  payment_status: z.enum(["paid", "unpaid", "no_payment_required"]),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  payment_intent: expandable,
});

export const chargeShape = z.object({
  id: z.string(),
  amount: z.number().int(),
  amount_refunded: z.number().int(),
  currency: z.string(),
  payment_intent: expandable,
  metadata: z.record(z.string(), z.string()).nullish(),
});

export const disputeShape = z.object({
  id: z.string(),
  charge: expandable,
  payment_intent: expandable,
  status: z.string(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

export const accountShape = z.object({
  id: z.string(),
  payouts_enabled: z.boolean().nullish(),
  details_submitted: z.boolean().nullish(),
  charges_enabled: z.boolean().nullish(),
  // Capability name → status (`active`, `inactive`, `pending`, or a newer status we treat as not active).
  capabilities: z.record(z.string(), z.string()).nullish(),
  requirements: z
    .object({
      currently_due: z.array(z.string()).nullish(),
      past_due: z.array(z.string()).nullish(),
      disabled_reason: z.string().nullish(),
    })
    .nullish(),
});

export type CheckoutSessionObject = z.infer<typeof checkoutSessionShape>;
export type ChargeObject = z.infer<typeof chargeShape>;
export type AccountObject = z.infer<typeof accountShape>;
