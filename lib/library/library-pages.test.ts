// The library and the order history a page at a time: everything owned once across pages, title search, counts,
// and the newest-first order history by cursor, ties within one microsecond included.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { makeCreator, makeListing, makeOrder, makeUser } from "@/lib/testing/fixtures";
import { encodeOrdersCursor } from "@/lib/orders/order-cursor";
import { LIBRARY_PAGE_SIZE, libraryFilterSchema, libraryItems, libraryItemsAfter, libraryItemsPage } from "./items";
import { ORDER_HISTORY_PAGE_SIZE, orderHistory, orderHistoryPage, RECENT_ORDERS } from "./orders";

let db: Db;
let buyer: Actor;
let other: Actor;
const OWNED = LIBRARY_PAGE_SIZE + 6;
/** Owned listings with "Lantern" in the title, one of them with a LIKE wildcard in it. */
const LANTERNS = ["Lantern prompts", "Paper lantern preset", "Lantern 100% pack"];

beforeAll(async () => {
  db = testDatabase().db;
  const creator = await makeCreator(db);
  buyer = await makeUser(db);
  other = await makeUser(db);
  for (let i = 0; i < OWNED; i++) {
    const title = i < LANTERNS.length ? LANTERNS[i] : `Item ${i}`;
    // Every fifth has a newer approved version than the one bought.
    const listing = await makeListing(db, creator, { title, versions: i % 5 === 0 ? [{}, {}] : [{}] });
    await makeOrder(db, buyer, listing, { versionIndex: 0 });
    // Orders that are not in the library but are in the history.
    if (i % 7 === 0) await makeOrder(db, buyer, await makeListing(db, creator), { status: i % 2 ? "refunded" : "failed" });
  }
  await makeOrder(db, buyer, await makeListing(db, creator), { status: "expired" });
  await makeOrder(db, other, await makeListing(db, creator, { title: "Lantern of someone else" }));
  // Purchases three to a microsecond: paging must order ties by order id, not skip or repeat them.
  await db.execute(sql`update orders o set created_at = timestamptz '2026-11-01 08:00:00+00' + (n.i / 3) * interval '1 microsecond',
                                           paid_at = case when o.paid_at is null then null else timestamptz '2026-11-01 08:00:00+00' + (n.i / 3) * interval '1 microsecond' end
                       from (select id, row_number() over (order by id) - 1 as i from orders) n where n.id = o.id`);
});

describe("libraryItemsPage", () => {
  it("shows everything owned once across its pages, in the library's order, with the counts", async () => {
    const first = await libraryItemsPage(db, buyer, {});
    expect(first).toMatchObject({ page: 1, total: OWNED, owned: OWNED, pageCount: 2, updated: Math.ceil(OWNED / 5) });
    expect(first.rows).toHaveLength(LIBRARY_PAGE_SIZE);
    const second = await libraryItemsPage(db, buyer, { page: 2 });
    expect(second.rows).toHaveLength(OWNED - LIBRARY_PAGE_SIZE);
    const all = await libraryItems(db, buyer);
    expect([...first.rows, ...second.rows].map((i) => i.orderId)).toEqual(all.map((i) => i.orderId));
    expect(new Set(all.map((i) => i.orderId)).size).toBe(OWNED);
    const expected = await queryRows<{ id: string }>(
      db,
      sql`select id from orders where buyer_id = ${buyer.id} and status in ('paid', 'disputed') order by paid_at desc nulls last, id desc`,
    );
    expect(all.map((i) => i.orderId)).toEqual(expected.map((r) => r.id));
  });

  it("narrows to titles containing the search, wildcards matched as themselves, and keeps the whole library's counts", async () => {
    const found = await libraryItemsPage(db, buyer, { q: "lantern" });
    expect(found.rows.map((i) => i.title).sort()).toEqual([...LANTERNS].sort());
    expect(found).toMatchObject({ total: LANTERNS.length, owned: OWNED, pageCount: 1 });
    expect((await libraryItemsPage(db, buyer, { q: "100%" })).rows.map((i) => i.title)).toEqual(["Lantern 100% pack"]);
    expect((await libraryItemsPage(db, buyer, { q: "%" })).rows.map((i) => i.title)).toEqual(["Lantern 100% pack"]);
    expect(await libraryItemsPage(db, buyer, { q: "nothing like it" })).toMatchObject({ rows: [], total: 0, owned: OWNED });
  });

  it("narrows to what has a newer version than the one bought, alone and with a title search", async () => {
    const updated = await libraryItemsPage(db, buyer, { updated: true });
    expect(updated).toMatchObject({ total: Math.ceil(OWNED / 5), owned: OWNED, updated: Math.ceil(OWNED / 5), pageCount: 1 });
    expect(updated.rows.every((i) => i.updated)).toBe(true);
    const all = await libraryItems(db, buyer);
    expect(updated.rows.map((i) => i.orderId)).toEqual(all.filter((i) => i.updated).map((i) => i.orderId));
    // "Lantern prompts" (i = 0) is the one lantern with a newer version.
    expect((await libraryItemsPage(db, buyer, { q: "lantern", updated: true })).rows.map((i) => i.title)).toEqual(["Lantern prompts"]);
  });

  it("reads a page past the end as empty, and refuses anonymous callers", async () => {
    expect(await libraryItemsPage(db, buyer, { page: 9 })).toMatchObject({ rows: [], page: 9, total: OWNED, pageCount: 2 });
    expect(await libraryItemsPage(db, await makeUser(db), {})).toMatchObject({ rows: [], total: 0, owned: 0, updated: 0 });
    await expect(libraryItemsPage(db, null, {})).rejects.toMatchObject({ code: "auth.unauthenticated" });
  });
});

describe("libraryItemsAfter", () => {
  it("walks the whole library in its order from any page size, ties in one microsecond included", async () => {
    const all = (await libraryItems(db, buyer)).map((i) => i.orderId);
    for (const limit of [1, 7, OWNED, OWNED + 5]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await libraryItemsAfter(db, buyer, after, limit);
        expect(page).not.toBeNull();
        seen.push(...page!.items.map((i) => i.orderId));
        if (!page!.more) break;
        after = page!.items[page!.items.length - 1].orderId;
      }
      expect(seen).toEqual(all);
    }
  });

  it("walks a title search and the updated-only view as the library page narrows them, from any page size", async () => {
    for (const filter of [{ q: "lantern" }, { updated: true }, { q: "item 1", updated: true }, { q: "nothing like it" }]) {
      const expected = (await libraryItemsPage(db, buyer, filter)).rows.map((i) => i.orderId);
      for (const limit of [1, 2, 50]) {
        const seen: string[] = [];
        let after: string | null = null;
        for (;;) {
          const page = await libraryItemsAfter(db, buyer, after, limit, filter);
          seen.push(...page!.items.map((i) => i.orderId));
          if (!page!.more) break;
          after = page!.items[page!.items.length - 1].orderId;
        }
        expect(seen, JSON.stringify({ filter, limit })).toEqual(expected);
      }
    }
    // A cursor the filter leaves out still marks a place: the page goes on after it.
    const all = await libraryItems(db, buyer);
    const at = all.findIndex((i) => !i.title.toLowerCase().includes("lantern") && all.slice(0, all.indexOf(i)).some((j) => j.title.includes("Lantern")));
    const after = await libraryItemsAfter(db, buyer, all[at].orderId, 50, { q: "lantern" });
    expect(after?.items.map((i) => i.orderId)).toEqual(
      all
        .slice(at + 1)
        .filter((i) => i.title.toLowerCase().includes("lantern"))
        .map((i) => i.orderId),
    );
  });

  it("refuses a cursor that is not an order in the caller's library", async () => {
    const [refunded] = await queryRows<{ id: string }>(db, sql`select id from orders where buyer_id = ${buyer.id} and status = 'refunded' limit 1`);
    const [theirs] = await queryRows<{ id: string }>(db, sql`select id from orders where buyer_id = ${other.id} limit 1`);
    for (const after of ["nope", refunded.id, theirs.id, "00000000-0000-4000-8000-000000000000"]) {
      expect(await libraryItemsAfter(db, buyer, after, 5)).toBeNull();
    }
  });
});

describe("orderHistoryPage", () => {
  /** The buyer's orders but expired checkouts, newest first with ties by id. */
  async function expectedHistory(): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select id from orders where buyer_id = ${buyer.id} and status <> 'expired' order by created_at desc, id desc`,
    );
    return rows.map((r) => r.id);
  }

  it("shows every order but expired checkouts once across its pages, newest first, with the total", async () => {
    const expected = await expectedHistory();
    expect(expected.length).toBeGreaterThan(ORDER_HISTORY_PAGE_SIZE);
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await orderHistoryPage(db, buyer, { before });
      expect(page.total).toBe(expected.length);
      expect(page.rows.length).toBeLessThanOrEqual(ORDER_HISTORY_PAGE_SIZE);
      seen.push(...page.rows.map((r) => r.id));
      before = page.nextCursor ?? undefined;
      pages++;
    } while (before && pages < 10);
    expect(pages).toBe(Math.ceil(expected.length / ORDER_HISTORY_PAGE_SIZE));
    expect(seen).toEqual(expected);
    expect((await orderHistory(db, buyer, RECENT_ORDERS)).map((r) => r.id)).toEqual(expected.slice(0, RECENT_ORDERS));
  });

  it("reads a malformed or foreign cursor as the newest page, and a cursor past the oldest order as an empty page", async () => {
    const newest = await orderHistoryPage(db, buyer);
    for (const before of ["garbage", encodeOrdersCursor({ cursorAt: "not a time", id: "x" }), "x".repeat(500)]) {
      expect((await orderHistoryPage(db, buyer, { before })).rows.map((r) => r.id)).toEqual(newest.rows.map((r) => r.id));
    }
    const past = await orderHistoryPage(db, buyer, {
      before: encodeOrdersCursor({ cursorAt: "2000-01-01T00:00:00.000000Z", id: "00000000-0000-4000-8000-000000000000" }),
    });
    expect(past).toMatchObject({ rows: [], nextCursor: null });
  });

  it("holds only the caller's own orders and refuses anonymous callers", async () => {
    const theirs = await orderHistoryPage(db, other);
    expect(theirs.rows.map((r) => r.title)).toEqual(["Lantern of someone else"]);
    expect(theirs).toMatchObject({ total: 1, nextCursor: null });
    await expect(orderHistoryPage(db, null)).rejects.toMatchObject({ code: "auth.unauthenticated" });
  });
});

describe("libraryFilterSchema", () => {
  it("reads a blank, over-long or repeated search and a malformed page as what a person meant", () => {
    expect(libraryFilterSchema.parse({ q: "  ", page: "abc" })).toEqual({ q: undefined, page: undefined });
    expect(libraryFilterSchema.parse({ q: ` ${"a".repeat(150)} `, page: "2" })).toEqual({ q: "a".repeat(100), page: 2 });
    expect(libraryFilterSchema.parse({ q: ["one", "two"], page: "-1" })).toEqual({ q: undefined, page: undefined });
    expect(libraryFilterSchema.parse({ updated: "1" }).updated).toBe(true);
    for (const updated of ["0", "yes", ["1", "1"], undefined]) expect(libraryFilterSchema.parse({ updated }).updated).toBeUndefined();
  });
});
