// GET /api/library/[listingId]/json?version=N — a preset's settings or a template's body as a .json download, for people with access (session, or an API key with the downloads scope)
import { getDb } from "@/db/client";
import { answerForCaller } from "@/lib/api-keys/request";
import { versionJsonDocument } from "@/lib/library/delivery";
import { attachmentDisposition, requestedVersion } from "@/lib/library/downloads";
import { observedRoute } from "@/lib/observability/observed-route";

export const GET = observedRoute("library/[listingId]/json", async (request: Request, { params }: { params: Promise<{ listingId: string }> }) => {
  const { listingId } = await params;
  return answerForCaller(request, { scope: "downloads", session: true, log: "library json" }, async (actor) => {
    const version = requestedVersion(request);
    const doc = await versionJsonDocument(await getDb(), actor, listingId, version);
    return new Response(doc.json, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": attachmentDisposition(doc.filename),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
});
