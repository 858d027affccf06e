// A buyer keeps the license of the version they bought: the receipt and the library show it after later versions change it.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listingVersions } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { resolveLicense } from "@/lib/licenses/licenses";
import { actorFor, makeCreator, makeListing, makeOrder, makeUser } from "@/lib/testing/fixtures";
import { readDelivery } from "./delivery";
import { orderReceipt } from "./orders";

describe("licenses in the library", () => {
  it("the receipt and the library show the bought version's license, not the one a later version offers", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, { versions: [{}, {}] });
    const [v1, v2] = listing.versions;
    await db
      .update(listingVersions)
      .set({ license: resolveLicense({ id: "agora-standard-commercial" }) })
      .where(eq(listingVersions.id, v1.id));
    await db
      .update(listingVersions)
      .set({ license: resolveLicense({ id: "agora-standard-personal" }) })
      .where(eq(listingVersions.id, v2.id));
    const buyer = await makeUser(db);
    const order = await makeOrder(db, buyer, listing, { versionIndex: 0 });

    const receipt = await orderReceipt(db, buyer, order.id);
    expect(receipt.license).toMatchObject({ id: "agora-standard-commercial", commercialUse: true, resaleOfOutputs: true });

    const delivered = await readDelivery(db, buyer, listing.id);
    expect(delivered.version.number).toBe(2);
    expect(delivered.purchasedVersion).toBe(1);
    expect(delivered.license).toMatchObject({ id: "agora-standard-commercial" });

    // The creator sees the license of the version they look at.
    const asCreator = await readDelivery(db, await actorFor(db, creator.id), listing.id);
    expect(asCreator.license).toMatchObject({ id: "agora-standard-personal", commercialUse: false });
  });
});
