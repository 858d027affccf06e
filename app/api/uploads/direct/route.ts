// POST /api/uploads/direct — starts an upload straight to the bucket: { purpose, filename, contentType, byteSize }
// → 201 { via: "bucket", id, partSize, partCount }. Without a bucket → 200 { via: "server" }: post the body to
// /api/uploads/files or /api/uploads/images instead.
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse, parseInput } from "@/lib/errors";
import { readJsonBody } from "@/lib/files/body";
import { limitAction } from "@/lib/security/limits";
import { configuredBucket } from "@/lib/storage/bucket";
import { startDirectUpload } from "@/lib/storage/direct-uploads";
import { observedRoute } from "@/lib/observability/observed-route";

const startSchema = z.object({
  purpose: z.enum(["file", "cover", "example", "avatar"], "purpose must be file, cover, example or avatar"),
  filename: z.string().trim().min(1, "the file needs a name").max(1000),
  contentType: z.string().max(200).nullish(),
  byteSize: z.number("byteSize must be the file's size in bytes").int().positive("the file is empty").max(Number.MAX_SAFE_INTEGER),
});

export const POST = observedRoute("uploads/direct", async (request: Request) => {
  try {
    const input = parseInput(startSchema, await readJsonBody(request));
    const [db, actor] = await Promise.all([getDb(), getCurrentUser()]);
    // Starting an upload is what counts (its parts and completion don't); startDirectUpload checks who may upload.
    // Without a bucket the body is posted to /api/uploads/files or /images next, which count it there.
    if (actor && configuredBucket()) await limitAction(db, "upload", actor.id);
    const started = await startDirectUpload(db, actor, { ...input, contentType: input.contentType ?? null });
    return Response.json(started, { status: started.via === "bucket" ? 201 : 200, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, { log: "uploads/direct" });
  }
});
