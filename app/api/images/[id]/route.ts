// GET /api/images/[id]?size=thumb — stored cover or thumbnail bytes, cached forever (ids never change content)
import { getDb } from "@/db/client";
import { DomainError, errorResponse } from "@/lib/errors";
import { readImage } from "@/lib/images/read";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const size = new URL(request.url).searchParams.get("size");
  if (size !== null && size !== "thumb" && size !== "cover") {
    return errorResponse(new DomainError("input.invalid", { issue: "size must be cover or thumb", fieldErrors: { size: ["size must be cover or thumb"] } }));
  }
  const image = await readImage(await getDb(), id, size === "thumb" ? "thumb" : "cover");
  if (!image) return errorResponse(new DomainError("image.not_found"));
  return new Response(Buffer.from(image.bytes), {
    headers: {
      "Content-Type": image.contentType,
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: `"${image.hash.slice(0, 32)}-${size ?? "cover"}"`,
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
