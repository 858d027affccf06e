// GET /api/images/[id]?size=thumb — stored cover or thumbnail bytes. Public images are cached for good by browsers
// (ids never change content) and for an hour by shared caches, so a moderator's removal reaches the CDN soon;
// the images of a removed listing answer only to their uploader and admins, never from a shared cache.
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { DomainError, errorResponse } from "@/lib/errors";
import { maySeeWithheld, readImage } from "@/lib/images/read";
import { observedRoute } from "@/lib/observability/observed-route";

export const GET = observedRoute("images/[id]", async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const size = new URL(request.url).searchParams.get("size");
  if (size !== null && size !== "thumb" && size !== "cover") {
    return errorResponse(new DomainError("input.invalid", { issue: "size must be cover or thumb", fieldErrors: { size: ["size must be cover or thumb"] } }));
  }
  const image = await readImage(await getDb(), id, size === "thumb" ? "thumb" : "cover");
  if (!image) return errorResponse(new DomainError("image.not_found"));
  if (image.withheld && !maySeeWithheld(image, await getCurrentUser())) return errorResponse(new DomainError("image.not_found"));
  return new Response(Buffer.from(image.bytes), {
    headers: {
      "Content-Type": image.contentType,
      "Cache-Control": image.withheld ? "private, no-store" : "public, max-age=31536000, s-maxage=3600, immutable",
      ETag: `"${image.hash.slice(0, 32)}-${size ?? "cover"}"`,
      "Content-Security-Policy": "default-src 'none'",
    },
  });
});
