// POST /api/uploads/direct/[id]/parts — presigned PUT URLs for some parts of one's own open upload: { partNumbers }
// → { parts: [{ partNumber, url }] }. Asked again for a part that failed or after a pause (the URLs expire).
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse, parseInput } from "@/lib/errors";
import { readJsonBody } from "@/lib/files/body";
import { presignUploadParts } from "@/lib/storage/direct-uploads";
import { observedRoute } from "@/lib/observability/observed-route";

const partsSchema = z.object({
  partNumbers: z.array(z.number().int().min(1).max(10_000), "partNumbers must be a list of part numbers").min(1).max(100),
});

export const POST = observedRoute("uploads/direct/[id]/parts", async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  try {
    const { partNumbers } = parseInput(partsSchema, await readJsonBody(request));
    const parts = await presignUploadParts(await getDb(), await getCurrentUser(), id, partNumbers);
    return Response.json({ parts }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, { log: "uploads/direct/parts" });
  }
});
