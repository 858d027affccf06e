// The home page's trending rail and category counts, checked against their definitions over the listings and orders.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { orders, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { makeCreator, makeListing, makeOrder, makeUser } from "@/lib/testing/fixtures";
import { PUBLISHED } from "./filters";
import { categoryCounts, TRENDING_DAYS, trendingListings } from "./home";

let db: Db;

beforeAll(async () => {
  db = testDatabase().db;
});

describe("trendingListings", () => {
  it("ranks published listings by the week's paid and disputed orders, then by all-time sales", async () => {
    const creator = await makeCreator(db);
    const buyers = await Promise.all(Array.from({ length: 6 }, () => makeUser(db)));
    const listing = (salesCount: number, status: "published" | "unpublished" = "published") =>
      makeListing(db, creator, { status, values: { salesCount, category: "coding" } });
    const [steady, bestseller, older, hidden, refunded] = [
      await listing(10),
      await listing(50),
      await listing(900),
      await listing(1, "unpublished"),
      await listing(1),
    ];
    const buy = async (l: Awaited<ReturnType<typeof listing>>, count: number, status: "paid" | "disputed" | "refunded" = "paid") => {
      const made = [];
      for (let i = 0; i < count; i++) made.push(await makeOrder(db, buyers[i], l, { status }));
      return made;
    };
    await buy(steady, 2);
    await makeOrder(db, buyers[2], steady, { status: "disputed" });
    await buy(bestseller, 3);
    // Older's five sales are from before the week: only one counts.
    for (const order of await buy(older, 5)) {
      await db
        .update(orders)
        .set({ paidAt: sql`now() - make_interval(days => ${TRENDING_DAYS + 1})` })
        .where(eq(orders.id, order.id));
    }
    await makeOrder(db, buyers[5], older);
    await buy(hidden, 6);
    await buy(refunded, 4, "refunded");

    const trending = await trendingListings(db);
    expect(trending.map((t) => [t.id, t.recentSales])).toEqual([
      [bestseller.id, 3],
      [steady.id, 3],
      [older.id, 1],
    ]);
  });
});

describe("categoryCounts", () => {
  it("counts each category's published listings of active creators, as counting the listings does", async () => {
    const active = await makeCreator(db);
    const suspended = await makeCreator(db);
    for (const category of ["writing", "writing", "audio", "video"]) await makeListing(db, active, { values: { category } });
    await makeListing(db, active, { status: "draft", values: { category: "video" } });
    await makeListing(db, suspended, { values: { category: "audio" } });
    await makeListing(db, suspended, { values: { category: "business" } });
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, suspended.id));

    const reference = await queryRows<{ category: string; count: number }>(
      db,
      sql`select l.category, count(*)::int as count from listings l where ${PUBLISHED} group by l.category order by count desc, l.category`,
    );
    const counts = await categoryCounts(db);
    expect(counts).toEqual(reference.map((r) => ({ category: r.category, count: Number(r.count) })));
    expect(counts.find((c) => c.category === "business")).toBeUndefined();
    expect(counts.find((c) => c.category === "writing")?.count).toBeGreaterThanOrEqual(2);
  });
});
