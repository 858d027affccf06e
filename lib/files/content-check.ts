// The content check a model file uploaded straight to the bucket passes before its row is recorded: the model-file
// inspector (lib/files/model-inspect.ts) reads the header through ranged reads on the object, never the whole file.
import "server-only";
import { DomainError } from "@/lib/errors";
import type { RangeReader } from "@/lib/storage/driver";
import { inspectModelFile, type ModelFileCheck } from "./model-inspect";

/** The passed check of an acceptable file (kept in `files.inspection`); a refused file is `file.content_refused` with the inspector's reason. */
export async function checkModelFileContent(read: RangeReader, byteSize: number): Promise<Extract<ModelFileCheck, { ok: true }>> {
  const check = await inspectModelFile(read, byteSize);
  if (!check.ok) throw new DomainError("file.content_refused", { reason: check.message });
  return check;
}
