// GET /api/images/[id]: public covers are cached; a removed listing's cover answers only to its uploader and admins.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listings } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { makeAdmin, makeCreator, makeImage, makeListing, makeUser } from "@/lib/testing/fixtures";

let viewer: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => viewer }));
const { GET } = await import("./route");

const call = (id: string) => GET(new Request(`http://test.local/api/images/${id}?size=thumb`), { params: Promise.resolve({ id }) });
let imageId = "";
let listingId = "";
let creator: Actor;

beforeAll(async () => {
  const { db } = testDatabase();
  creator = await makeCreator(db);
  const image = await makeImage(db, creator.id);
  imageId = image.id;
  listingId = (await makeListing(db, creator, { values: { coverImageId: image.id } })).id;
});

describe("GET /api/images/[id]", () => {
  it("serves a published listing's cover to anyone, cached by shared caches for an hour at most", async () => {
    viewer = null;
    const res = await call(imageId);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("s-maxage=3600");
  });

  it("answers 404 for a removed listing's cover to visitors and buyers, and serves it privately to its uploader and admins", async () => {
    const { db } = testDatabase();
    await db.update(listings).set({ status: "removed" }).where(eq(listings.id, listingId));
    for (const who of [null, await makeUser(db)]) {
      viewer = who;
      expect((await call(imageId)).status).toBe(404);
    }
    for (const who of [creator, await makeAdmin(db)]) {
      viewer = who;
      const res = await call(imageId);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
    }
  });
});
