// POST /api/uploads/images?purpose=cover|example|avatar&focus=center|top|bottom|left|right — the raw image
// bytes as the body (XMLHttpRequest, so the browser can show upload progress). Returns the stored image.
import { z } from "zod";
import { getDb } from "@/db/client";
import { assertActive, assertCreator } from "@/lib/auth/actor";
import { getCurrentUser } from "@/lib/auth/session";
import { publicError } from "@/lib/errors";
import { readBodyWithLimit } from "@/lib/files/body";
import { IMAGE_FOCUSES, IMAGE_MAX_BYTES, imageTooLarge, type ImageFocus } from "@/lib/images/pipeline";
import { storeImage } from "@/lib/images/store";

const querySchema = z.object({
  purpose: z.enum(["cover", "example", "avatar"]).default("cover"),
  focus: z.enum(IMAGE_FOCUSES as [ImageFocus, ...ImageFocus[]]).default("center"),
});

export async function POST(request: Request) {
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: "purpose must be cover, example or avatar; focus center, top, bottom, left or right" }, { status: 400 });
  try {
    // Who may upload is checked before a byte of the body is read (storeImage checks again).
    const actor = await getCurrentUser();
    if (query.data.purpose === "avatar") assertActive(actor);
    else assertCreator(actor);
    const bytes = await readBodyWithLimit(request, IMAGE_MAX_BYTES, imageTooLarge);
    const image = await storeImage(await getDb(), actor, bytes, query.data);
    return Response.json(
      { ...image, url: `/api/images/${image.id}`, thumbUrl: `/api/images/${image.id}?size=thumb` },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    const { status, code, message } = publicError(error);
    if (status >= 500) console.error("[uploads/images] failed", error);
    return Response.json({ error: message, code }, { status });
  }
}
