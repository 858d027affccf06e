// GET /api/downloads/[token] — a file for the user a short-lived download link was issued to (their session, or their API key with the downloads scope): the bytes, or a redirect to a presigned bucket URL
import { getDb } from "@/db/client";
import { answerForCaller } from "@/lib/api-keys/request";
import { openFileDownload } from "@/lib/library/downloads";
import { fileDownloadResponse } from "@/lib/storage/delivery";
import { observedRoute } from "@/lib/observability/observed-route";

const PRIVATE = { "Cache-Control": "private, no-store, max-age=0", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };

export const GET = observedRoute("downloads/[token]", async (request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  return answerForCaller(request, { scope: "downloads", session: true, log: "downloads", headers: PRIVATE }, async (actor) => {
    const db = await getDb();
    return fileDownloadResponse(db, await openFileDownload(db, actor, token), PRIVATE);
  });
});
