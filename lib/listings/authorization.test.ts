import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listings } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { readOwnFile, storeFile } from "@/lib/files/files";
import { readFileBytes } from "@/lib/storage/file-bytes";
import { storeImage } from "@/lib/images/store";
import { jpeg } from "@/lib/images/testing/fixtures";
import { removeListing } from "@/lib/moderation/listings";
import { approveVersion, rejectVersion, approvalItem } from "@/lib/moderation/approvals";
import { approvalQueuePage } from "@/lib/moderation/queue";
import { creatorListings, listingForEditor } from "./queries";
import { createListing, deleteDraftListing, duplicateListing, republishListing, saveListingDetails, setListingCover, unpublishListing } from "./editing";
import { makeAdmin, makeCreator, makeUser } from "@/lib/testing/fixtures";
import { DETAILS, promptDraft, validDraft } from "./testing/fixtures";
import { safetensorsFile } from "@/lib/files/testing/model-files";
import { saveDraftLicense } from "./license";
import { discardContentDraft, saveContentDraft, submitForApproval } from "./versions";

describe("a creator touches only their own listings, versions, files and images", () => {
  it("every dashboard listing action on another creator's listing answers not-found and changes nothing", async () => {
    const { db } = testDatabase();
    const alice = await makeCreator(db);
    const mallory = await makeCreator(db);
    const { id } = await createListing(db, alice, { kind: "prompt", title: "Alice's prompt pack", category: "writing" });
    await saveContentDraft(db, alice, id, { draft: validDraft("prompt") });
    const before = await db.select().from(listings).where(eq(listings.id, id));

    const attempts: [string, () => Promise<unknown>][] = [
      ["save details", () => saveListingDetails(db, mallory, id, DETAILS)],
      ["set cover", () => setListingCover(db, mallory, id, null)],
      ["duplicate", () => duplicateListing(db, mallory, id)],
      ["delete draft", () => deleteDraftListing(db, mallory, id)],
      ["unpublish", () => unpublishListing(db, mallory, id)],
      ["republish", () => republishListing(db, mallory, id)],
      ["save content", () => saveContentDraft(db, mallory, id, { draft: validDraft("prompt") })],
      ["discard content", () => discardContentDraft(db, mallory, id)],
      ["submit", () => submitForApproval(db, mallory, id)],
    ];
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toMatchObject({ code: "listing.not_found", status: 404 });
    }
    expect(await listingForEditor(db, mallory, id)).toBeNull();
    expect((await creatorListings(db, mallory)).map((l) => l.id)).not.toContain(id);
    expect(await db.select().from(listings).where(eq(listings.id, id))).toEqual(before);
  });

  it("garbage ids are not-found, never a database error", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    await expect(saveListingDetails(db, creator, "not-a-uuid", DETAILS)).rejects.toMatchObject({ code: "listing.not_found" });
    await expect(submitForApproval(db, creator, "'; drop table listings; --")).rejects.toMatchObject({ code: "listing.not_found" });
    expect(await listingForEditor(db, creator, "123")).toBeNull();
  });

  it("another creator's image can't become my cover or example image, nor can I set covers on theirs", async () => {
    const { db } = testDatabase();
    const alice = await makeCreator(db);
    const mallory = await makeCreator(db);
    const image = await storeImage(db, alice, await jpeg(1000, 750), { purpose: "cover" });
    const mine = await createListing(db, mallory, { kind: "prompt", title: "Mallory's listing", category: "writing" });
    const hers = await createListing(db, alice, { kind: "prompt", title: "Alice's listing", category: "writing" });
    await expect(setListingCover(db, mallory, mine.id, image.id)).rejects.toMatchObject({ code: "image.not_found" });
    await expect(
      saveContentDraft(db, mallory, mine.id, { draft: promptDraft({ exampleOutputs: [{ input: "", output: "x", imageId: image.id }] }) }),
    ).rejects.toMatchObject({ code: "image.not_found" });
    const own = await storeImage(db, mallory, await jpeg(1000, 750, 80, 9), { purpose: "cover" });
    await expect(setListingCover(db, mallory, hers.id, own.id)).rejects.toMatchObject({ code: "listing.not_found" });
    await setListingCover(db, alice, hers.id, image.id);
    expect((await db.select().from(listings).where(eq(listings.id, hers.id)))[0].coverImageId).toBe(image.id);
  });

  it("another creator's file can't be attached or downloaded; its owner and admins can download it", async () => {
    const { db } = testDatabase();
    const alice = await makeCreator(db);
    const mallory = await makeCreator(db);
    const admin = await makeAdmin(db);
    const file = await storeFile(db, alice, {
      filename: "../../weights.safetensors",
      contentType: "application/octet-stream",
      bytes: new Uint8Array([1, 2, 3]),
    });
    expect(file.filename).toBe("weights.safetensors");
    const mine = await createListing(db, mallory, { kind: "model", title: "Mallory's model", category: "coding" });
    await expect(saveContentDraft(db, mallory, mine.id, { draft: validDraft("model", file.id) })).rejects.toMatchObject({ code: "file.not_found" });
    await expect(readOwnFile(db, mallory, file.id)).rejects.toMatchObject({ code: "file.not_found", status: 404 });
    expect(Array.from(await readFileBytes(db, await readOwnFile(db, alice, file.id)))).toEqual([1, 2, 3]);
    expect((await readOwnFile(db, admin, file.id)).sha256).toBe(file.sha256);
    await expect(readOwnFile(db, null, file.id)).rejects.toMatchObject({ code: "auth.unauthenticated" });
  });

  it("a model version takes the file's name, size and hash from the stored file, not from the form", async () => {
    const { db } = testDatabase();
    const alice = await makeCreator(db);
    const bytes = safetensorsFile([{ name: "lora.weight", dtype: "F32", shape: [16, 16] }]);
    const file = await storeFile(db, alice, { filename: "lora.safetensors", contentType: null, bytes });
    const { id } = await createListing(db, alice, { kind: "model", title: "A LoRA for cats", category: "image-generation" });
    const saved = await saveContentDraft(db, alice, id, {
      draft: { ...validDraft("model", file.id), fileName: "lies.exe", fileSizeBytes: 1, sha256: "0".repeat(64) } as never,
    });
    expect(saved.draft).toMatchObject({ fileName: "lora.safetensors", fileSizeBytes: bytes.byteLength, sha256: file.sha256 });
    await saveListingDetails(db, alice, id, { ...DETAILS, category: "image-generation" });
    await saveDraftLicense(db, alice, id, { id: "apache-2.0" });
    await submitForApproval(db, alice, id);
  });
});

describe("suspended creators and non-admins", () => {
  it("a suspended creator can't create, edit or submit, but can still read their listings", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const { id } = await createListing(db, creator, { kind: "prompt", title: "Made before suspension", category: "writing" });
    const { users } = await import("@/db/schema");
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, creator.id));
    const suspended = { ...creator, status: "suspended" as const };
    await expect(createListing(db, suspended, { kind: "prompt", title: "Another listing", category: "writing" })).rejects.toMatchObject({
      code: "auth.suspended",
    });
    await expect(saveListingDetails(db, suspended, id, DETAILS)).rejects.toMatchObject({ code: "auth.suspended" });
    await expect(saveContentDraft(db, suspended, id, { draft: validDraft("prompt") })).rejects.toMatchObject({ code: "auth.suspended" });
    await expect(submitForApproval(db, suspended, id)).rejects.toMatchObject({ code: "auth.suspended" });
    await expect(storeImage(db, suspended, await jpeg(1000, 750), { purpose: "cover" })).rejects.toMatchObject({ code: "auth.suspended" });
    expect((await listingForEditor(db, suspended, id))?.listing.id).toBe(id);
  });

  it("people without a storefront can't create listings or upload covers, but may upload an avatar", async () => {
    const { db } = testDatabase();
    const buyer = await makeUser(db);
    await expect(createListing(db, buyer, { kind: "prompt", title: "Sneaky listing", category: "writing" })).rejects.toMatchObject({
      code: "auth.not_creator",
    });
    await expect(storeImage(db, buyer, await jpeg(1000, 750), { purpose: "cover" })).rejects.toMatchObject({ code: "auth.not_creator" });
    expect((await storeImage(db, buyer, await jpeg(400, 400), { purpose: "avatar" })).width).toBe(512);
    await expect(createListing(db, null, { kind: "prompt", title: "Anonymous listing", category: "writing" })).rejects.toMatchObject({
      code: "auth.unauthenticated",
    });
  });

  it("non-admins get nothing from the approval queue and can't approve, reject or remove", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const { id } = await createListing(db, creator, { kind: "prompt", title: "Waiting for approval", category: "writing" });
    await saveListingDetails(db, creator, id, DETAILS);
    await saveContentDraft(db, creator, id, { draft: validDraft("prompt") });
    await saveDraftLicense(db, creator, id, { id: "mit" });
    await submitForApproval(db, creator, id);
    const editor = await listingForEditor(db, creator, id);
    const versionId = editor!.versions[0].id;
    for (const actor of [creator, await makeUser(db), null]) {
      const refused = { code: actor ? "auth.forbidden" : "auth.unauthenticated" };
      await expect(approvalQueuePage(db, actor)).rejects.toMatchObject(refused);
      await expect(approvalItem(db, actor, versionId)).rejects.toMatchObject(refused);
      await expect(approveVersion(db, actor, { versionId })).rejects.toMatchObject(refused);
      await expect(rejectVersion(db, actor, { versionId, reason: "I'd like to reject my rival." })).rejects.toMatchObject(refused);
      await expect(removeListing(db, actor, { listingId: id, reason: "I'd like to remove my rival." })).rejects.toMatchObject(refused);
    }
    const suspendedAdmin = { ...(await makeAdmin(db)), status: "suspended" as const };
    await expect(approveVersion(db, suspendedAdmin, { versionId })).rejects.toMatchObject({ code: "auth.forbidden" });
    expect((await db.select().from(listings).where(eq(listings.id, id)))[0].status).toBe("pending_review");
  });

  it("a reject needs a reason of substance", async () => {
    const { db } = testDatabase();
    const admin = await makeAdmin(db);
    await expect(rejectVersion(db, admin, { versionId: crypto.randomUUID(), reason: "no" })).rejects.toMatchObject({ code: "input.invalid", status: 400 });
  });
});
