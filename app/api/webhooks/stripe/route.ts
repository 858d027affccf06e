// POST /api/webhooks/stripe — Stripe events (and the local driver's signed events)
import { errorResponse } from "@/lib/errors";
import { observedRoute } from "@/lib/observability/observed-route";
import { receiveStripeWebhook } from "@/lib/payments/webhook";
import { readLimitedText, WEBHOOK_BODY_LIMIT } from "@/lib/security/body-limit";

export const dynamic = "force-dynamic";

export const POST = observedRoute("webhooks/stripe", async (request: Request) => {
  // The signature covers the exact bytes: read the raw body, never a re-serialised JSON — and never more than the limit.
  let rawBody: string;
  try {
    rawBody = await readLimitedText(request, WEBHOOK_BODY_LIMIT);
  } catch (error) {
    return errorResponse(error, { log: "webhooks/stripe" });
  }
  const { status, body } = await receiveStripeWebhook(rawBody, request.headers.get("stripe-signature"));
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
});
