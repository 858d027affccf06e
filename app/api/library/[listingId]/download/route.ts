// GET /api/library/[listingId]/download?version=N — issues a short-lived signed link to the version's file and redirects to it
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { issueFileDownload, requestedVersion } from "@/lib/library/downloads";

export async function GET(request: Request, { params }: { params: Promise<{ listingId: string }> }) {
  const { listingId } = await params;
  try {
    const version = requestedVersion(request);
    const url = await issueFileDownload(await getDb(), await getCurrentUser(), listingId, version);
    return new Response(null, { status: 303, headers: { Location: url, "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } });
  } catch (error) {
    return errorResponse(error, { log: "library download", headers: { "Cache-Control": "private, no-store" } });
  }
}
