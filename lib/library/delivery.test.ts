import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listings, reports, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { loadActor } from "@/lib/auth/actor";
import { readDelivery, versionJsonDocument } from "./delivery";
import { makeCreator, makeListing, makeOrder, makeUser, promptContent, testContent } from "@/lib/testing/fixtures";

describe("delivery by relation", () => {
  it("an owner reads the current approved version by default and any older approved one by number", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, {
      versions: [
        { content: promptContent("One {{a}}") },
        { content: promptContent("Two {{a}}") },
        { content: promptContent("Draft {{a}}"), status: "draft" },
        { content: promptContent("Pending {{a}}"), status: "pending_review" },
        { content: promptContent("Rejected {{a}}"), status: "rejected" },
      ],
    });
    const buyer = await makeUser(db);
    await makeOrder(db, buyer, listing);

    const latest = await readDelivery(db, buyer, listing.id);
    expect(latest.version.number).toBe(2);
    expect(latest.content).toMatchObject({ kind: "prompt", template: "Two {{a}}" });
    expect(latest.versions.map((v) => v.number)).toEqual([2, 1]);

    const older = await readDelivery(db, buyer, listing.id, 1);
    expect(older.content).toMatchObject({ template: "One {{a}}" });

    for (const number of [3, 4, 5, 99]) {
      await expect(readDelivery(db, buyer, listing.id, number)).rejects.toMatchObject({ code: "not_found", status: 404 });
    }
  });

  it("another buyer, a stranger and a signed-out visitor get not found, for real and made-up ids alike", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator);
    const owner = await makeUser(db);
    const other = await makeUser(db);
    await makeOrder(db, owner, listing);
    const otherListing = await makeListing(db, creator);
    await makeOrder(db, other, otherListing);

    await expect(readDelivery(db, other, listing.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(readDelivery(db, null, listing.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(readDelivery(db, other, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    await expect(readDelivery(db, other, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    // The owner of one listing reaches nothing else of the same creator.
    await expect(readDelivery(db, owner, otherListing.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a creator reads their own listing but not another creator's; an admin reads any", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const rival = await makeCreator(db, { name: "Rival" });
    const admin = await makeUser(db, { role: "admin" });
    const listing = await makeListing(db, creator);
    await expect(readDelivery(db, creator, listing.id)).resolves.toMatchObject({ relation: "creator" });
    await expect(readDelivery(db, rival, listing.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(readDelivery(db, admin, listing.id)).resolves.toMatchObject({ relation: "admin" });
  });

  it("refunded, pending, expired and failed orders give no access; a disputed one still does", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator);
    for (const status of ["refunded", "pending", "expired", "failed"] as const) {
      const buyer = await makeUser(db);
      await makeOrder(db, buyer, listing, { status });
      await expect(readDelivery(db, buyer, listing.id), status).rejects.toMatchObject({ code: "not_found" });
    }
    const disputed = await makeUser(db);
    await makeOrder(db, disputed, listing, { status: "disputed" });
    await expect(readDelivery(db, disputed, listing.id)).resolves.toMatchObject({ relation: "owner" });
  });

  it("a suspended owner still reads what they bought", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator);
    const buyer = await makeUser(db);
    await makeOrder(db, buyer, listing);
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, buyer.id));
    const suspended = await loadActor(db, buyer.id);
    await expect(readDelivery(db, suspended, listing.id)).resolves.toMatchObject({ relation: "owner" });
  });

  it("owners keep an unpublished or removed listing; one removed as an unsafe file is withheld from owners but not from its creator", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator);
    const buyer = await makeUser(db);
    await makeOrder(db, buyer, listing);
    await db.update(listings).set({ status: "unpublished" }).where(eq(listings.id, listing.id));
    await expect(readDelivery(db, buyer, listing.id)).resolves.toMatchObject({ relation: "owner" });
    await db.update(listings).set({ status: "removed" }).where(eq(listings.id, listing.id));
    await expect(readDelivery(db, buyer, listing.id)).resolves.toMatchObject({ relation: "owner" });
    await db.insert(reports).values({
      reporterId: buyer.id,
      targetType: "listing",
      listingId: listing.id,
      reason: "malicious_file",
      status: "resolved",
      resolution: "listing_removed",
      resolvedAt: new Date(),
    });
    await expect(readDelivery(db, buyer, listing.id)).rejects.toMatchObject({ code: "library.withdrawn", status: 410 });
    await expect(readDelivery(db, creator, listing.id)).resolves.toMatchObject({ relation: "creator" });
  });

  it("a test is delivered without its correct answers or explanations", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, { kind: "test", versions: [{ content: testContent(70, 3) }] });
    const buyer = await makeUser(db);
    await makeOrder(db, buyer, listing);
    const delivered = await readDelivery(db, buyer, listing.id);
    expect(delivered.content.kind).toBe("test");
    const json = JSON.stringify(delivered);
    expect(json).not.toContain("correctIndex");
    expect(json).not.toContain("explanation");
    expect(json).not.toContain("Because");
    expect(delivered.content).toMatchObject({ passMark: 70, questions: [{ id: "q1", choices: ["A", "B", "C", "D"] }, {}, {}] });
  });

  it("presets and templates come as a pretty-printed .json document named after the version", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const preset = await makeListing(db, creator, { kind: "preset" });
    const template = await makeListing(db, creator, { kind: "template" });
    const prompt = await makeListing(db, creator, { kind: "prompt" });
    const buyer = await makeUser(db);
    await makeOrder(db, buyer, preset);
    await makeOrder(db, buyer, template);
    await makeOrder(db, buyer, prompt);

    const p = await versionJsonDocument(db, buyer, preset.id);
    expect(p.filename).toBe(`${preset.slug}-v1.json`);
    expect(JSON.parse(p.json)).toEqual({ exposure: 0.3, contrast: 12 });
    expect(p.json).toContain('\n  "exposure"');
    expect(JSON.parse((await versionJsonDocument(db, buyer, template.id, 1)).json)).toEqual({ sections: ["intro", "body"] });
    await expect(versionJsonDocument(db, buyer, prompt.id)).rejects.toMatchObject({ code: "not_found" });
    const stranger = await makeUser(db);
    await expect(versionJsonDocument(db, stranger, preset.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
