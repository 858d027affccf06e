// The model file check of a stored file, kept on its row (`files.inspection`): computed once through ranged reads
// over the stored bytes, then read back. Submission of a model version refuses a file whose check failed.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { files } from "@/db/schema";
import { assertCreator, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { rangeReaderFor } from "@/lib/storage/file-bytes";
import { inspectModelFile, MODEL_FORMATS, type ModelFileCheck } from "./model-inspect";

export type InspectableFile = { id: string; byteSize: number; storageKey: string | null; inspection: unknown };

/** A stored check read back; null when there is none (or it is not one). */
export function readModelCheck(value: unknown): ModelFileCheck | null {
  if (!value || typeof value !== "object") return null;
  const check = value as { ok?: unknown; report?: { format?: unknown }; code?: unknown; message?: unknown };
  if (check.ok === true && check.report && MODEL_FORMATS.includes(check.report.format as (typeof MODEL_FORMATS)[number])) return value as ModelFileCheck;
  if (check.ok === false && typeof check.code === "string" && typeof check.message === "string") return value as ModelFileCheck;
  return null;
}

/**
 * The file's model check: the one stored on its row, or computed now through ranged reads over its bytes (in the row
 * or in the bucket, lib/storage) and stored — files uploaded before checks existed.
 */
export async function modelFileCheck(db: Db, file: InspectableFile): Promise<ModelFileCheck> {
  const stored = readModelCheck(file.inspection);
  if (stored) return stored;
  const check = await inspectModelFile(rangeReaderFor(db, file), file.byteSize);
  await recordModelCheck(db, file.id, check);
  return check;
}

/** Keeps a file's check on its row (called by the upload paths right after the bytes are stored). */
export async function recordModelCheck(db: Db, fileId: string, check: ModelFileCheck): Promise<void> {
  await db.update(files).set({ inspection: check }).where(eq(files.id, fileId));
}

/** The check of one of the creator's own files (the editor shows it after an upload); another person's file is not found. */
export async function ownModelFileCheck(db: Db, actor: Actor | null, fileId: string): Promise<ModelFileCheck> {
  const creator = assertCreator(actor);
  if (!isUuid(fileId)) throw new DomainError("file.not_found");
  const [file] = await db
    .select({ id: files.id, byteSize: files.byteSize, storageKey: files.storageKey, inspection: files.inspection })
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.ownerId, creator.id)))
    .limit(1);
  if (!file) throw new DomainError("file.not_found");
  return modelFileCheck(db, file);
}
