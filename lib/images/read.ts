// Reading stored image bytes for the public image route (covers and avatars are public).
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { images } from "@/db/schema";
import { isUuid } from "@/lib/uuid";

export type ImageVariant = "cover" | "thumb";

export async function readImage(db: Db, id: string, variant: ImageVariant): Promise<{ bytes: Uint8Array; contentType: string; hash: string } | null> {
  if (!isUuid(id)) return null;
  const columns =
    variant === "thumb"
      ? { bytes: images.thumbData, contentType: images.thumbContentType, hash: images.hash }
      : { bytes: images.data, contentType: images.contentType, hash: images.hash };
  const [row] = await db.select(columns).from(images).where(eq(images.id, id)).limit(1);
  return row ?? null;
}
