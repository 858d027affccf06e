// GET /api/library/[listingId]/download?version=N — issues a short-lived signed link to the version's file and redirects to it
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse, parseInput } from "@/lib/errors";
import { issueFileDownload } from "@/lib/library/downloads";

const VERSION_MESSAGE = "version must be a positive whole number";
const query = z.object({ version: z.coerce.number({ error: VERSION_MESSAGE }).int(VERSION_MESSAGE).min(1, VERSION_MESSAGE).max(100_000, VERSION_MESSAGE).optional() });

export async function GET(request: Request, { params }: { params: Promise<{ listingId: string }> }) {
  const { listingId } = await params;
  try {
    const { version } = parseInput(query, Object.fromEntries(new URL(request.url).searchParams));
    const url = await issueFileDownload(await getDb(), await getCurrentUser(), listingId, version);
    return new Response(null, { status: 303, headers: { Location: url, "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } });
  } catch (error) {
    return errorResponse(error, { log: "library download", headers: { "Cache-Control": "private, no-store" } });
  }
}
