// The approval queue page by page: oldest first, every waiting item on exactly one page, totals under the filters.
import { asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listingVersions } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { makeAdmin, makeCreator, makeListing, makeUser, type Creator } from "@/lib/testing/fixtures";
import { approvalQueuePage, QUEUE_PAGE_SIZE, queueFilterSchema } from "./queue";

let db: Db;
let admin: Actor;
let busy: Creator;
let other: Creator;

beforeAll(async () => {
  db = testDatabase().db;
  admin = await makeAdmin(db);
  busy = await makeCreator(db);
  other = await makeCreator(db);
  const submitted: { versionId: string; at: Date }[] = [];
  for (let i = 0; i < QUEUE_PAGE_SIZE + 2; i++) {
    const listing = await makeListing(db, busy, { status: "pending_review", versions: [{ status: "pending_review" }] });
    // Three at a time share a submission time: the queue breaks those ties by id, the same way on every page.
    submitted.push({ versionId: listing.versionId, at: new Date(Date.UTC(2026, 10, 1, 8, Math.floor(i / 3))) });
  }
  for (let i = 0; i < 3; i++) {
    const listing = await makeListing(db, other, { kind: "template", status: "pending_review", versions: [{ status: "pending_review" }] });
    submitted.push({ versionId: listing.versionId, at: new Date(Date.UTC(2026, 10, 1, 7, 30 + i)) });
  }
  for (const { versionId, at } of submitted) await db.update(listingVersions).set({ submittedAt: at }).where(eq(listingVersions.id, versionId));
  expect(
    await db
      .select({ id: listingVersions.id })
      .from(listingVersions)
      .where(inArray(listingVersions.reviewStatus, ["pending_review"])),
  ).toHaveLength(30);
});

describe("approvalQueuePage", () => {
  it("shows every waiting item once across the pages, oldest first, with the total", async () => {
    const first = await approvalQueuePage(db, admin, {}, 1);
    const second = await approvalQueuePage(db, admin, {}, 2);
    expect(first).toMatchObject({ page: 1, total: 30, pageCount: 2 });
    expect(second).toMatchObject({ page: 2, total: 30, pageCount: 2 });
    expect(first.rows).toHaveLength(QUEUE_PAGE_SIZE);
    expect(second.rows).toHaveLength(5);
    const all = [...first.rows, ...second.rows];
    const expected = await db
      .select({ id: listingVersions.id })
      .from(listingVersions)
      .where(eq(listingVersions.reviewStatus, "pending_review"))
      .orderBy(asc(listingVersions.submittedAt), asc(listingVersions.id));
    expect(all.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(new Set(all.map((r) => r.id)).size).toBe(30);
    // The other creator's three were submitted an hour earlier: they lead the queue.
    expect(first.rows.slice(0, 3).map((r) => r.creatorHandle)).toEqual([other.creatorHandle, other.creatorHandle, other.creatorHandle]);
  });

  it("counts and pages within the filters", async () => {
    const byCreator = await approvalQueuePage(db, admin, { creator: other.creatorHandle.toLowerCase() }, 1);
    expect(byCreator).toMatchObject({ total: 3, pageCount: 1 });
    expect(byCreator.rows.every((r) => r.creatorHandle === other.creatorHandle)).toBe(true);
    const byKind = await approvalQueuePage(db, admin, { kind: "prompt" }, 2);
    expect(byKind).toMatchObject({ total: QUEUE_PAGE_SIZE + 2, pageCount: 2 });
    expect(byKind.rows).toHaveLength(2);
    expect(byKind.rows.every((r) => r.kind === "prompt")).toBe(true);
  });

  it("a page past the end has no rows and still tells the total", async () => {
    expect(await approvalQueuePage(db, admin, {}, 3)).toEqual({ rows: [], page: 3, total: 30, pageCount: 2 });
  });

  it("reads a malformed page as the first", () => {
    for (const page of ["0", "-1", "2.5", "abc", "1e9"]) expect(queueFilterSchema.parse({ page }).page).toBeUndefined();
    expect(queueFilterSchema.parse({ page: "2" }).page).toBe(2);
  });

  it("is refused to anyone but an admin", async () => {
    const buyer = await makeUser(db);
    for (const actor of [buyer, busy, null]) {
      await expect(approvalQueuePage(db, actor, {}, 1)).rejects.toMatchObject({ status: actor ? 403 : 401 });
    }
  });
});
