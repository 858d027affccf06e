// GET /api/downloads/[token] — a file's bytes for the signed-in user a short-lived download link was issued to
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { attachmentDisposition, openFileDownload } from "@/lib/library/downloads";

const PRIVATE = { "Cache-Control": "private, no-store, max-age=0", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const file = await openFileDownload(await getDb(), await getCurrentUser(), token);
    return new Response(Buffer.from(file.data), {
      headers: {
        ...PRIVATE,
        // Always a download, never rendered: a stored content type can't turn into a page on our origin.
        "Content-Type": "application/octet-stream",
        "Content-Disposition": attachmentDisposition(file.filename),
        "Content-Length": String(file.data.byteLength),
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return errorResponse(error, { log: "downloads", headers: PRIVATE });
  }
}
