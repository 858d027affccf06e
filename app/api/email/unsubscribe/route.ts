// POST /api/email/unsubscribe?token=… — RFC 8058 one-click unsubscribe from a mail client (List-Unsubscribe-Post).
// No sign-in: the signed token is the proof. GET (a person opening the header's link) goes to the page that asks first.
import { getDb } from "@/db/client";
import { unsubscribe } from "@/lib/email/unsubscribe";
import { DomainError, errorResponse } from "@/lib/errors";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export const POST = observedRoute("email/unsubscribe", async (request: Request) => {
  const token = new URL(request.url).searchParams.get("token");
  try {
    const done = await unsubscribe(await getDb(), token);
    if (!done) throw new DomainError("email.unsubscribe_invalid");
    return Response.json({ unsubscribed: done.category }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error, { log: "email/unsubscribe" });
  }
});

export const GET = observedRoute("email/unsubscribe", (request: Request) => {
  const url = new URL(request.url);
  const page = new URL("/email/unsubscribe", url);
  page.searchParams.set("token", url.searchParams.get("token") ?? "");
  return Response.redirect(page, 303);
});
