// GET /api/library/[listingId]/json?version=N — a preset's settings or a template's body as a .json download, for people with access
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { versionJsonDocument } from "@/lib/library/delivery";
import { attachmentDisposition, requestedVersion } from "@/lib/library/downloads";

export async function GET(request: Request, { params }: { params: Promise<{ listingId: string }> }) {
  const { listingId } = await params;
  try {
    const version = requestedVersion(request);
    const doc = await versionJsonDocument(await getDb(), await getCurrentUser(), listingId, version);
    return new Response(doc.json, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": attachmentDisposition(doc.filename),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, { log: "library json", headers: { "Cache-Control": "private, no-store" } });
  }
}
