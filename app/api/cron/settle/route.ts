// GET /api/cron/settle — the daily settlement call from Vercel cron (ARCHITECTURE.md, "Where money moves"); Bearer CRON_SECRET.
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { observedRoute } from "@/lib/observability/observed-route";
import { paymentsDriver } from "@/lib/payments/driver";
import { isCronAuthorized } from "@/lib/security/cron";
import { settlePeriod } from "@/lib/settlement/settle";

export const dynamic = "force-dynamic";
// Vercel's ceiling; the settlement itself stops at SETTLEMENT_TIME_BUDGET_SECONDS (default 240).
export const maxDuration = 300;

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = observedRoute("cron/settle", async (request: Request) => {
  if (!isCronAuthorized(request.headers.get("authorization"), env().CRON_SECRET)) {
    logger.warn({ event: "cron.unauthorized", route: "cron/settle" }, "cron call without a valid bearer token");
    return Response.json({ error: "unauthorized", message: "A valid cron bearer token is required." }, { status: 401, headers: NO_STORE });
  }
  try {
    const summary = await settlePeriod(await getDb(), await paymentsDriver());
    logger.info({ event: "settlement.call", summary }, "settlement call finished");
    return Response.json(summary, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error, { log: "cron/settle", serverErrorStatus: 503 });
  }
});

function methodNotAllowed() {
  return Response.json({ error: "method_not_allowed", message: "Use GET." }, { status: 405, headers: { ...NO_STORE, Allow: "GET" } });
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
