// GET /api/files/[id] — an attached file, for its creator and admins only (buyers download through their library).
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { readOwnFile } from "@/lib/files/files";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const file = await readOwnFile(await getDb(), await getCurrentUser(), id);
    return new Response(Buffer.from(file.data), {
      headers: {
        // Always a download, never rendered by the browser, whatever type the uploader claimed.
        "Content-Type": "application/octet-stream",
        "Content-Disposition": `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "Content-Length": String(file.byteSize),
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "X-Content-SHA256": file.sha256,
      },
    });
  } catch (error) {
    return errorResponse(error, { log: "files" });
  }
}
