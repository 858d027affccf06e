import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { images } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { makeCreator } from "@/lib/testing/fixtures";
import { readImage } from "./read";
import { storeImage } from "./store";
import { gpsJpeg, jpeg } from "./testing/fixtures";

describe("storing images", () => {
  it("stores cover and thumbnail with hash and dimensions, readable by the image route's reader", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const stored = await storeImage(db, creator, await gpsJpeg(), { purpose: "cover" });
    expect(stored).toMatchObject({ width: 1200, height: 900, thumbWidth: 300, thumbHeight: 200, contentType: "image/jpeg" });
    const [row] = await db.select().from(images).where(eq(images.id, stored.id));
    expect(row.ownerId).toBe(creator.id);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    const thumb = await readImage(db, stored.id, "thumb");
    expect(thumb?.contentType).toBe("image/webp");
  });

  it("an identical re-upload by the same person returns the same image; another person gets their own", async () => {
    const { db } = testDatabase();
    const a = await makeCreator(db);
    const b = await makeCreator(db);
    const bytes = await jpeg(1000, 800);
    const first = await storeImage(db, a, bytes, { purpose: "cover" });
    expect((await storeImage(db, a, bytes, { purpose: "cover" })).id).toBe(first.id);
    expect((await storeImage(db, a, bytes, { purpose: "cover", focus: "top" })).id).not.toBe(first.id);
    expect((await storeImage(db, b, bytes, { purpose: "cover" })).id).not.toBe(first.id);
  });
});
