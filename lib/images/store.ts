// Storing an uploaded image for its uploader: processed outside any transaction (CPU-bound), then one insert.
// Identical re-uploads by the same person return the row they already have.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { images } from "@/db/schema";
import { assertActive, assertCreator, type Actor } from "@/lib/auth/actor";
import { inSlot, newSlots, type Slots } from "@/lib/slots";
import { processImage, type ImageFocus, type ImagePurpose } from "./pipeline";

export type StoredImage = { id: string; width: number; height: number; thumbWidth: number; thumbHeight: number; byteSize: number; contentType: string };

// At most two images decode at once per instance: each may hold ~100 MB of pixels for a moment. The slots live on
// globalThis: the upload route and the studio's and account's server actions are separate chunks of a production build,
// each with its own copy of this module, and the bound is the process's.
const MAX_PARALLEL = 2;
const slots = ((globalThis as typeof globalThis & { __agoraImageSlots?: Slots }).__agoraImageSlots ??= newSlots());

/** Validates, re-encodes and stores an image. Covers and example images need a creator; avatars any active account. */
export async function storeImage(db: Db, actor: Actor | null, bytes: Uint8Array, opts: { purpose: ImagePurpose; focus?: ImageFocus }): Promise<StoredImage> {
  const owner = opts.purpose === "avatar" ? assertActive(actor) : assertCreator(actor);
  const image = await inSlot(slots, MAX_PARALLEL, () => processImage(bytes, opts.purpose, opts.focus ?? "center"));
  const columns = {
    id: images.id,
    width: images.width,
    height: images.height,
    thumbWidth: images.thumbWidth,
    thumbHeight: images.thumbHeight,
    byteSize: images.byteSize,
    contentType: images.contentType,
    thumbData: images.thumbData,
  };
  const same = await db
    .select(columns)
    .from(images)
    .where(and(eq(images.ownerId, owner.id), eq(images.hash, image.hash)))
    .limit(5);
  // Same cover bytes and the same thumbnail crop: the person already has this image.
  const existing = same.find((row) => Buffer.from(row.thumbData).equals(Buffer.from(image.thumbData)));
  if (existing) return strip(existing);
  const { sourceFormat: _sourceFormat, ...row } = image;
  const [inserted] = await db
    .insert(images)
    .values({ ...row, ownerId: owner.id })
    .returning(columns);
  return strip(inserted);
}

function strip<T extends { thumbData: Uint8Array }>(row: T): Omit<T, "thumbData"> {
  const { thumbData: _thumbData, ...rest } = row;
  return rest;
}
