// Moderation of live listings against a real database: removal (gone from search, the API's listing page, the sitemap
// and image URLs, kept in the buyer's library), pending text revisions, banned and suspended creators, admin-only actions.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, emailOutbox, listingRevisions, listings, notifications, reports, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { catalogSearch } from "@/lib/catalog/catalog";
import { publicListingBySlug } from "@/lib/catalog/listing";
import { parseCatalogQuery } from "@/lib/catalog/params";
import { listingSitemap } from "@/lib/catalog/sitemap";
import { refreshSearchTerms } from "@/lib/catalog/terms";
import { maySeeWithheld, readImage } from "@/lib/images/read";
import { readDelivery } from "@/lib/library/delivery";
import { libraryItems } from "@/lib/library/items";
import { saveListingDetails, setListingCover } from "@/lib/listings/editing";
import { creatorListings, listingForEditor } from "@/lib/listings/queries";
import { startCheckout } from "@/lib/orders/checkout";
import { makeAdmin, makeCreator, makeImage, makeListing, makeOwner, makeUser, uniqueTag } from "@/lib/testing/fixtures";
import { sendCounterNotice } from "@/lib/reports/counter-notice";
import { removeListing, restoreRemovedListing } from "./listings";
import { approvalQueuePage } from "./queue";
import { approveRevision, rejectRevision, revisionItem } from "./revisions";

const DETAILS = { summary: "A useful asset", description: "The original description.", category: "writing" as const, tags: ["email"], priceCents: 500 };

async function searchFinds(db: Db, word: string, listingId: string): Promise<boolean> {
  const parsed = parseCatalogQuery(new URLSearchParams({ q: word }));
  if (!parsed.ok) throw new Error(parsed.message);
  const result = await catalogSearch(db, parsed.query);
  return result.items.some((item) => item.id === listingId);
}

async function sitemapHas(db: Db, slug: string): Promise<boolean> {
  return (await listingSitemap(db, 0)).some((u) => u.path === `/l/${slug}`);
}

/** A published listing with a unique word in its title and a cover image the creator uploaded. */
async function liveListing(db: Db, creator: Actor) {
  const word = `zq${uniqueTag().replace(/[^a-z]/g, "")}`;
  const image = await makeImage(db, creator.id);
  const listing = await makeListing(db, creator, { title: `Moderated ${word} prompt`, values: { coverImageId: image.id, description: DETAILS.description } });
  await refreshSearchTerms(db);
  return { listing, word, imageId: image.id };
}

describe("removing a published listing", () => {
  it("takes it out of search, the public page, the sitemap and image URLs, keeps it in its buyer's library and tells the creator why", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const { listing, word, imageId } = await liveListing(db, creator);
    const buyer = await makeOwner(db, listing.id, creator.id);
    expect(await searchFinds(db, word, listing.id)).toBe(true);
    expect(await sitemapHas(db, listing.slug)).toBe(true);

    await removeListing(db, admin, { listingId: listing.id, reason: "Copies another creator's pack word for word." });

    expect(await searchFinds(db, word, listing.id)).toBe(false);
    expect(await publicListingBySlug(db, listing.slug)).toBeNull();
    expect(await sitemapHas(db, listing.slug)).toBe(false);
    const image = await readImage(db, imageId, "cover");
    expect(image?.withheld).toBe(true);
    expect(maySeeWithheld(image!, buyer)).toBe(false);
    expect(maySeeWithheld(image!, null)).toBe(false);
    expect(maySeeWithheld(image!, creator)).toBe(true);

    expect(await libraryItems(db, buyer)).toEqual([expect.objectContaining({ listingId: listing.id, removed: true, withdrawn: false })]);
    await expect(readDelivery(db, buyer, listing.id)).resolves.toMatchObject({ relation: "owner" });

    const [notice] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, creator.id), eq(notifications.type, "listing_removed")));
    expect(notice.body).toContain("Copies another creator's pack");
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.template, "listing_removed"));
    expect(mail).toMatchObject({ toAddress: creator.email, userId: creator.id });
    expect(mail.data).toMatchObject({
      reason: "Copies another creator's pack word for word.",
      counterNoticeUrl: `/dashboard/listings/${listing.id}#counter-notice`,
    });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "listing.remove"), eq(auditLog.targetId, listing.id)));
    expect(entry.actorId).toBe(admin.id);
  });

  it("is refused to buyers, creators (even their own listing) and anonymous callers, and changes nothing", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const { listing } = await liveListing(db, creator);
    const buyer = await makeOwner(db, listing.id, creator.id);
    for (const [actor, code] of [
      [buyer, "auth.forbidden"],
      [creator, "auth.forbidden"],
      [null, "auth.unauthenticated"],
    ] as const) {
      await expect(removeListing(db, actor, { listingId: listing.id, reason: "I would like this gone now." })).rejects.toMatchObject({ code });
    }
    const [row] = await db.select({ status: listings.status }).from(listings).where(eq(listings.id, listing.id));
    expect(row.status).toBe("published");
    expect(await db.select().from(reports).where(eq(reports.listingId, listing.id))).toHaveLength(0);
  });

  it("answers a short reason with a form error and an unknown listing with not found", async () => {
    const { db } = testDatabase();
    const admin = await makeAdmin(db);
    const creator = await makeCreator(db);
    const { listing } = await liveListing(db, creator);
    await expect(removeListing(db, admin, { listingId: listing.id, reason: "bad" })).rejects.toMatchObject({ code: "input.invalid" });
    await expect(removeListing(db, admin, { listingId: "00000000-0000-4000-8000-000000000000", reason: "Breaks the rules badly." })).rejects.toMatchObject({
      code: "listing.not_found",
    });
  });
});

describe("restoring a removed listing", () => {
  it("puts it back in search, the public page and the sitemap, shows its images again and tells the creator with the note", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const { listing, word, imageId } = await liveListing(db, creator);
    const buyer = await makeOwner(db, listing.id, creator.id);
    await removeListing(db, admin, { listingId: listing.id, reason: "Looked like a copy of another pack." });
    const [removalCase] = await db.select({ id: reports.id }).from(reports).where(eq(reports.listingId, listing.id));

    await restoreRemovedListing(db, admin, { listingId: listing.id, note: "  It is the creator's own pack: the removal was a mistake.  " });

    const [row] = await db.select({ status: listings.status, statusReason: listings.statusReason }).from(listings).where(eq(listings.id, listing.id));
    expect(row).toEqual({ status: "published", statusReason: null });
    expect(await searchFinds(db, word, listing.id)).toBe(true);
    expect(await publicListingBySlug(db, listing.slug)).toMatchObject({ id: listing.id });
    expect(await sitemapHas(db, listing.slug)).toBe(true);
    expect((await readImage(db, imageId, "cover"))?.withheld).toBe(false);
    expect(await libraryItems(db, buyer)).toEqual([expect.objectContaining({ listingId: listing.id, removed: false })]);

    const [notice] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, creator.id), eq(notifications.type, "listing_restored")));
    expect(notice).toMatchObject({ body: "It is the creator's own pack: the removal was a mistake.", link: `/dashboard/listings/${listing.id}` });
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.template, "listing_restored"));
    expect(mail).toMatchObject({ toAddress: creator.email, userId: creator.id });
    expect(mail.data).toEqual({ title: listing.title, note: "It is the creator's own pack: the removal was a mistake.", listingUrl: `/l/${listing.slug}` });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "listing.restore"), eq(auditLog.targetId, listing.id)));
    expect(entry).toMatchObject({ actorId: admin.id, details: { note: "It is the creator's own pack: the removal was a mistake.", reportId: removalCase.id } });
    // The removal's case stays as decided: it recorded a removal that happened.
    const [decided] = await db.select({ status: reports.status, resolution: reports.resolution }).from(reports).where(eq(reports.id, removalCase.id));
    expect(decided).toEqual({ status: "resolved", resolution: "listing_removed" });
  });

  it("is refused while the creator's counter-notice waits (decided in its case), and for a listing that is not removed", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const { listing } = await liveListing(db, creator);
    const note = "Restored after a second look at it.";
    await expect(restoreRemovedListing(db, admin, { listingId: listing.id, note })).rejects.toMatchObject({ code: "listing.not_removed" });

    await removeListing(db, admin, { listingId: listing.id, reason: "Looked like a copy of another pack." });
    await sendCounterNotice(db, creator, { listingId: listing.id, text: "This is my own work: here is the original file history." });
    await expect(restoreRemovedListing(db, admin, { listingId: listing.id, note })).rejects.toMatchObject({ code: "listing.counter_notice_pending" });
    const [row] = await db.select({ status: listings.status }).from(listings).where(eq(listings.id, listing.id));
    expect(row.status).toBe("removed");
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "listing.restore"), eq(auditLog.targetId, listing.id))),
    ).toHaveLength(0);
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.template, "listing_restored"), eq(emailOutbox.userId, creator.id))),
    ).toHaveLength(0);
  });

  it("restores once when two admins restore at the same time, and never both restores and reopens when the creator answers meanwhile", async () => {
    // On Postgres (DATABASE_URL) these transactions run in parallel over the pool; the listing's row lock orders them.
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const [admin, otherAdmin] = [await makeAdmin(db), await makeAdmin(db)];
    const { listing } = await liveListing(db, creator);
    await removeListing(db, admin, { listingId: listing.id, reason: "Looked like a copy of another pack." });

    const twice = await Promise.allSettled(
      [admin, otherAdmin].map((a) => restoreRemovedListing(db, a, { listingId: listing.id, note: "The removal was a mistake." })),
    );
    expect(twice.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(twice.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "listing.not_removed" } });
    const restores = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "listing.restore"), eq(auditLog.targetId, listing.id)));
    expect(restores).toHaveLength(1);
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.template, "listing_restored"), eq(emailOutbox.userId, creator.id))),
    ).toHaveLength(1);

    // Removed again; the admin restores while the creator sends a counter-notice: exactly one of them happens.
    await removeListing(db, admin, { listingId: listing.id, reason: "Looked like a copy of another pack, again." });
    const [restore, answer] = await Promise.allSettled([
      restoreRemovedListing(db, admin, { listingId: listing.id, note: "The removal was a mistake again." }),
      sendCounterNotice(db, creator, { listingId: listing.id, text: "This is my own work: here is the original file history." }),
    ]);
    expect([restore.status, answer.status].sort()).toEqual(["fulfilled", "rejected"]);
    const [row] = await db.select({ status: listings.status }).from(listings).where(eq(listings.id, listing.id));
    const reopened = await db
      .select()
      .from(reports)
      .where(and(eq(reports.listingId, listing.id), eq(reports.status, "open")));
    if (restore.status === "fulfilled") {
      expect(answer).toMatchObject({ reason: { code: "report.counter_notice_unavailable" } });
      expect(row.status).toBe("published");
      expect(reopened).toHaveLength(0);
    } else {
      expect(restore).toMatchObject({ reason: { code: "listing.counter_notice_pending" } });
      expect(row.status).toBe("removed");
      expect(reopened).toHaveLength(1);
    }
  });

  it("is refused to buyers, the creator and anonymous callers, and answers a short note with a form error", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const { listing } = await liveListing(db, creator);
    const buyer = await makeUser(db);
    await removeListing(db, admin, { listingId: listing.id, reason: "Looked like a copy of another pack." });
    for (const [actor, code] of [
      [buyer, "auth.forbidden"],
      [creator, "auth.forbidden"],
      [null, "auth.unauthenticated"],
    ] as const) {
      await expect(restoreRemovedListing(db, actor, { listingId: listing.id, note: "Please put it back now." })).rejects.toMatchObject({ code });
    }
    await expect(restoreRemovedListing(db, admin, { listingId: listing.id, note: "ok" })).rejects.toMatchObject({ code: "input.invalid" });
    await expect(restoreRemovedListing(db, admin, { listingId: "not-a-uuid", note: "Restored after a look." })).rejects.toMatchObject({
      code: "input.invalid",
    });
    const [row] = await db.select({ status: listings.status }).from(listings).where(eq(listings.id, listing.id));
    expect(row.status).toBe("removed");
  });
});

describe("changes to a live listing's text", () => {
  it("keep the approved text public until an admin approves them; the price changes at once", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const { listing } = await liveListing(db, creator);

    const saved = await saveListingDetails(db, creator, listing.id, {
      ...DETAILS,
      title: listing.title,
      description: "A brand new description.",
      priceCents: 900,
    });
    expect(saved.revisionPending).toBe(true);
    const page = await publicListingBySlug(db, listing.slug);
    expect(page).toMatchObject({ description: "The original description.", priceCents: 900 });

    expect((await creatorListings(db, creator)).find((r) => r.id === listing.id)).toMatchObject({ detailsPending: true });
    const editor = await listingForEditor(db, creator, listing.id);
    expect(editor?.revision.pending).toMatchObject({ description: "A brand new description.", fields: ["description", "tags"] });

    const [queued] = (await approvalQueuePage(db, admin, { creator: creator.creatorHandle! })).rows;
    expect(queued).toMatchObject({ type: "revision", listingId: listing.id });
    const item = await revisionItem(db, admin, queued.id);
    expect(item?.diff.filter((l) => l.op !== "same").map((l) => l.text)).toEqual(
      expect.arrayContaining(["description: The original description.", "description: A brand new description."]),
    );

    await approveRevision(db, admin, { revisionId: queued.id });
    expect(await publicListingBySlug(db, listing.slug)).toMatchObject({ description: "A brand new description.", slug: listing.slug });
    expect(await approvalQueuePage(db, admin, { creator: creator.creatorHandle! })).toMatchObject({ rows: [], total: 0 });
    const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, listing.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["listing.propose_changes", "listing.price_change", "listing_revision.approve"]));
  });

  it("a rejected change keeps the live text and shows the creator the reason; a new cover waits too", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const { listing, imageId } = await liveListing(db, creator);
    await setListingCover(db, creator, listing.id, null);
    const [row] = await db.select().from(listings).where(eq(listings.id, listing.id));
    expect(row.coverImageId).toBe(imageId);
    const [revision] = await db.select().from(listingRevisions).where(eq(listingRevisions.listingId, listing.id));
    expect(revision).toMatchObject({ status: "pending", coverImageId: null });

    await expect(rejectRevision(db, admin, { revisionId: revision.id, reason: "short" })).rejects.toMatchObject({ code: "input.invalid" });
    await rejectRevision(db, admin, { revisionId: revision.id, reason: "Keep a cover: listings without one look broken." });
    const editor = await listingForEditor(db, creator, listing.id);
    expect(editor?.revision).toMatchObject({ pending: null, lastRejection: { reason: "Keep a cover: listings without one look broken." } });
    expect((await db.select().from(listings).where(eq(listings.id, listing.id)))[0].coverImageId).toBe(imageId);
    await expect(approveRevision(db, admin, { revisionId: revision.id })).rejects.toMatchObject({ code: "approval.revision_decided" });
  });

  it("deciding is refused to buyers, creators and anonymous callers", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const { listing } = await liveListing(db, creator);
    const buyer = await makeOwner(db, listing.id, creator.id);
    await saveListingDetails(db, creator, listing.id, { ...DETAILS, title: "A title I chose myself" });
    const [revision] = await db.select().from(listingRevisions).where(eq(listingRevisions.listingId, listing.id));
    for (const actor of [buyer, creator, null]) {
      await expect(approveRevision(db, actor, { revisionId: revision.id })).rejects.toMatchObject({ status: actor ? 403 : 401 });
      await expect(rejectRevision(db, actor, { revisionId: revision.id, reason: "Not allowed to decide this." })).rejects.toMatchObject({
        status: actor ? 403 : 401,
      });
      await expect(approvalQueuePage(db, actor)).rejects.toMatchObject({ status: actor ? 403 : 401 });
    }
    expect((await publicListingBySlug(db, listing.slug))?.title).toBe(listing.title);
  });
});

describe("a suspended or banned creator", () => {
  it("can't sell: their listings leave search and checkout refuses, and come back on reactivation", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const { listing, word } = await liveListing(db, creator);
    const owner = await makeOwner(db, listing.id, creator.id);
    const shopper = await makeUser(db);
    const checkout = { listingId: listing.id, successUrl: "http://test.local/ok", cancelUrl: "http://test.local/cancel" };
    for (const status of ["suspended", "banned"] as const) {
      await db.update(users).set({ status }).where(eq(users.id, creator.id));
      expect(await searchFinds(db, word, listing.id)).toBe(false);
      expect(await publicListingBySlug(db, listing.slug)).toBeNull();
      await expect(startCheckout(db, shopper, checkout)).rejects.toMatchObject({ code: "order.creator_unavailable", status: 409 });
      // Owners keep what they bought.
      await expect(readDelivery(db, owner, listing.id)).resolves.toMatchObject({ relation: "owner" });
    }
    await db.update(users).set({ status: "active" }).where(eq(users.id, creator.id));
    expect(await searchFinds(db, word, listing.id)).toBe(true);
  });
});
