// GET /api/cron/storage — daily storage sweep, Bearer CRON_SECRET: drops the parts of direct uploads abandoned for a day
// (lib/storage/direct-uploads.ts), deletes files no listing version used and images nothing shows a day after upload,
// then deletes the bucket objects of deleted file rows (lib/storage/orphans.ts). Safe to run twice at once.
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { isCronAuthorized } from "@/lib/security/cron";
import { abortAbandonedUploads } from "@/lib/storage/direct-uploads";
import { deleteOrphanFiles, deleteOrphanImages, drainStorageDeletions } from "@/lib/storage/orphans";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = observedRoute("cron/storage", async (request: Request) => {
  if (!isCronAuthorized(request.headers.get("authorization"), env().CRON_SECRET)) {
    return Response.json({ error: "unauthorized", message: "A valid cron bearer token is required." }, { status: 401, headers: NO_STORE });
  }
  try {
    const db = await getDb();
    const { aborted } = await abortAbandonedUploads(db);
    const { orphanFiles } = await deleteOrphanFiles(db);
    const { orphanImages } = await deleteOrphanImages(db);
    const { deletedObjects } = await drainStorageDeletions(db);
    return Response.json({ aborted, orphanFiles, orphanImages, deletedObjects }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error, { log: "cron/storage", serverErrorStatus: 503 });
  }
});

function methodNotAllowed() {
  return Response.json({ error: "method_not_allowed", message: "Use GET." }, { status: 405, headers: { ...NO_STORE, Allow: "GET" } });
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
