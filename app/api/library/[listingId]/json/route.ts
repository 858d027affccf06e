// GET /api/library/[listingId]/json?version=N — a preset's settings or a template's body as a .json download, for people with access
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { publicError } from "@/lib/errors";
import { versionJsonDocument } from "@/lib/library/delivery";
import { attachmentDisposition } from "@/lib/library/downloads";

const query = z.object({ version: z.coerce.number().int().min(1).max(100_000).optional() });

export async function GET(request: Request, { params }: { params: Promise<{ listingId: string }> }) {
  const { listingId } = await params;
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "version must be a positive whole number" }, { status: 400 });
  try {
    const doc = await versionJsonDocument(await getDb(), await getCurrentUser(), listingId, parsed.data.version);
    return new Response(doc.json, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": attachmentDisposition(doc.filename),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const { status, message } = publicError(error);
    if (status >= 500) console.error("[library json] failed", error);
    return Response.json({ error: message }, { status, headers: { "Cache-Control": "private, no-store" } });
  }
}
