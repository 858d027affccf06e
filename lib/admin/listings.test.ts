// The admin's list of every listing: any status, found by title, creator or id, one creator's, a page at a time.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { makeAdmin, makeCreator, makeListing, makeUser, type Creator } from "@/lib/testing/fixtures";
import { ADMIN_LISTINGS_PAGE_SIZE, adminListingsFilterSchema, adminListingsPage } from "./listings";

let db: Db;
let admin: Actor;
let quill: Creator;
let other: Creator;
const STATUSES = ["published", "draft", "pending_review", "rejected", "unpublished", "removed"] as const;

beforeAll(async () => {
  db = testDatabase().db;
  admin = await makeAdmin(db);
  quill = await makeCreator(db, { name: "Quill", handle: "quill-press" });
  other = await makeCreator(db, { name: "Other" });
  // 30 listings by Quill in every status, 3 by another creator; created three to a second (ties ordered by id).
  for (let i = 0; i < 30; i++)
    await makeListing(db, quill, { status: STATUSES[i % STATUSES.length], title: i === 0 ? "Lighthouse 100% pack" : `Quill item ${i}` });
  for (let i = 0; i < 3; i++) await makeListing(db, other, { title: `Other item ${i}` });
  await db.execute(sql`update listings l set created_at = timestamptz '2026-11-01 08:00:00+00' + (n.i / 3) * interval '1 second'
                       from (select id, row_number() over (order by id) - 1 as i from listings) n where n.id = l.id`);
});

describe("adminListingsPage", () => {
  it("lists every listing in any status once across its pages, newest first", async () => {
    const first = await adminListingsPage(db, admin, {});
    const second = await adminListingsPage(db, admin, { page: 2 });
    expect(first).toMatchObject({ total: 33, pageCount: 2 });
    expect(first.rows).toHaveLength(ADMIN_LISTINGS_PAGE_SIZE);
    const expected = await queryRows<{ id: string }>(db, sql`select id from listings order by created_at desc, id desc`);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(new Set(first.rows.map((r) => r.status)).size).toBe(STATUSES.length);
  });

  it("finds by title, creator name or @handle, or id, within a status and a creator", async () => {
    const titles = async (filter: Record<string, string>) =>
      (await adminListingsPage(db, admin, adminListingsFilterSchema.parse(filter))).rows.map((r) => r.title).sort();
    expect(await titles({ q: "lighthouse" })).toEqual(["Lighthouse 100% pack"]);
    expect(await titles({ q: "100%" })).toEqual(["Lighthouse 100% pack"]);
    expect((await titles({ q: "@QUILL-press" })).length).toBe(25);
    expect((await adminListingsPage(db, admin, { q: "quill" })).total).toBe(30);
    expect(await titles({ q: "other", status: "published" })).toEqual(["Other item 0", "Other item 1", "Other item 2"]);
    expect((await adminListingsPage(db, admin, { status: "removed" })).total).toBe(5);
    expect((await adminListingsPage(db, admin, { creator: other.id })).rows.map((r) => r.creatorHandle)).toEqual(Array(3).fill(other.creatorHandle));
    const [one] = await queryRows<{ id: string }>(db, sql`select id from listings where title = 'Quill item 7'`);
    expect(await titles({ q: one.id })).toEqual(["Quill item 7"]);
  });

  it("reads malformed filters as none, a page past the end as empty, and refuses anyone but an admin", async () => {
    expect(adminListingsFilterSchema.parse({ status: "sold", creator: "nope", page: "x", q: "  " })).toEqual({});
    expect(await adminListingsPage(db, admin, { page: 5 })).toMatchObject({ rows: [], total: 33, pageCount: 2 });
    for (const actor of [await makeUser(db), quill, null]) {
      await expect(adminListingsPage(db, actor, {})).rejects.toMatchObject({ status: actor ? 403 : 401 });
    }
  });
});
