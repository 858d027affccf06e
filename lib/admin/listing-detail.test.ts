// One listing as an admin sees it: its facts and creator, versions (the live one marked), a pending version or change
// of details, reports about it or its reviews (with the open count), its audit history including its versions'
// decisions, and the queue's search by listing id; refused to anyone but an admin.
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { approveVersion } from "@/lib/moderation/approvals";
import { removeListing } from "@/lib/moderation/listings";
import { sendCounterNotice } from "@/lib/reports/counter-notice";
import { fileReport } from "@/lib/reports/file";
import { reportQueue } from "@/lib/reports/queue";
import { createReview } from "@/lib/reviews/write";
import { makeAdmin, makeCreator, makeListing, makeOwner, makeUser } from "@/lib/testing/fixtures";
import { adminListingDetail } from "./listing-detail";

describe("adminListingDetail", () => {
  it("shows the listing with its versions, reports about it and its reviews, and its audit history", async () => {
    const { db } = testDatabase();
    const admin = await makeAdmin(db);
    const creator = await makeCreator(db, { name: "Lumen Works" });
    const listing = await makeListing(db, creator, { title: "Lumen prompt pack", versions: [{}, {}, { status: "pending_review" }] });
    const other = await makeListing(db, creator, { title: "Someone else's" });

    // Version 3 waits for approval; an admin approves it, which the audit log records against the version.
    const pending = await adminListingDetail(db, admin, listing.id);
    expect(pending?.versions.map((v) => [v.number, v.reviewStatus, v.live])).toEqual([
      [3, "pending_review", false],
      [2, "approved", true],
      [1, "approved", false],
    ]);
    await approveVersion(db, admin, { versionId: listing.versions[2].id });

    // Two reports on the listing, one on a review of it, one on another listing (not shown).
    const buyer = await makeOwner(db, listing.id, creator.id);
    const { review } = await createReview(db, buyer, { listingId: listing.id, rating: 1, body: "Nothing like the preview at all." });
    await fileReport(db, await makeUser(db), { targetType: "listing", targetId: listing.id, reason: "spam", details: "Posted ten times." });
    await fileReport(db, await makeUser(db), { targetType: "review", targetId: review.id, reason: "offensive", details: "Name-calling." });
    await fileReport(db, await makeUser(db), { targetType: "listing", targetId: other.id, reason: "spam", details: "Not this one." });
    await removeListing(db, admin, { listingId: listing.id, reason: "Copies another creator's pack word for word." });

    const detail = await adminListingDetail(db, admin, listing.id);
    expect(detail?.listing).toMatchObject({
      id: listing.id,
      title: "Lumen prompt pack",
      status: "removed",
      statusReason: "Copies another creator's pack word for word.",
    });
    expect(detail?.creator).toMatchObject({ id: creator.id, name: "Lumen Works Studio", handle: creator.creatorHandle, status: "active" });
    expect(detail?.versions.map((v) => [v.number, v.reviewStatus, v.live])).toEqual([
      [3, "approved", true],
      [2, "approved", false],
      [1, "approved", false],
    ]);
    // The direct removal opened (and resolved) its own case: three reports about it, two still open.
    expect(detail?.reports.map((r) => [r.targetType, r.reason, r.status]).sort()).toEqual([
      ["listing", "other", "resolved"],
      ["listing", "spam", "open"],
      ["review", "offensive", "open"],
    ]);
    expect(detail?.openReports).toBe(2);
    expect(detail?.audit.map((a) => a.action)).toEqual(["listing.remove", "listing_version.approve"]);
    expect(detail?.audit[0]).toMatchObject({ actorEmail: admin.email, details: { reason: "Copies another creator's pack word for word." } });
    expect(detail?.pendingRevisionId).toBeNull();

    // The queue's search by listing id finds the open reports on the listing and its review (the page's link to them).
    const queue = await reportQueue(db, admin, { status: "open", q: listing.id });
    expect(queue.rows.map((r) => r.targetLabel).sort()).toEqual(["Lumen prompt pack", "Review of Lumen prompt pack"]);

    // No counter-notice yet; once the creator answers, the page points to the reopened case (decided there).
    expect(detail?.counterNoticeReportId).toBeNull();
    const { reportId } = await sendCounterNotice(db, creator, { listingId: listing.id, text: "The pack is mine: here is the original project file." });
    const answered = await adminListingDetail(db, admin, listing.id);
    expect(answered?.counterNoticeReportId).toBe(reportId);
    expect(answered?.reports.find((r) => r.id === reportId)).toMatchObject({ reason: "other", status: "open" });
  });

  it("is null for an unknown or malformed id and refused to anyone but an admin", async () => {
    const { db } = testDatabase();
    const admin = await makeAdmin(db);
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, { status: "draft" });
    expect(await adminListingDetail(db, admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await adminListingDetail(db, admin, "not-an-id")).toBeNull();
    expect((await adminListingDetail(db, admin, listing.id))?.listing.status).toBe("draft");
    for (const actor of [await makeUser(db), creator, null]) {
      await expect(adminListingDetail(db, actor, listing.id)).rejects.toMatchObject({ status: actor ? 403 : 401 });
    }
  });
});
