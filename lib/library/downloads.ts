// File delivery: a short-lived signed link per request, and the checks that run again when the link is used.
import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { files, listingVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { z } from "zod";
import { DomainError, parseInput } from "@/lib/errors";
import { issueDownloadToken, verifyDownloadToken } from "@/lib/security/download-links";
import type { DeliverableFile } from "@/lib/storage/delivery";
import { approvedVersion, deliveryAccess, notFound } from "./access";
import { parseStoredContent, versionFileId } from "./delivery";

export const DOWNLOAD_PATH = "/api/downloads";

/** A fresh signed URL for the file of an approved version the actor may read (not found when there is none). */
export async function issueFileDownload(db: Db, actor: Actor | null, listingId: string, versionNumber?: number): Promise<string> {
  if (!actor) throw notFound();
  const delivery = await deliveryAccess(db, actor, listingId);
  const version = await approvedVersion(db, delivery, versionNumber);
  const fileId = versionFileId(version, parseStoredContent(version, delivery.listing.kind));
  if (!fileId) throw notFound();
  const token = issueDownloadToken({ userId: actor.id, fileId, listingId });
  return `${DOWNLOAD_PATH}/${token}`;
}

/** A file a download token opens: where its bytes are (lib/storage answers with them or a presigned redirect). */
export type FileDownload = DeliverableFile & { contentType: string };

/**
 * The file behind a download token, for the user it was issued to. Access is checked again at
 * use (a refund between issue and use ends it) and the file must still belong to an approved
 * version of the token's listing. Every failure is "not found" except an expired link of one's own.
 */
export async function openFileDownload(db: Db, actor: Actor | null, token: string): Promise<FileDownload> {
  if (!actor) throw notFound();
  const check = verifyDownloadToken(token, actor.id);
  if (!check.ok) {
    if (check.reason === "expired") {
      throw new DomainError("library.link_expired");
    }
    throw notFound();
  }
  const { fileId, listingId } = check.claims;
  await deliveryAccess(db, actor, listingId);
  const [delivered] = await db
    .select({ id: listingVersions.id })
    .from(listingVersions)
    .where(
      and(
        eq(listingVersions.listingId, listingId),
        eq(listingVersions.reviewStatus, "approved"),
        or(eq(listingVersions.fileId, fileId), sql`${listingVersions.content}->>'fileId' = ${fileId}`),
      ),
    )
    .limit(1);
  if (!delivered) throw notFound();
  const [file] = await db
    .select({
      id: files.id,
      storageKey: files.storageKey,
      filename: files.filename,
      contentType: files.contentType,
      byteSize: files.byteSize,
      sha256: files.sha256,
    })
    .from(files)
    .where(eq(files.id, fileId))
    .limit(1);
  if (!file) throw notFound();
  return file;
}

export { attachmentDisposition } from "@/lib/storage/delivery";

const VERSION_MESSAGE = "version must be a positive whole number";
const versionQuery = z.object({
  version: z.coerce.number({ error: VERSION_MESSAGE }).int(VERSION_MESSAGE).min(1, VERSION_MESSAGE).max(100_000, VERSION_MESSAGE).optional(),
});

/** The `?version=` of a library download or JSON request (latest approved when absent); a bad value is a 400. */
export function requestedVersion(request: Request): number | undefined {
  return parseInput(versionQuery, Object.fromEntries(new URL(request.url).searchParams)).version;
}
