// Reading stored image bytes for the image route. Covers and avatars are public, except the images of a listing
// removed by moderators: those are served only to the person who uploaded them and to admins.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { images } from "@/db/schema";
import { isAdmin, type Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/uuid";

export type ImageVariant = "cover" | "thumb";

export type StoredImage = { bytes: Uint8Array; contentType: string; hash: string; ownerId: string | null; withheld: boolean };

// Qualified by hand: drizzle writes a bare "id" here, which inside the subqueries would mean listings.id.
const IMAGE_ID = sql.raw(`"images"."id"`);

/**
 * Used only by listings removed by moderators (as cover or in their preview: a prompt's example outputs), and by
 * nothing still public (another listing's cover or preview, a creator's avatar). Every part is an index lookup by the
 * image's id (drizzle/0034_image_references.sql), cheapest first: a public listing's cover (nearly every image asked
 * for) answers at its first row. The references are then read whole rather than tested with EXISTS: with EXISTS over
 * the preview index (whose match count the planner can only guess), it preferred scanning every listing.
 */
const WITHHELD = sql<boolean>`(not exists (select 1 from listings l where l.cover_image_id = ${IMAGE_ID} and l.status <> 'removed')
  and not exists (select 1 from creator_profiles c where c.avatar_image_id = ${IMAGE_ID})
  and coalesce((select bool_or(r.status = 'removed') and not bool_or(r.status <> 'removed') from (
      select l.status from listings l where l.cover_image_id = ${IMAGE_ID}
      union all
      select l.status from listings l where jsonb_path_query_array(l.preview, '$.exampleOutputs[*].imageId') @> jsonb_build_array(${IMAGE_ID}::text)
    ) r), false))`;

export async function readImage(db: Db, id: string, variant: ImageVariant): Promise<StoredImage | null> {
  if (!isUuid(id)) return null;
  const columns =
    variant === "thumb"
      ? { bytes: images.thumbData, contentType: images.thumbContentType, hash: images.hash }
      : { bytes: images.data, contentType: images.contentType, hash: images.hash };
  const [row] = await db
    .select({ ...columns, ownerId: images.ownerId, withheld: WITHHELD })
    .from(images)
    .where(eq(images.id, id))
    .limit(1);
  return row ?? null;
}

/** Whether `viewer` may see a withheld image: its uploader or an admin. */
export function maySeeWithheld(image: Pick<StoredImage, "ownerId">, viewer: Actor | null): boolean {
  return Boolean(viewer && (viewer.id === image.ownerId || isAdmin(viewer)));
}
