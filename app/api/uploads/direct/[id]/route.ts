// DELETE /api/uploads/direct/[id] — cancels one's own upload: the bucket drops the parts sent so far (AbortMultipartUpload), no file is recorded.
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { abortDirectUpload } from "@/lib/storage/direct-uploads";
import { observedRoute } from "@/lib/observability/observed-route";

export const DELETE = observedRoute("uploads/direct/[id]", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  try {
    await abortDirectUpload(await getDb(), await getCurrentUser(), id);
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, { log: "uploads/direct/abort" });
  }
});
