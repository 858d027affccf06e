// POST /api/webhooks/stripe — Stripe events (and the local driver's signed events)
import { receiveStripeWebhook } from "@/lib/payments/webhook";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  // The signature covers the exact bytes: read the raw body, never a re-serialised JSON.
  const rawBody = await request.text();
  const { status, body } = await receiveStripeWebhook(rawBody, request.headers.get("stripe-signature"));
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
