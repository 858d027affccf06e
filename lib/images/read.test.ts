// Which stored images are withheld (readImage): those used only by listings moderators removed — as cover or in the
// preview (a prompt's example outputs) — and by nothing still public: a published listing's cover or preview, or a
// creator's avatar, keeps an image public wherever else it appears. Each part is an index lookup (drizzle/0034).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { creatorProfiles } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import type { ListingContent } from "@/lib/listings/content";
import { removeListing } from "@/lib/moderation/listings";
import { makeAdmin, makeCreator, makeImage, makeListing, samplePromptContent } from "@/lib/testing/fixtures";
import { readImage } from "./read";

const withExamples = (...imageIds: string[]): ListingContent => ({
  ...(samplePromptContent as Extract<ListingContent, { kind: "prompt" }>),
  exampleOutputs: imageIds.map((imageId, i) => ({ input: `example ${i}`, output: `Output ${i}`, imageId })),
});

describe("readImage's withheld", () => {
  it("withholds what only removed listings use, as cover or in their preview, and nothing a public listing or an avatar uses", async () => {
    const { db } = testDatabase();
    const admin = await makeAdmin(db);
    const creator = await makeCreator(db);
    const [cover, example, shared, avatar, removedCover, unused, sharedExample] = await Promise.all(Array.from({ length: 7 }, () => makeImage(db, creator.id)));
    await db.update(creatorProfiles).set({ avatarImageId: avatar.id }).where(eq(creatorProfiles.userId, creator.id));
    const listing = await makeListing(db, creator, { content: withExamples(example.id), values: { coverImageId: cover.id } });
    await makeListing(db, creator, { content: withExamples(sharedExample.id), values: { coverImageId: shared.id } });
    const other = await makeListing(db, creator, { content: withExamples(shared.id, avatar.id, sharedExample.id), values: { coverImageId: removedCover.id } });
    const withheld = async (id: string) => (await readImage(db, id, "thumb"))?.withheld;

    for (const image of [cover, example, shared, avatar, removedCover, unused, sharedExample]) expect(await withheld(image.id)).toBe(false);

    await removeListing(db, admin, { listingId: listing.id, reason: "Copies another creator's pack." });
    await removeListing(db, admin, { listingId: other.id, reason: "Copies another creator's pack." });

    expect(await withheld(cover.id)).toBe(true); // the removed listing's cover
    expect(await withheld(example.id)).toBe(true); // in the removed listing's preview only
    expect(await withheld(removedCover.id)).toBe(true);
    expect(await withheld(shared.id)).toBe(false); // also a published listing's cover
    expect(await withheld(avatar.id)).toBe(false); // also the creator's avatar
    expect(await withheld(sharedExample.id)).toBe(false); // also in a published listing's preview
    expect(await withheld(unused.id)).toBe(false);
    expect(await readImage(db, "00000000-0000-4000-8000-000000000000", "thumb")).toBeNull();
    expect(await readImage(db, "not-a-uuid", "cover")).toBeNull();
  });
});
