// The reports queue page by page: open reports oldest first, every report on exactly one page, totals per filter.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { orders, reports, reviews } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { makeAdmin, makeCreator, makeListing, makeOwner, makeUser } from "@/lib/testing/fixtures";
import { REPORTS_PAGE_SIZE, reportQueue, reportQueueFilterSchema } from "./queue";

let db: Db;
let admin: Actor;
const OPEN = REPORTS_PAGE_SIZE + 3;

beforeAll(async () => {
  db = testDatabase().db;
  admin = await makeAdmin(db);
  const creator = await makeCreator(db);
  const listing = await makeListing(db, creator);
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute));
  // One open report per reporter and target: each report has its own reporter.
  for (let i = 0; i < OPEN; i++) {
    // Pairs share a minute: the queue orders those by id, the same way on every page.
    const reporter = await makeUser(db);
    await db
      .insert(reports)
      .values({ reporterId: reporter.id, targetType: "listing", listingId: listing.id, reason: "spam", createdAt: at(Math.floor(i / 2)) });
  }
  for (let i = 0; i < 4; i++) {
    const reporter = await makeUser(db);
    await db.insert(reports).values({ reporterId: reporter.id, targetType: "creator", creatorId: creator.id, reason: "other", createdAt: at(50 + i) });
  }
  const reporter = await makeUser(db);
  await db
    .insert(reports)
    .values({ reporterId: reporter.id, targetType: "listing", listingId: listing.id, reason: "spam", status: "dismissed", resolvedAt: new Date() });
});

describe("reportQueue", () => {
  it("shows every open report once across the pages, oldest first, with the total", async () => {
    const first = await reportQueue(db, admin, { status: "open" }, 1);
    const second = await reportQueue(db, admin, { status: "open" }, 2);
    expect(first).toMatchObject({ page: 1, total: OPEN + 4, pageCount: 2 });
    expect(first.rows).toHaveLength(REPORTS_PAGE_SIZE);
    expect(second.rows).toHaveLength(OPEN + 4 - REPORTS_PAGE_SIZE);
    const expected = await db.select({ id: reports.id }).from(reports).where(eq(reports.status, "open")).orderBy(asc(reports.createdAt), asc(reports.id));
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it("counts and pages within the status and the target", async () => {
    expect(await reportQueue(db, admin, { status: "open", target: "creator" }, 1)).toMatchObject({ total: 4, pageCount: 1 });
    const dismissed = await reportQueue(db, admin, { status: "dismissed" }, 1);
    expect(dismissed).toMatchObject({ total: 1, pageCount: 1 });
    expect(dismissed.rows.map((r) => r.status)).toEqual(["dismissed"]);
  });

  it("a page past the end has no rows and still tells the total; a malformed page is the first", async () => {
    expect(await reportQueue(db, admin, { status: "open" }, 3)).toEqual({ rows: [], page: 3, total: OPEN + 4, pageCount: 2 });
    for (const page of ["0", "x", "1.5", "-3"]) expect(reportQueueFilterSchema.parse({ page }).page).toBeUndefined();
    expect(reportQueueFilterSchema.parse({ page: "2" })).toEqual({ status: "open", page: 2 });
  });
});

describe("reportQueue search", () => {
  it("finds reports by the listing's title, the creator's name or handle, the reporter's name or email, or the report's id", async () => {
    const creator = await makeCreator(db, { name: "Moonlit", handle: "moonlit-maker" });
    const listing = await makeListing(db, creator, { title: "Watercolor 50% off pack" });
    const reporter = await makeUser(db, { name: "Quill Reporter", email: "quill.reporter@example.test" });
    const [onListing] = await db.insert(reports).values({ reporterId: reporter.id, targetType: "listing", listingId: listing.id, reason: "spam" }).returning();
    const [onCreator] = await db.insert(reports).values({ reporterId: reporter.id, targetType: "creator", creatorId: creator.id, reason: "other" }).returning();
    const found = async (q: string, target?: "listing" | "creator") =>
      (await reportQueue(db, admin, reportQueueFilterSchema.parse({ status: "open", target, q }), 1)).rows.map((r) => r.id).sort();

    expect(await found("watercolor")).toEqual([onListing.id]);
    // The creator's name or handle finds reports about them and about their listings.
    expect(await found("moonlit")).toEqual([onListing.id, onCreator.id].sort());
    expect(await found("@MOONLIT-maker")).toEqual([onListing.id, onCreator.id].sort());
    expect(await found("moonlit", "creator")).toEqual([onCreator.id]);
    expect(await found("quill.reporter@")).toEqual([onListing.id, onCreator.id].sort());
    expect(await found("Quill", "creator")).toEqual([onCreator.id]);
    expect(await found(onListing.id)).toEqual([onListing.id]);
    // LIKE wildcards typed by the admin are matched as themselves.
    expect(await found("50%")).toEqual([onListing.id]);
    expect(await found("%")).toEqual([onListing.id]);
    expect(await found("_")).toEqual([]);
    expect(await reportQueue(db, admin, { status: "open", q: "quill" }, 1)).toMatchObject({ total: 2, pageCount: 1 });
    expect(await reportQueue(db, admin, { status: "dismissed", q: "quill" }, 1)).toMatchObject({ rows: [], total: 0 });
    // Blank or over-long searches read as what was meant.
    expect(reportQueueFilterSchema.parse({ q: "   " }).q).toBeUndefined();
    expect(reportQueueFilterSchema.parse({ q: "x".repeat(300) }).q).toHaveLength(100);
  });

  it("finds by an account's id every report it filed or that is about it, its listings or its reviews; by a listing's id, that listing's", async () => {
    const person = await makeCreator(db);
    const own = await makeListing(db, person);
    const elsewhere = await makeListing(db, await makeCreator(db));
    const buyer = await makeOwner(db, elsewhere.id, elsewhere.creatorId);
    const [review] = await db
      .insert(reviews)
      .values({ orderId: (await db.select().from(orders).where(eq(orders.buyerId, buyer.id)))[0].id, listingId: elsewhere.id, authorId: buyer.id, rating: 1 })
      .returning();
    const file = async (values: Omit<typeof reports.$inferInsert, "reason">) =>
      (
        await db
          .insert(reports)
          .values({ reason: "other", ...values })
          .returning()
      )[0].id;
    const filed = await file({ reporterId: person.id, targetType: "listing", listingId: elsewhere.id });
    const aboutThem = await file({ reporterId: (await makeUser(db)).id, targetType: "creator", creatorId: person.id });
    const aboutListing = await file({ reporterId: (await makeUser(db)).id, targetType: "listing", listingId: own.id });
    const aboutReview = await file({ reporterId: (await makeUser(db)).id, targetType: "review", reviewId: review.id, listingId: elsewhere.id });
    const ids = async (q: string) => (await reportQueue(db, admin, { status: "open", q }, 1)).rows.map((r) => r.id).sort();

    expect(await ids(person.id)).toEqual([filed, aboutThem, aboutListing].sort());
    expect(await ids(buyer.id)).toEqual([aboutReview]);
    expect(await ids(own.id)).toEqual([aboutListing]);
    expect(await ids(elsewhere.id)).toEqual([filed, aboutReview].sort());
    expect(await ids("00000000-0000-4000-8000-000000000000")).toEqual([]);
  });
});
