// GET /api/library/[listingId]/download?version=N — issues a short-lived signed link to the version's file and redirects to it (session, or an API key with the downloads scope)
import { getDb } from "@/db/client";
import { answerForCaller } from "@/lib/api-keys/request";
import { issueFileDownload, requestedVersion } from "@/lib/library/downloads";
import { observedRoute } from "@/lib/observability/observed-route";

export const GET = observedRoute("library/[listingId]/download", async (request: Request, { params }: { params: Promise<{ listingId: string }> }) => {
  const { listingId } = await params;
  return answerForCaller(request, { scope: "downloads", session: true, log: "library download" }, async (actor) => {
    const version = requestedVersion(request);
    const url = await issueFileDownload(await getDb(), actor, listingId, version);
    return new Response(null, { status: 303, headers: { Location: url, "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } });
  });
});
