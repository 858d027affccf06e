// POST /api/uploads/images?purpose=cover|example|avatar&focus=center|top|bottom|left|right — the raw image
// bytes as the body (XMLHttpRequest, so the browser can show upload progress). Returns the stored image.
import { z } from "zod";
import { getDb } from "@/db/client";
import { assertActive, assertCreator } from "@/lib/auth/actor";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse, parseInput } from "@/lib/errors";
import { readLimitedBody } from "@/lib/security/body-limit";
import { IMAGE_FOCUSES, IMAGE_MAX_BYTES, imageTooLarge, type ImageFocus } from "@/lib/images/pipeline";
import { storeImage } from "@/lib/images/store";
import { limitAction } from "@/lib/security/limits";
import { observedRoute } from "@/lib/observability/observed-route";

const QUERY_MESSAGE = "purpose must be cover, example or avatar; focus center, top, bottom, left or right";
const querySchema = z.object({
  purpose: z.enum(["cover", "example", "avatar"], QUERY_MESSAGE).default("cover"),
  focus: z.enum(IMAGE_FOCUSES as [ImageFocus, ...ImageFocus[]], QUERY_MESSAGE).default("center"),
});

export const POST = observedRoute("uploads/images", async (request: Request) => {
  try {
    const query = parseInput(querySchema, Object.fromEntries(new URL(request.url).searchParams));
    // Who may upload is checked before a byte of the body is read (storeImage checks again).
    const actor = await getCurrentUser();
    const uploader = query.purpose === "avatar" ? assertActive(actor) : assertCreator(actor);
    const db = await getDb();
    await limitAction(db, "upload", uploader.id);
    const bytes = await readLimitedBody(request, IMAGE_MAX_BYTES, imageTooLarge);
    const image = await storeImage(db, actor, bytes, query);
    return Response.json(
      { ...image, url: `/api/images/${image.id}`, thumbUrl: `/api/images/${image.id}?size=thumb` },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error, { log: "uploads/images" });
  }
});
