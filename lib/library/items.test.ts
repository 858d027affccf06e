import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listings, reports } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { libraryItems } from "./items";
import { orderHistory, orderReceipt } from "./orders";
import { makeCreator, makeListing, makeOrder, makeUser } from "@/lib/testing/fixtures";

describe("library list", () => {
  it("lists what the buyer owns with the version bought, the current one, and an updated badge when newer", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const evolving = await makeListing(db, creator, { versions: [{}, {}, { status: "pending_review" }] });
    const stable = await makeListing(db, creator, { versions: [{}] });
    const refunded = await makeListing(db, creator);
    const buyer = await makeUser(db);
    await makeOrder(db, buyer, evolving, { versionIndex: 0 });
    await makeOrder(db, buyer, stable);
    await makeOrder(db, buyer, refunded, { status: "refunded" });
    // Someone else's purchase never shows up here.
    await makeOrder(db, await makeUser(db), stable);

    const items = await libraryItems(db, buyer);
    expect(items).toHaveLength(2);
    const byId = new Map(items.map((i) => [i.listingId, i]));
    expect(byId.get(evolving.id)).toMatchObject({ purchasedVersion: 1, currentVersion: 2, updated: true, withdrawn: false });
    expect(byId.get(stable.id)).toMatchObject({ purchasedVersion: 1, currentVersion: 1, updated: false });
    expect(byId.has(refunded.id)).toBe(false);
  });

  it("flags a listing removed by moderators (withdrawn only when removed as an unsafe file) and needs a signed-in actor", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator);
    const buyer = await makeUser(db);
    await makeOrder(db, buyer, listing);
    await db.update(listings).set({ status: "removed" }).where(eq(listings.id, listing.id));
    expect((await libraryItems(db, buyer))[0]).toMatchObject({ removed: true, withdrawn: false });
    await db.insert(reports).values({
      reporterId: buyer.id,
      targetType: "listing",
      listingId: listing.id,
      reason: "malicious_file",
      status: "resolved",
      resolution: "listing_removed",
      resolvedAt: new Date(),
    });
    expect((await libraryItems(db, buyer))[0]).toMatchObject({ removed: true, withdrawn: true });
    await expect(libraryItems(db, null)).rejects.toMatchObject({ code: "auth.unauthenticated" });
  });
});

describe("order history and receipts", () => {
  it("shows paid, refunded, disputed, pending and failed orders but not expired checkouts", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const buyer = await makeUser(db);
    const statuses = ["paid", "refunded", "disputed", "pending", "failed", "expired"] as const;
    for (const status of statuses) await makeOrder(db, buyer, await makeListing(db, creator), { status });
    const history = await orderHistory(db, buyer);
    expect(history.map((o) => o.status).sort()).toEqual(["disputed", "failed", "paid", "pending", "refunded"]);
    const refunded = history.find((o) => o.status === "refunded")!;
    expect(refunded.refundedCents).toBe(refunded.priceCents);
    expect(history.every((o) => o.listingPublished)).toBe(true);
  });

  it("says when a bought listing's page is gone, so the history does not link to a missing page", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const buyer = await makeUser(db);
    const listing = await makeListing(db, creator);
    await makeOrder(db, buyer, listing);
    await db.update(listings).set({ status: "removed" }).where(eq(listings.id, listing.id));
    const [entry] = await orderHistory(db, buyer);
    expect(entry).toMatchObject({ listingId: listing.id, listingPublished: false });
  });

  it("a receipt is only for the buyer; anyone else gets not found", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db, { name: "Seller" });
    const listing = await makeListing(db, creator, { priceCents: 1299 });
    const buyer = await makeUser(db, { name: "Bea" });
    const order = await makeOrder(db, buyer, listing);
    await expect(orderReceipt(db, buyer, order.id)).resolves.toMatchObject({
      id: order.id,
      priceCents: 1299,
      status: "paid",
      versionNumber: 1,
      sellerName: "Seller Studio",
      buyerName: "Bea",
    });
    for (const who of [await makeUser(db), creator, await makeUser(db, { role: "admin" })]) {
      await expect(orderReceipt(db, who, order.id)).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(orderReceipt(db, buyer, "nope")).rejects.toMatchObject({ code: "not_found" });
  });
});
