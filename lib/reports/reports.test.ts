// Reports against a real database: filing (one open per person and target, rate limit, takedown fields), the admin's
// decisions and who is told, the creator's one counter-notice, and refusals for everyone but admins.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailOutbox, listings, notifications, reports, reviews, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { makeAdmin, makeCreator, makeListing, makeOrder, makeUser } from "@/lib/testing/fixtures";
import { removalCase, sendCounterNotice } from "./counter-notice";
import { fileReport, REPORTS_PER_HOUR } from "./file";
import { reportCase, reportQueue } from "./queue";
import { resolveReport } from "./resolve";

const SPAM = { reason: "spam" as const, details: "Posted the same thing ten times." };

describe("filing a report", () => {
  it("allows one open report per person and target; a creator and a review can be reported too", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator);
    const reporter = await makeUser(db);
    const { reportId } = await fileReport(db, reporter, { targetType: "listing", targetId: listing.id, ...SPAM });
    await expect(fileReport(db, reporter, { targetType: "listing", targetId: listing.id, ...SPAM })).rejects.toMatchObject({
      code: "report.already_open",
      status: 409,
    });
    // Someone else may report the same listing, and the same person may report its creator.
    await fileReport(db, await makeUser(db), { targetType: "listing", targetId: listing.id, ...SPAM });
    await fileReport(db, reporter, { targetType: "creator", targetId: creator.id, reason: "offensive", details: "Their storefront bio insults buyers." });

    const buyer = await makeUser(db);
    const order = await makeOrder(db, buyer, listing);
    const [review] = await db
      .insert(reviews)
      .values({ orderId: order.id, listingId: listing.id, authorId: buyer.id, rating: 1, body: "Buy my pack instead!" })
      .returning();
    await fileReport(db, reporter, { targetType: "review", targetId: review.id, ...SPAM });
    await expect(fileReport(db, buyer, { targetType: "review", targetId: review.id, ...SPAM })).rejects.toMatchObject({ code: "report.own_target" });

    const stored = await db.select().from(reports).where(eq(reports.reporterId, reporter.id));
    expect(stored.map((r) => r.targetType).sort()).toEqual(["creator", "listing", "review"]);
    expect(stored.find((r) => r.id === reportId)).toMatchObject({ status: "open", reason: "spam", listingId: listing.id });
  });

  it("a copyright claim needs the work, the claimant's contact and the good-faith statement", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator);
    const claimant = await makeUser(db);
    const claim = { targetType: "listing" as const, targetId: listing.id, reason: "copyright" as const, details: "This is my prompt pack." };
    await expect(fileReport(db, claimant, claim)).rejects.toMatchObject({
      code: "input.invalid",
      fieldErrors: { claimedWork: [expect.any(String)], claimantContact: [expect.any(String)], goodFaith: [expect.any(String)] },
    });
    const { reportId } = await fileReport(db, claimant, {
      ...claim,
      claimedWork: "My 'Cold email pack' sold at example.com/pack since 2024",
      claimantContact: "Ada Claimant, ada@example.com",
      goodFaith: "on",
    });
    const [row] = await db.select().from(reports).where(eq(reports.id, reportId));
    expect(row.claimedWork).toContain("Cold email pack");
    expect(row.goodFaithAt).toBeInstanceOf(Date);
  });

  it("refuses anonymous callers, unknown targets and more than the hourly limit", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const reporter = await makeUser(db);
    const listing = await makeListing(db, creator);
    await expect(fileReport(db, null, { targetType: "listing", targetId: listing.id, ...SPAM })).rejects.toMatchObject({ code: "auth.unauthenticated" });
    const draft = await makeListing(db, creator, { status: "draft" });
    await expect(fileReport(db, reporter, { targetType: "listing", targetId: draft.id, ...SPAM })).rejects.toMatchObject({ code: "report.target_not_found" });
    for (let i = 0; i < REPORTS_PER_HOUR; i++) {
      const other = await makeListing(db, creator);
      await fileReport(db, reporter, { targetType: "listing", targetId: other.id, ...SPAM });
    }
    const one = await makeListing(db, creator);
    await expect(fileReport(db, reporter, { targetType: "listing", targetId: one.id, ...SPAM })).rejects.toMatchObject({
      code: "report.rate_limited",
      status: 429,
      publicMessage: expect.stringMatching(/Try again in (60|59) minutes\.$/),
      retryAfterSeconds: expect.any(Number),
    });
  });
});

describe("deciding a report", () => {
  it("removing the listing closes every open report about it and tells reporters and the creator", async () => {
    const { db } = testDatabase();
    const admin = await makeAdmin(db);
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator);
    const first = await makeUser(db);
    const second = await makeUser(db);
    const { reportId } = await fileReport(db, first, {
      targetType: "listing",
      targetId: listing.id,
      reason: "misleading",
      details: "Nothing like the preview.",
    });
    await fileReport(db, second, { targetType: "listing", targetId: listing.id, ...SPAM });
    expect((await reportQueue(db, admin)).rows.map((r) => r.id)).toContain(reportId);
    expect(await reportCase(db, admin, reportId)).toMatchObject({ otherOpen: 1, listing: { id: listing.id }, subject: { id: creator.id } });

    await resolveReport(db, admin, { reportId, outcome: "listing_removed", note: "Misleading preview, confirmed by testing." });
    expect((await db.select().from(listings).where(eq(listings.id, listing.id)))[0]).toMatchObject({ status: "removed" });
    const closed = await db.select().from(reports).where(eq(reports.listingId, listing.id));
    expect(closed.every((r) => r.status === "resolved" && r.resolution === "listing_removed")).toBe(true);
    for (const person of [first, second]) {
      const told = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, person.id), eq(notifications.type, "report_resolved")));
      expect(told).toHaveLength(1);
    }
    const mails = await db.select().from(emailOutbox);
    expect(
      mails
        .filter((m) => m.template === "report_outcome")
        .map((m) => m.toAddress)
        .sort(),
    ).toEqual([first.email, second.email].sort());
    expect(mails.filter((m) => m.template === "listing_removed").map((m) => m.toAddress)).toEqual([creator.email]);
    expect((await db.select().from(auditLog).where(eq(auditLog.targetId, reportId)))[0]).toMatchObject({ action: "report.resolve", actorId: admin.id });
  });

  it("hides a reported review, suspends a reported creator, dismisses with a note; outcomes must fit the target", async () => {
    const { db } = testDatabase();
    const admin = await makeAdmin(db);
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator);
    const buyer = await makeUser(db);
    const reporter = await makeUser(db);
    const order = await makeOrder(db, buyer, listing);
    const [review] = await db
      .insert(reviews)
      .values({ orderId: order.id, listingId: listing.id, authorId: buyer.id, rating: 1, body: "Spam link here" })
      .returning();
    await db.update(listings).set({ ratingSum: 1, ratingCount: 1 }).where(eq(listings.id, listing.id));
    const onReview = await fileReport(db, reporter, { targetType: "review", targetId: review.id, ...SPAM });
    await expect(
      resolveReport(db, admin, { reportId: onReview.reportId, outcome: "listing_removed", note: "Wrong outcome for a review." }),
    ).rejects.toMatchObject({
      code: "report.resolution_mismatch",
    });
    await resolveReport(db, admin, { reportId: onReview.reportId, outcome: "review_hidden", note: "Advertising in a review." });
    expect((await db.select().from(reviews).where(eq(reviews.id, review.id)))[0].hiddenAt).toBeInstanceOf(Date);

    const onCreator = await fileReport(db, reporter, {
      targetType: "creator",
      targetId: creator.id,
      reason: "offensive",
      details: "Insults buyers in replies.",
    });
    await resolveReport(db, admin, { reportId: onCreator.reportId, outcome: "creator_suspended", note: "Repeated insults towards buyers." });
    expect((await db.select().from(users).where(eq(users.id, creator.id)))[0].status).toBe("suspended");

    const other = await makeListing(db, await makeCreator(db));
    const dismissed = await fileReport(db, reporter, { targetType: "listing", targetId: other.id, ...SPAM });
    await resolveReport(db, admin, { reportId: dismissed.reportId, outcome: "dismissed", note: "Looked fine on inspection." });
    expect((await db.select().from(reports).where(eq(reports.id, dismissed.reportId)))[0]).toMatchObject({
      status: "dismissed",
      resolutionNote: "Looked fine on inspection.",
    });
    await expect(resolveReport(db, admin, { reportId: dismissed.reportId, outcome: "dismissed", note: "Second decision attempt." })).rejects.toMatchObject({
      code: "report.already_closed",
    });
  });

  it("is refused to buyers, creators and anonymous callers", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator);
    const reporter = await makeUser(db);
    const { reportId } = await fileReport(db, reporter, { targetType: "listing", targetId: listing.id, ...SPAM });
    for (const actor of [reporter, creator, null]) {
      const status = actor ? 403 : 401;
      await expect(resolveReport(db, actor, { reportId, outcome: "listing_removed", note: "Trying to remove a rival." })).rejects.toMatchObject({ status });
      await expect(reportQueue(db, actor)).rejects.toMatchObject({ status });
      await expect(reportCase(db, actor, reportId)).rejects.toMatchObject({ status });
    }
    expect((await db.select().from(listings).where(eq(listings.id, listing.id)))[0].status).toBe("published");
  });
});

describe("a counter-notice", () => {
  it("answers a removal once, reopens the case, and an upheld one restores the listing", async () => {
    const { db } = testDatabase();
    const admin = await makeAdmin(db);
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator);
    const reporter = await makeUser(db);
    const { reportId } = await fileReport(db, reporter, {
      targetType: "listing",
      targetId: listing.id,
      reason: "copyright",
      details: "Mine.",
      claimedWork: "My pack at example.com/x",
      claimantContact: "r@example.com",
      goodFaith: true,
    });
    await resolveReport(db, admin, { reportId, outcome: "listing_removed", note: "Takedown notice received." });

    await expect(sendCounterNotice(db, reporter, { listingId: listing.id, text: "I am not the creator but want to answer." })).rejects.toMatchObject({
      code: "listing.not_found",
    });
    await sendCounterNotice(db, creator, { listingId: listing.id, text: "I wrote every prompt myself; drafts dated 2023 attached to my email." });
    expect(await removalCase(db, creator, listing.id)).toMatchObject({
      reportId,
      reopened: true,
      counterNotice: expect.stringContaining("I wrote every prompt"),
    });
    expect((await reportQueue(db, admin)).rows.find((r) => r.id === reportId)).toMatchObject({ counterNotice: true });
    await expect(sendCounterNotice(db, creator, { listingId: listing.id, text: "And one more thing I forgot to say." })).rejects.toMatchObject({
      code: "report.counter_notice_sent",
    });
    await expect(resolveReport(db, admin, { reportId, outcome: "dismissed", note: "Not an option on a reopened case." })).rejects.toMatchObject({
      code: "report.resolution_mismatch",
    });

    await resolveReport(db, admin, { reportId, outcome: "listing_restored", note: "The creator showed earlier drafts." });
    expect((await db.select().from(listings).where(eq(listings.id, listing.id)))[0]).toMatchObject({ status: "published", statusReason: null });
    // Answered once: a later removal of the same case can't be answered again.
    await expect(sendCounterNotice(db, creator, { listingId: listing.id, text: "Trying to answer a second time here." })).rejects.toMatchObject({
      code: "report.counter_notice_unavailable",
    });
  });
});
