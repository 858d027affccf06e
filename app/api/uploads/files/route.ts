// POST /api/uploads/files — an attached file (model weights…) as the raw body; its name in X-File-Name
// (URI-encoded) and its type in Content-Type. Streamed with a size limit; returns name, size and sha256.
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { DomainError, errorResponse } from "@/lib/errors";
import { readLimitedBody } from "@/lib/security/body-limit";
import { fileTooLarge, storeFile } from "@/lib/files/files";
import { serverUploadMaxBytes } from "@/lib/files/limits";
import { assertCreator } from "@/lib/auth/actor";
import { limitAction } from "@/lib/security/limits";
import { observedRoute } from "@/lib/observability/observed-route";
import { assertStorageRoom } from "@/lib/storage/quota";

function decodeName(value: string | null): string {
  if (!value) return "file";
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const POST = observedRoute("uploads/files", async (request: Request) => {
  try {
    // Who may upload is checked before a byte of the body is read.
    const actor = assertCreator(await getCurrentUser());
    const db = await getDb();
    await limitAction(db, "upload", actor.id);
    // A body announced over the quota is refused before it is read (storeFile checks the bytes that arrive).
    const declared = Number(request.headers.get("content-length"));
    if (Number.isSafeInteger(declared) && declared > 0) await assertStorageRoom(db, actor.id, declared);
    // The body is the file itself: a form (multipart, possibly cut off) would be stored wrapping and all.
    if (/^\s*(multipart\/|application\/x-www-form-urlencoded)/i.test(request.headers.get("content-type") ?? "")) throw new DomainError("file.form_body");
    const limit = serverUploadMaxBytes();
    const bytes = await readLimitedBody(request, limit, (declared) => fileTooLarge(declared, limit));
    const file = await storeFile(db, actor, {
      filename: decodeName(request.headers.get("x-file-name")),
      contentType: request.headers.get("content-type"),
      bytes,
    });
    return Response.json(file, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, { log: "uploads/files" });
  }
});
