// GET /api/files/[id] — an attached file, for its creator and admins only (buyers download through their library): the bytes, or a redirect to a presigned bucket URL.
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { readOwnFile } from "@/lib/files/files";
import { fileDownloadResponse } from "@/lib/storage/delivery";
import { observedRoute } from "@/lib/observability/observed-route";

export const GET = observedRoute("files/[id]", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  try {
    const db = await getDb();
    return await fileDownloadResponse(db, await readOwnFile(db, await getCurrentUser(), id));
  } catch (error) {
    return errorResponse(error, { log: "files" });
  }
});
