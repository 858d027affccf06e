import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { files } from "@/db/schema";
import { makeCreator, makeFile } from "@/lib/testing/fixtures";
import { requireBucket } from "./bucket";
import { readFileBytes } from "./file-bytes";
import { migrateFilesToBucket } from "./migrate";
import { startTestS3Server, type TestS3Server } from "./testing/s3-server";

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startTestS3Server();
});
afterAll(async () => {
  await s3?.stop();
});

describe("moving database-stored files to the bucket", () => {
  it("a dry run counts and changes nothing; the run moves every file's bytes; running again moves nothing", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const made = [await makeFile(db, creator.id, "a.safetensors"), await makeFile(db, creator.id, "b.gguf"), await makeFile(db, creator.id, "c.onnx")];
    const bucket = requireBucket();

    const dry = await migrateFilesToBucket(db, bucket, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, pending: 3, pendingBytes: 3 * 64, moved: 0, failed: [] });
    expect((await db.select().from(files)).every((f) => f.storageKey === null && f.data !== null)).toBe(true);

    const run = await migrateFilesToBucket(db, bucket, { batchSize: 2 });
    expect(run).toMatchObject({ pending: 3, moved: 3, movedBytes: 3 * 64, alreadyInBucket: 0, failed: [] });
    for (const file of made) {
      const [row] = await db.select().from(files).where(eq(files.id, file.id));
      expect(row.data).toBeNull();
      expect(row.storageKey).toBe(`files/${creator.id}/${file.id}`);
      // Read back through the storage driver the row now names: the same bytes.
      expect(Buffer.from(await readFileBytes(db, row))).toEqual(Buffer.from(file.data));
    }

    const again = await migrateFilesToBucket(db, bucket);
    expect(again).toMatchObject({ pending: 0, moved: 0, alreadyInBucket: 3, failed: [] });
  });

  it("resumes after a run stopped between writing an object and updating its row, and leaves a file with corrupt bytes where it is", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const file = await makeFile(db, creator.id);
    // An earlier run wrote the object, then stopped before the row changed.
    await requireBucket().put(`files/${creator.id}/${file.id}`, file.data, "application/octet-stream");
    const corrupt = await makeFile(db, creator.id, "corrupt.bin");
    await db
      .update(files)
      .set({ sha256: "0".repeat(64) })
      .where(eq(files.id, corrupt.id));

    const run = await migrateFilesToBucket(db, requireBucket());
    expect(run.moved).toBe(1);
    expect(run.failed).toEqual([{ fileId: corrupt.id, reason: expect.stringContaining("sha256") }]);
    const [moved] = await db.select().from(files).where(eq(files.id, file.id));
    expect(Buffer.from(await readFileBytes(db, moved))).toEqual(Buffer.from(file.data));
    const [kept] = await db.select().from(files).where(eq(files.id, corrupt.id));
    expect(kept.storageKey).toBeNull();
    expect(kept.data).not.toBeNull();
  });
});
