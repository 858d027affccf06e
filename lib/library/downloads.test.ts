import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { issueDownloadToken } from "@/lib/security/download-links";
import { readFileBytes } from "@/lib/storage/file-bytes";
import { attachmentDisposition, issueFileDownload, openFileDownload } from "./downloads";
import { contentFor, makeCreator, makeFile, makeListing, makeOrder, makeUser } from "@/lib/testing/fixtures";

const tokenOf = (url: string) => url.split("/").pop()!;

async function modelWorld() {
  const { db } = testDatabase();
  const creator = await makeCreator(db);
  const v1File = await makeFile(db, creator.id, "model-v1.safetensors");
  const v2File = await makeFile(db, creator.id, "model-v2.safetensors");
  const draftFile = await makeFile(db, creator.id, "draft.safetensors");
  const listing = await makeListing(db, creator, {
    kind: "model",
    versions: [
      // v1 names its file in the content only, v2 in the version column: both are delivered.
      { content: contentFor("model", v1File.id) },
      { content: contentFor("model", null), fileId: v2File.id },
      { content: contentFor("model", draftFile.id), status: "draft" },
    ],
  });
  const buyer = await makeUser(db);
  const order = await makeOrder(db, buyer, listing);
  return { db, creator, listing, buyer, order, v1File, v2File, draftFile };
}

describe("model downloads", () => {
  it("an owner downloads the current version's file through a signed link, and an older version's too", async () => {
    const { db, listing, buyer, v1File, v2File } = await modelWorld();
    const url = await issueFileDownload(db, buyer, listing.id);
    expect(url).toMatch(/^\/api\/downloads\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const file = await openFileDownload(db, buyer, tokenOf(url));
    expect(file.filename).toBe("model-v2.safetensors");
    expect(Buffer.from(await readFileBytes(db, file))).toEqual(Buffer.from(v2File.data));
    const older = await openFileDownload(db, buyer, tokenOf(await issueFileDownload(db, buyer, listing.id, 1)));
    expect(older.sha256).toBe(v1File.sha256);
  });

  it("nobody else gets a link or the bytes, even holding the owner's link", async () => {
    const { db, listing, buyer } = await modelWorld();
    const stranger = await makeUser(db);
    await expect(issueFileDownload(db, stranger, listing.id)).rejects.toMatchObject({ code: "not_found" });
    const url = await issueFileDownload(db, buyer, listing.id);
    await expect(openFileDownload(db, stranger, tokenOf(url))).rejects.toMatchObject({ code: "not_found" });
    await expect(openFileDownload(db, null, tokenOf(url))).rejects.toMatchObject({ code: "not_found" });
  });

  it("a file of a draft version is not reachable even with a correctly signed token", async () => {
    const { db, listing, buyer, draftFile } = await modelWorld();
    await expect(issueFileDownload(db, buyer, listing.id, 3)).rejects.toMatchObject({ code: "not_found" });
    const forged = issueDownloadToken({ userId: buyer.id, fileId: draftFile.id, listingId: listing.id });
    await expect(openFileDownload(db, buyer, forged)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a file of another listing cannot be fetched through a listing one owns", async () => {
    const { db, creator, listing, buyer } = await modelWorld();
    const otherFile = await makeFile(db, creator.id, "other.bin");
    await makeListing(db, creator, { kind: "model", versions: [{ content: contentFor("model", otherFile.id) }] });
    const token = issueDownloadToken({ userId: buyer.id, fileId: otherFile.id, listingId: listing.id });
    await expect(openFileDownload(db, buyer, token)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a refund between issuing and using the link ends the download", async () => {
    const { db, listing, buyer, order } = await modelWorld();
    const url = await issueFileDownload(db, buyer, listing.id);
    await db.update(orders).set({ status: "refunded", refundedCents: order.priceCents }).where(eq(orders.id, order.id));
    await expect(openFileDownload(db, buyer, tokenOf(url))).rejects.toMatchObject({ code: "not_found" });
  });

  it("an expired link says so (410); a tampered one is simply not found", async () => {
    const { db, listing, buyer, v2File } = await modelWorld();
    const expired = issueDownloadToken({ userId: buyer.id, fileId: v2File.id, listingId: listing.id }, { now: Date.now() - 10 * 60_000 });
    await expect(openFileDownload(db, buyer, expired)).rejects.toMatchObject({ code: "library.link_expired", status: 410 });
    const url = await issueFileDownload(db, buyer, listing.id);
    await expect(openFileDownload(db, buyer, `${tokenOf(url)}x`)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a prompt has no file to download", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, { kind: "prompt" });
    const buyer = await makeUser(db);
    await makeOrder(db, buyer, listing);
    await expect(issueFileDownload(db, buyer, listing.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("builds a safe attachment header for any filename", () => {
    expect(attachmentDisposition("model.safetensors")).toBe(`attachment; filename="model.safetensors"; filename*=UTF-8''model.safetensors`);
    const nasty = attachmentDisposition('a"b\r\nSet-Cookie: x/é.bin');
    expect(nasty).not.toMatch(/[\r\n]/);
    expect(nasty).toContain('filename="a_b__Set-Cookie: x__.bin"');
  });
});
