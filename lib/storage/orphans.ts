// Orphan cleanup, run by the storage cron: files no listing version uses a day after their upload (an upload the
// creator never saved into a draft, or a file a draft replaced) are deleted with their bytes, so are images nothing
// shows a day after their upload (a cover never saved, or one replaced), and bucket objects whose
// `files` row is gone — queued in `storage_deletions` by a trigger in the deleting transaction — are deleted from the
// bucket. Both steps take their rows with SKIP LOCKED, so two runs at once share the work instead of repeating it.
import "server-only";
import { and, asc, eq, inArray, lt, notExists, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { files, listingVersions, storageDeletions } from "@/db/schema";
import { configuredBucket } from "./bucket";

/** A file no version uses is kept this long after its upload: time for the creator to save it into a draft. */
export const ORPHAN_AFTER_HOURS = 24;
/** Bucket deletions sent at once while draining the queue. */
const DELETE_CONCURRENCY = 8;

const isForeignKeyViolation = (error: unknown): boolean => {
  const cause = error instanceof Error && "cause" in error ? error.cause : undefined;
  return [error, cause].some((e) => typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "23503");
};

/**
 * Deletes files older than a day that no listing version references (by its `file_id`, or in its content for
 * versions saved before the column). A row's bytes in the database go with it; a bucket object is queued for
 * `drainStorageDeletions` by the trigger on `files`.
 */
export async function deleteOrphanFiles(db: Db, opts: { now?: Date; limit?: number } = {}): Promise<{ orphanFiles: number }> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - ORPHAN_AFTER_HOURS * 3600_000);
  const orphans = (only?: string) =>
    db
      .select({ id: files.id })
      .from(files)
      .where(
        and(
          lt(files.createdAt, cutoff),
          only ? eq(files.id, only) : undefined,
          // Two anti-joins rather than one with an OR: each can be a hash anti-join over listing_versions.
          notExists(
            db
              .select({ one: sql`1` })
              .from(listingVersions)
              .where(eq(listingVersions.fileId, files.id)),
          ),
          notExists(
            db
              .select({ one: sql`1` })
              .from(listingVersions)
              .where(sql`${listingVersions.content}->>'fileId' = ${files.id}::text`),
          ),
        ),
      )
      .orderBy(asc(files.createdAt))
      .limit(opts.limit ?? 500)
      .for("update", { skipLocked: true });
  const deleteOrphans = async (only?: string) =>
    (
      await db
        .delete(files)
        .where(inArray(files.id, orphans(only)))
        .returning({ id: files.id })
    ).length;
  try {
    return { orphanFiles: await deleteOrphans() };
  } catch (error) {
    // A draft took one of the files between the check and the delete (its version row holds the file now): delete
    // the others one by one and keep that one.
    if (!isForeignKeyViolation(error)) throw error;
    let deleted = 0;
    for (const { id } of await orphans()) {
      try {
        deleted += await deleteOrphans(id);
      } catch (single) {
        if (!isForeignKeyViolation(single)) throw single;
      }
    }
    return { orphanFiles: deleted };
  }
}

/** Nothing shows image `i`: no cover (listing or pending change), avatar, direct upload or example output of its owner's. */
const imageUnused = sql`not exists (select 1 from listings l where l.cover_image_id = i.id)
  and not exists (select 1 from listing_revisions r where r.cover_image_id = i.id)
  and not exists (select 1 from creator_profiles c where c.avatar_image_id = i.id)
  and not exists (select 1 from direct_uploads d where d.image_id = i.id)
  and not exists (select 1 from listing_versions v join listings l on l.id = v.listing_id
                  where l.creator_id = i.owner_id and strpos(v.content::text, i.id::text) > 0)`;

/**
 * Deletes images older than a day that nothing shows: no listing or pending change has it as its cover, no profile as
 * its avatar, no version of its owner's listings names it in its content (example outputs), no direct upload is
 * turning into it. Demo images (no owner) stay. Their bytes live in the row, so the row is all there is to delete.
 *
 * Two statements in one transaction: the first locks unused images (skipping any a writer holds — a foreign key
 * check or assertOwnImages holds the image until the writer commits); the second, under a newer snapshot, checks them
 * again and deletes those still unused, so a reference committed between the first statement's snapshot and its lock
 * keeps its image instead of being nulled by ON DELETE SET NULL.
 */
export async function deleteOrphanImages(db: Db, opts: { now?: Date; limit?: number } = {}): Promise<{ orphanImages: number }> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - ORPHAN_AFTER_HOURS * 3600_000);
  return db.transaction(async (tx) => {
    const locked = await queryRows<{ id: string }>(
      tx,
      sql`select i.id from images i
          where i.owner_id is not null and i.created_at < ${cutoff.toISOString()}::timestamptz and ${imageUnused}
          order by i.created_at
          limit ${opts.limit ?? 500}
          for update of i skip locked`,
    );
    if (locked.length === 0) return { orphanImages: 0 };
    const deleted = await queryRows<{ id: string }>(
      tx,
      sql`delete from images i where i.id = any(${`{${locked.map((r) => r.id).join(",")}}`}::uuid[]) and ${imageUnused} returning i.id`,
    );
    return { orphanImages: deleted.length };
  });
}

/**
 * Deletes the bucket objects queued in `storage_deletions`, then their queue rows. Deleting an object that is already
 * gone succeeds, so a run interrupted halfway is simply repeated. Without a bucket configured the queue waits.
 */
export async function drainStorageDeletions(db: Db, opts: { limit?: number } = {}): Promise<{ deletedObjects: number }> {
  const bucket = configuredBucket();
  if (!bucket) return { deletedObjects: 0 };
  return db.transaction(async (tx) => {
    const queued = await tx
      .select({ storageKey: storageDeletions.storageKey })
      .from(storageDeletions)
      .orderBy(asc(storageDeletions.createdAt))
      .limit(opts.limit ?? 500)
      .for("update", { skipLocked: true });
    if (!queued.length) return { deletedObjects: 0 };
    const keys = queued.map((q) => q.storageKey);
    // A key a file row names again is not an orphan (never expected: keys are fresh per upload); keep its object.
    const live = await tx.select({ storageKey: files.storageKey }).from(files).where(inArray(files.storageKey, keys));
    const kept = new Set(live.map((r) => r.storageKey));
    const doomed = keys.filter((k) => !kept.has(k));
    for (let i = 0; i < doomed.length; i += DELETE_CONCURRENCY) {
      // A bucket that does not answer throws storage.unavailable: the transaction rolls back and the keys stay queued.
      await Promise.all(doomed.slice(i, i + DELETE_CONCURRENCY).map((key) => bucket.delete(key)));
    }
    await tx.delete(storageDeletions).where(inArray(storageDeletions.storageKey, keys));
    return { deletedObjects: doomed.length };
  });
}
