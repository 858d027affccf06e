// Orphan cleanup against a real S3-protocol server (s3rver): files no version uses are deleted a day after upload with
// their bytes (row, or bucket object through the storage_deletions queue); attached and fresh files are kept.
import { createHash, randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { creatorProfiles, files, images, listingVersions, storageDeletions, users } from "@/db/schema";
import { assertOwnImages } from "@/lib/listings/access";
import { reloadEnv } from "@/lib/env";
import { deleteDraftListing } from "@/lib/listings/editing";
import { contentFor, makeCreator, makeImage, makeListing, promptContent } from "@/lib/testing/fixtures";
import { GET as storageCron } from "./route";
import { requireBucket } from "@/lib/storage/bucket";
import { newObjectKey } from "@/lib/storage/file-bytes";
import { deleteOrphanFiles, deleteOrphanImages, drainStorageDeletions } from "@/lib/storage/orphans";
import { startTestS3Server, type TestS3Server } from "@/lib/storage/testing/s3-server";

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startTestS3Server();
  process.env.CRON_SECRET = "orphan-cron-secret";
  reloadEnv();
});
afterAll(async () => {
  await s3?.stop();
});

const HOUR = 3600_000;
const db = () => testDatabase().db;

/** A file uploaded `hoursAgo` hours ago, its bytes in the bucket (default) or in the row. */
async function uploadedFile(ownerId: string, hoursAgo: number, where: "bucket" | "database" = "bucket") {
  const data = new Uint8Array(randomBytes(256));
  const common = {
    ownerId,
    filename: "weights.safetensors",
    contentType: "application/octet-stream",
    byteSize: data.length,
    sha256: createHash("sha256").update(data).digest("hex"),
    createdAt: new Date(Date.now() - hoursAgo * HOUR),
  };
  if (where === "database") {
    const [row] = await db()
      .insert(files)
      .values({ ...common, data })
      .returning();
    return row;
  }
  const storageKey = newObjectKey("files", ownerId);
  await requireBucket().put(storageKey, data, "application/octet-stream");
  const [row] = await db()
    .insert(files)
    .values({ ...common, storageKey })
    .returning();
  return row;
}

const rowExists = async (id: string) => (await db().select({ id: files.id }).from(files).where(eq(files.id, id))).length === 1;
const objectExists = async (key: string | null) => (await requireBucket().byteSize(key!)) !== null;
const cron = () => storageCron(new Request("http://localhost/api/cron/storage", { headers: { authorization: "Bearer orphan-cron-secret" } }));

describe("storage cron orphan cleanup", () => {
  it("deletes a file no version used for over a day, row and bucket object, and keeps attached and fresh files", async () => {
    const creator = await makeCreator(db());
    const orphan = await uploadedFile(creator.id, 25);
    const orphanInRow = await uploadedFile(creator.id, 30, "database");
    const fresh = await uploadedFile(creator.id, 2);
    const attached = await uploadedFile(creator.id, 48);
    await makeListing(db(), creator, { kind: "model", versions: [{ fileId: attached.id }] });
    // A version saved before the file_id column names its file only in its content: still attached.
    const inContent = await uploadedFile(creator.id, 48);
    await makeListing(db(), creator, { kind: "model", versions: [{ content: contentFor("model", inContent.id) }] });

    const res = await cron();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ aborted: 0, orphanFiles: 2, orphanImages: 0, deletedObjects: 1 });

    expect(await rowExists(orphan.id)).toBe(false);
    expect(await objectExists(orphan.storageKey)).toBe(false);
    expect(await rowExists(orphanInRow.id)).toBe(false);
    for (const kept of [fresh, attached, inContent]) {
      expect(await rowExists(kept.id)).toBe(true);
      expect(await objectExists(kept.storageKey)).toBe(true);
    }
    expect(await db().select().from(storageDeletions)).toEqual([]);

    // The next run finds nothing to do.
    expect(await (await cron()).json()).toEqual({ aborted: 0, orphanFiles: 0, orphanImages: 0, deletedObjects: 0 });
  });

  it("deletes the bucket objects of rows deleted elsewhere: a deleted draft listing's file and a deleted account's files", async () => {
    const creator = await makeCreator(db());
    const file = await uploadedFile(creator.id, 1);
    const draft = await makeListing(db(), creator, { kind: "model", status: "draft", versions: [{ fileId: file.id, status: "draft" }] });
    await deleteDraftListing(db(), creator, draft.id);
    expect(await rowExists(file.id)).toBe(false);

    const leaving = await makeCreator(db());
    const theirs = [await uploadedFile(leaving.id, 1), await uploadedFile(leaving.id, 1)];
    await db().delete(users).where(eq(users.id, leaving.id));

    const queued = await db().select({ key: storageDeletions.storageKey }).from(storageDeletions);
    expect(queued.map((q) => q.key).sort()).toEqual([file.storageKey, ...theirs.map((f) => f.storageKey)].sort());
    for (const f of [file, ...theirs]) expect(await objectExists(f.storageKey)).toBe(true);

    expect(await drainStorageDeletions(db())).toEqual({ deletedObjects: 3 });
    for (const f of [file, ...theirs]) expect(await objectExists(f.storageKey)).toBe(false);
    expect(await db().select().from(storageDeletions)).toEqual([]);
  });

  it("two runs at once share the work: each orphan is deleted once and every object goes", async () => {
    const creator = await makeCreator(db());
    const orphans = await Promise.all(Array.from({ length: 6 }, () => uploadedFile(creator.id, 26)));
    const keep = await uploadedFile(creator.id, 26);
    await makeListing(db(), creator, { kind: "model", versions: [{ fileId: keep.id }] });

    const [a, b] = await Promise.all([cron(), cron()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const [ra, rb] = (await Promise.all([a.json(), b.json()])) as { orphanFiles: number; deletedObjects: number }[];
    expect(ra.orphanFiles + rb.orphanFiles).toBe(6);
    // An object whose row the other run deleted may be drained by either run, or by the next one.
    const drained = ra.deletedObjects + rb.deletedObjects + (await drainStorageDeletions(db())).deletedObjects;
    expect(drained).toBe(6);
    const left = await db()
      .select({ id: files.id })
      .from(files)
      .where(
        inArray(
          files.id,
          orphans.map((o) => o.id),
        ),
      );
    expect(left).toEqual([]);
    for (const o of orphans) expect(await objectExists(o.storageKey)).toBe(false);
    expect(await objectExists(keep.storageKey)).toBe(true);
  });

  it("an old file a draft uses is kept", async () => {
    const creator = await makeCreator(db());
    const file = await uploadedFile(creator.id, 30);
    await makeListing(db(), creator, { kind: "model", status: "draft", versions: [{ fileId: file.id, status: "draft" }] });
    expect(await deleteOrphanFiles(db())).toEqual({ orphanFiles: 0 });
    expect(await rowExists(file.id)).toBe(true);
  });
});

/** An image uploaded `hoursAgo` hours ago by `ownerId` (null: a demo image). */
const uploadedImage = async (ownerId: string | null, hoursAgo: number) =>
  (await makeImage(db(), ownerId, { createdAt: new Date(Date.now() - hoursAgo * HOUR) })).id;

const imageExists = async (id: string) => (await db().select({ id: images.id }).from(images).where(eq(images.id, id))).length === 1;

describe("storage cron image cleanup", () => {
  it("deletes images nothing shows a day after upload and keeps covers, avatars, example outputs, fresh and demo images", async () => {
    const creator = await makeCreator(db());
    const neverUsed = await uploadedImage(creator.id, 25);
    const replaced = await uploadedImage(creator.id, 72);
    const fresh = await uploadedImage(creator.id, 3);
    const demo = await uploadedImage(null, 500);
    const cover = await uploadedImage(creator.id, 48);
    await makeListing(db(), creator, { values: { coverImageId: cover } });
    const avatar = await uploadedImage(creator.id, 48);
    await db().update(creatorProfiles).set({ avatarImageId: avatar }).where(eq(creatorProfiles.userId, creator.id));
    const example = await uploadedImage(creator.id, 48);
    const content = promptContent();
    await makeListing(db(), creator, {
      content: { ...content, exampleOutputs: [{ input: "a", output: "b", imageId: example }] } as typeof content,
    });
    // Every creator's unused images go in the same run.
    const other = await makeCreator(db());
    const theirs = await uploadedImage(other.id, 30);

    const res = await cron();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ orphanImages: 3 });
    for (const gone of [neverUsed, replaced, theirs]) expect(await imageExists(gone)).toBe(false);
    for (const kept of [fresh, demo, cover, avatar, example]) expect(await imageExists(kept)).toBe(true);
    expect(await deleteOrphanImages(db())).toEqual({ orphanImages: 0 });
  });

  it("two cleanups at once delete each unused image once", async () => {
    const creator = await makeCreator(db());
    const unused = await Promise.all(Array.from({ length: 8 }, () => uploadedImage(creator.id, 30)));
    const cover = await uploadedImage(creator.id, 30);
    await makeListing(db(), creator, { values: { coverImageId: cover } });
    const [a, b] = await Promise.all([deleteOrphanImages(db()), deleteOrphanImages(db())]);
    expect(a.orphanImages + b.orphanImages).toBe(unused.length);
    for (const id of unused) expect(await imageExists(id)).toBe(false);
    expect(await imageExists(cover)).toBe(true);
  });

  it("keeps an old unused image a creator is saving into a version at that moment", async () => {
    const creator = await makeCreator(db());
    const example = await uploadedImage(creator.id, 30);
    const content = promptContent();
    const listing = await makeListing(db(), creator, { content });
    let cleanup: Promise<{ orphanImages: number }> | undefined;
    await db().transaction(async (tx) => {
      // The studio's save: the image is checked (and held) first, the version's content names it after.
      await assertOwnImages(tx, creator.id, [example]);
      cleanup = deleteOrphanImages(db());
      // On Postgres the cleanup runs now, beside this open transaction; PGlite runs it after the commit.
      await Promise.race([cleanup, new Promise((resolve) => setTimeout(resolve, 500))]);
      await tx
        .update(listingVersions)
        .set({ content: { ...content, exampleOutputs: [{ input: "a", output: "b", imageId: example }] } as typeof content })
        .where(eq(listingVersions.listingId, listing.id));
    });
    expect(await cleanup).toEqual({ orphanImages: 0 });
    expect(await imageExists(example)).toBe(true);
  });
});
