// GET /api/downloads/[token] — a file's bytes for the user a short-lived download link was issued to (their session, or their API key with the downloads scope)
import { getDb } from "@/db/client";
import { answerForCaller } from "@/lib/api-keys/request";
import { attachmentDisposition, openFileDownload } from "@/lib/library/downloads";

const PRIVATE = { "Cache-Control": "private, no-store, max-age=0", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return answerForCaller(request, { scope: "downloads", session: true, log: "downloads", headers: PRIVATE }, async (actor) => {
    const file = await openFileDownload(await getDb(), actor, token);
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
  });
}
