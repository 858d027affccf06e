import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { makeCreator, makeFile } from "@/lib/testing/fixtures";
import { readFileBytes, rangeReaderFor, storageOf } from "./file-bytes";

describe("database driver", () => {
  it("reads byte ranges of a file kept in its row: inside, across the end (shorter) and past the end (empty)", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const file = await makeFile(db, creator.id);
    expect(storageOf(db, file).driver.name).toBe("database");
    const read = rangeReaderFor(db, file);
    expect(Buffer.from(await read(0, 8))).toEqual(Buffer.from(file.data.subarray(0, 8)));
    expect(Buffer.from(await read(60, 10))).toEqual(Buffer.from(file.data.subarray(60)));
    expect((await read(64, 10)).byteLength).toBe(0);
    expect(Buffer.from(await readFileBytes(db, file))).toEqual(Buffer.from(file.data));
    expect(await storageOf(db, file).driver.byteSize(file.id)).toBe(64);
  });

  it("a row that names a bucket object needs the bucket configured: a clear 503, not a crash", () => {
    const { db } = testDatabase();
    expect(() => storageOf(db, { id: "00000000-0000-4000-8000-000000000000", storageKey: "files/x/y" })).toThrow(
      expect.objectContaining({ code: "storage.bucket_missing", status: 503 }),
    );
  });
});
