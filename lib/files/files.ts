// Attached files (model weights and the like): stored with their hash, size and type; readable by their
// owner and admins here (buyers' downloads check entitlement in the purchases code).
import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { files } from "@/db/schema";
import { assertCreator, assertSignedIn, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { formatBytes } from "@/lib/format";
import { isUuid } from "@/lib/uuid";
import { fileMaxBytes } from "./limits";

export type StoredFile = { id: string; filename: string; contentType: string; byteSize: number; sha256: string };

export const fileTooLarge = (declared: number | null, limit = fileMaxBytes()) =>
  new DomainError("file.too_large", { size: declared ? formatBytes(declared) : null, limit: formatBytes(limit) });

/** A file name safe to store and to put in a Content-Disposition header: no path, no control characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(0, 200);
  return cleaned && cleaned !== "." && cleaned !== ".." ? cleaned : "file";
}

const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

export function cleanContentType(type: string | null | undefined): string {
  const value = (type ?? "").split(";")[0].trim().toLowerCase();
  return CONTENT_TYPE.test(value) ? value : "application/octet-stream";
}

export async function storeFile(db: Db, actor: Actor | null, input: { filename: string; contentType: string | null; bytes: Uint8Array }): Promise<StoredFile> {
  const creator = assertCreator(actor);
  const limit = fileMaxBytes();
  if (input.bytes.byteLength === 0) throw new DomainError("file.empty");
  if (input.bytes.byteLength > limit) throw fileTooLarge(input.bytes.byteLength, limit);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const [row] = await db
    .insert(files)
    .values({
      ownerId: creator.id,
      filename: cleanFilename(input.filename),
      contentType: cleanContentType(input.contentType),
      byteSize: input.bytes.byteLength,
      sha256,
      data: input.bytes,
    })
    .returning({ id: files.id, filename: files.filename, contentType: files.contentType, byteSize: files.byteSize, sha256: files.sha256 });
  return row;
}

/** A file's bytes for its owner or an active admin; anyone else gets not-found (the id's existence stays secret). */
export async function readOwnFile(db: Db, actor: Actor | null, fileId: string): Promise<StoredFile & { data: Uint8Array }> {
  const user = assertSignedIn(actor);
  const notFound = new DomainError("file.not_found");
  if (!isUuid(fileId)) throw notFound;
  const [row] = await db.select().from(files).where(eq(files.id, fileId)).limit(1);
  const admin = user.role === "admin" && user.status === "active";
  if (!row || (row.ownerId !== user.id && !admin)) throw notFound;
  return { id: row.id, filename: row.filename, contentType: row.contentType, byteSize: row.byteSize, sha256: row.sha256, data: row.data };
}
