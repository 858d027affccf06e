// POST /api/uploads/direct/[id]/complete — confirms one's own upload once every part is in the bucket:
// { parts: [{ partNumber, etag }], focus? } → 201 the stored file ({ id, filename, contentType, byteSize, sha256 })
// or image ({ id, width, height, …, url, thumbUrl }), the same answers as /api/uploads/files and /api/uploads/images.
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse, parseInput } from "@/lib/errors";
import { readJsonBody } from "@/lib/files/body";
import { IMAGE_FOCUSES, type ImageFocus } from "@/lib/images/pipeline";
import { completeDirectUpload } from "@/lib/storage/direct-uploads";
import { observedRoute } from "@/lib/observability/observed-route";

// Confirming hashes the whole object, streamed from the bucket: about 7 s per GB in the storage bench (loopback), so a
// 5 GB model needs more than a default function timeout.
export const maxDuration = 300;

const completeSchema = z.object({
  parts: z
    .array(z.object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) }), "parts must list every part's number and ETag")
    .min(1)
    .max(10_000),
  focus: z.enum(IMAGE_FOCUSES as [ImageFocus, ...ImageFocus[]], "focus must be center, top, bottom, left or right").optional(),
});

export const POST = observedRoute("uploads/direct/[id]/complete", async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  try {
    const input = parseInput(completeSchema, await readJsonBody(request, 1024 * 1024));
    const done = await completeDirectUpload(await getDb(), await getCurrentUser(), id, input);
    const body = done.kind === "file" ? done.file : { ...done.image, url: `/api/images/${done.image.id}`, thumbUrl: `/api/images/${done.image.id}?size=thumb` };
    return Response.json(body, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, { log: "uploads/direct/complete" });
  }
});
