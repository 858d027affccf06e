// GET /api/images/[id]?size=thumb — stored cover or thumbnail bytes, cached forever (ids never change content)
import { getDb } from "@/db/client";
import { readImage } from "@/lib/images/read";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const size = new URL(request.url).searchParams.get("size");
  if (size !== null && size !== "thumb" && size !== "cover") {
    return Response.json({ error: "size must be cover or thumb" }, { status: 400 });
  }
  const image = await readImage(await getDb(), id, size === "thumb" ? "thumb" : "cover");
  if (!image) return Response.json({ error: "image not found" }, { status: 404 });
  return new Response(Buffer.from(image.bytes), {
    headers: {
      "Content-Type": image.contentType,
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: `"${image.hash.slice(0, 32)}-${size ?? "cover"}"`,
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
