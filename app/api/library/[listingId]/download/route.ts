// GET /api/library/[listingId]/download?version=N — issues a short-lived signed link to the version's file and redirects to it
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { publicError } from "@/lib/errors";
import { issueFileDownload } from "@/lib/library/downloads";

const query = z.object({ version: z.coerce.number().int().min(1).max(100_000).optional() });

export async function GET(request: Request, { params }: { params: Promise<{ listingId: string }> }) {
  const { listingId } = await params;
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "version must be a positive whole number" }, { status: 400 });
  try {
    const url = await issueFileDownload(await getDb(), await getCurrentUser(), listingId, parsed.data.version);
    return new Response(null, { status: 303, headers: { Location: url, "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } });
  } catch (error) {
    const { status, message } = publicError(error);
    if (status >= 500) console.error("[library download] failed", error);
    return Response.json({ error: message }, { status, headers: { "Cache-Control": "private, no-store" } });
  }
}
