// The admin's order list a page at a time: newest first, every order once, ties in the same microsecond by id.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { makeAdmin, makeCreator, makeListing, makeOrder, makeUser } from "@/lib/testing/fixtures";
import { adminListingTitle } from "@/lib/admin/listing-detail";
import { ADMIN_ORDERS_PAGE_SIZE, listOrdersForAdmin } from "./admin-orders";
import { encodeOrdersCursor } from "./order-cursor";

let db: Db;
let admin: Actor;
const ORDERS = ADMIN_ORDERS_PAGE_SIZE + 5;

beforeAll(async () => {
  db = testDatabase().db;
  admin = await makeAdmin(db);
  const creator = await makeCreator(db);
  const listing = await makeListing(db, creator);
  for (let i = 0; i < ORDERS; i++) {
    const buyer = await makeUser(db);
    await makeOrder(db, buyer, listing, { status: i % 6 === 0 ? "refunded" : "paid" });
  }
  // Three orders to a microsecond, neighbours one microsecond apart: a cursor kept to the millisecond would skip or repeat them.
  await db.execute(sql`update orders o set created_at = timestamptz '2026-11-01 08:00:00+00' + (n.i / 3) * interval '1 microsecond'
                       from (select id, row_number() over (order by id) - 1 as i from orders) n where n.id = o.id`);
});

/** Every order id, newest first with ties by id, as the list must show them. */
async function expectedOrder(status?: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from orders where (${status ?? null}::text is null or status::text = ${status ?? null}) order by created_at desc, id desc`,
  );
  return rows.map((r) => r.id);
}

describe("listOrdersForAdmin", () => {
  it("shows every order once across the pages, newest first", async () => {
    const first = await listOrdersForAdmin(db, admin, {});
    expect(first.rows).toHaveLength(ADMIN_ORDERS_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listOrdersForAdmin(db, admin, { before: first.nextCursor! });
    expect(second.rows).toHaveLength(ORDERS - ADMIN_ORDERS_PAGE_SIZE);
    expect(second.nextCursor).toBeNull();
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(await expectedOrder());
    expect(first.rows[0]).toMatchObject({
      status: expect.any(String),
      priceCents: 500,
      buyerEmail: expect.stringContaining("@"),
      listingSlug: expect.any(String),
    });
  });

  it("pages within a status filter", async () => {
    const refunded = await expectedOrder("refunded");
    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await listOrdersForAdmin(db, admin, { status: "refunded", before, limit: 2 });
      seen.push(...page.rows.map((r) => r.id));
      before = page.nextCursor ?? undefined;
    } while (before);
    expect(refunded.length).toBe(Math.ceil(ORDERS / 6));
    expect(seen).toEqual(refunded);
  });

  it("reads a malformed or foreign cursor as the newest orders", async () => {
    const newest = (await listOrdersForAdmin(db, admin, {})).rows.map((r) => r.id);
    const foreign = Buffer.from(JSON.stringify(["yesterday", "1; drop table orders"])).toString("base64url");
    for (const before of ["not-a-cursor", foreign, "x".repeat(500)]) {
      expect((await listOrdersForAdmin(db, admin, { before })).rows.map((r) => r.id)).toEqual(newest);
    }
    // A well-formed cursor past the oldest order: an empty page, not an error.
    const oldest = encodeOrdersCursor({ cursorAt: "2000-01-01T00:00:00.000000Z", id: "00000000-0000-4000-8000-000000000000" });
    expect(await listOrdersForAdmin(db, admin, { before: oldest })).toEqual({ rows: [], nextCursor: null });
  });

  it("pages through one buyer's orders alone, and reads an id that is not one as no orders", async () => {
    const creator = await makeCreator(db);
    const buyer = await makeUser(db);
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) mine.push((await makeOrder(db, buyer, await makeListing(db, creator))).id);
    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await listOrdersForAdmin(db, admin, { buyer: buyer.id, before, limit: 2 });
      expect(page.rows.every((r) => r.buyerEmail === buyer.email)).toBe(true);
      seen.push(...page.rows.map((r) => r.id));
      before = page.nextCursor ?? undefined;
    } while (before);
    const expected = await queryRows<{ id: string }>(db, sql`select id from orders where buyer_id = ${buyer.id} order by created_at desc, id desc`);
    expect(seen).toEqual(expected.map((r) => r.id));
    expect([...seen].sort()).toEqual([...mine].sort());
    expect(await listOrdersForAdmin(db, admin, { buyer: "not-an-id" })).toEqual({ rows: [], nextCursor: null });
  });

  it("pages through one listing's orders alone, with a status, and reads an id that is not one as no orders", async () => {
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, { title: "Orders of one listing" });
    const other = await makeListing(db, creator);
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) mine.push((await makeOrder(db, await makeUser(db), listing, { status: i === 0 ? "refunded" : "paid" })).id);
    await makeOrder(db, await makeUser(db), other);
    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await listOrdersForAdmin(db, admin, { listing: listing.id, before, limit: 2 });
      expect(page.rows.every((r) => r.listingTitle === "Orders of one listing")).toBe(true);
      seen.push(...page.rows.map((r) => r.id));
      before = page.nextCursor ?? undefined;
    } while (before);
    const expected = await queryRows<{ id: string }>(db, sql`select id from orders where listing_id = ${listing.id} order by created_at desc, id desc`);
    expect(seen).toEqual(expected.map((r) => r.id));
    expect([...seen].sort()).toEqual([...mine].sort());
    expect((await listOrdersForAdmin(db, admin, { listing: listing.id, status: "refunded" })).rows.map((r) => r.id)).toEqual([mine[0]]);
    expect(await listOrdersForAdmin(db, admin, { listing: "not-an-id" })).toEqual({ rows: [], nextCursor: null });
    expect(await adminListingTitle(db, admin, listing.id)).toBe("Orders of one listing");
    expect(await adminListingTitle(db, admin, "not-an-id")).toBeNull();
    await expect(adminListingTitle(db, await makeUser(db), listing.id)).rejects.toMatchObject({ status: 403 });
  });

  it("is refused to anyone but an admin", async () => {
    const buyer = await makeUser(db);
    for (const actor of [buyer, null]) {
      await expect(listOrdersForAdmin(db, actor, {})).rejects.toMatchObject({ status: actor ? 403 : 401 });
    }
  });
});
