// GET /api/cron/email — the outbox sweep from Vercel cron (ARCHITECTURE.md, "Email"); Bearer CRON_SECRET.
import { env } from "@/lib/env";
import { sweepOutbox } from "@/lib/email/sweep";
import { errorResponse } from "@/lib/errors";
import { isCronAuthorized } from "@/lib/security/cron";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = observedRoute("cron/email", async (request: Request) => {
  if (!isCronAuthorized(request.headers.get("authorization"), env().CRON_SECRET)) {
    return Response.json({ error: "unauthorized", message: "A valid cron bearer token is required." }, { status: 401, headers: NO_STORE });
  }
  try {
    // Stops claiming after 45 s, under the 60 s limit; the next sweep continues.
    return Response.json(await sweepOutbox({ budgetMs: 45_000 }), { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error, { log: "cron/email", serverErrorStatus: 503 });
  }
});

function methodNotAllowed() {
  return Response.json({ error: "method_not_allowed", message: "Use GET." }, { status: 405, headers: { ...NO_STORE, Allow: "GET" } });
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
