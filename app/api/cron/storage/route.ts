// GET /api/cron/storage — drops the parts of direct uploads abandoned for a day (lib/storage/direct-uploads.ts); Bearer CRON_SECRET.
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { isCronAuthorized } from "@/lib/security/cron";
import { abortAbandonedUploads } from "@/lib/storage/direct-uploads";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = observedRoute("cron/storage", async (request: Request) => {
  if (!isCronAuthorized(request.headers.get("authorization"), env().CRON_SECRET)) {
    return Response.json({ error: "unauthorized", message: "A valid cron bearer token is required." }, { status: 401, headers: NO_STORE });
  }
  try {
    return Response.json(await abortAbandonedUploads(await getDb()), { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error, { log: "cron/storage", serverErrorStatus: 503 });
  }
});

function methodNotAllowed() {
  return Response.json({ error: "method_not_allowed", message: "Use GET." }, { status: 405, headers: { ...NO_STORE, Allow: "GET" } });
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
