import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { reports } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { payout } from "@/lib/settlement/testing/fixtures";
import { makeAdmin, makeCreator, makeListing, makeOrder, makeUser, uniqueTag } from "@/lib/testing/fixtures";
import { changeUserStatus } from "./user-access";
import { searchUsers, userDetail, USERS_PAGE_SIZE } from "./users";

let db: Db;
let admin: Actor;
const tag = uniqueTag();

beforeAll(async () => {
  db = testDatabase().db;
  admin = await makeAdmin(db);
});

describe("user search", () => {
  it("finds people by email, name or creator handle (with or without @), case-insensitively", async () => {
    const byEmail = await makeUser(db, { email: `Zed.${tag}@Example.test` });
    const byName = await makeUser(db, { name: `Quentin ${tag} Blake` });
    const byHandle = await makeCreator(db, { handle: `studio-${tag}` });
    const ids = async (q: string) => (await searchUsers(db, admin, { q })).rows.map((r) => r.id);
    expect(await ids(`zed.${tag}@example`)).toEqual([byEmail.id]);
    expect(await ids(`quentin ${tag}`)).toEqual([byName.id]);
    expect(await ids(`@studio-${tag}`)).toEqual([byHandle.id]);
    expect(await ids(`STUDIO-${tag}`)).toEqual([byHandle.id]);
    expect(await ids(byName.id)).toEqual([byName.id]);
  });

  it("treats % and _ as plain characters", async () => {
    await makeUser(db, { name: `Percent ${tag}` });
    expect((await searchUsers(db, admin, { q: `%${tag}%` })).rows).toEqual([]);
  });

  it("pages through results, newest first, and filters by status and role", async () => {
    const pageTag = uniqueTag();
    for (let i = 0; i < USERS_PAGE_SIZE + 3; i++) await makeUser(db, { name: `Pager ${pageTag} ${i}` });
    const first = await searchUsers(db, admin, { q: pageTag });
    expect(first).toMatchObject({ total: USERS_PAGE_SIZE + 3, pageCount: 2, page: 1 });
    expect(first.rows).toHaveLength(USERS_PAGE_SIZE);
    const second = await searchUsers(db, admin, { q: pageTag, page: 2 });
    expect(second.rows).toHaveLength(3);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(USERS_PAGE_SIZE + 3);

    const suspended = await makeUser(db, { name: `Filter ${pageTag}`, status: "suspended" });
    expect((await searchUsers(db, admin, { q: pageTag, status: "suspended" })).rows.map((r) => r.id)).toEqual([suspended.id]);
    expect((await searchUsers(db, admin, { q: pageTag, role: "admin" })).rows).toEqual([]);
  });

  it("is refused to buyers, creators and anonymous callers", async () => {
    await expect(searchUsers(db, null)).rejects.toMatchObject({ code: "auth.unauthenticated" });
    await expect(searchUsers(db, await makeUser(db))).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(searchUsers(db, await makeCreator(db))).rejects.toMatchObject({ code: "auth.forbidden" });
  });
});

describe("user detail", () => {
  it("shows a creator's orders, listings, payouts, reports and audit history", async () => {
    const creator = await makeCreator(db, { payoutAccount: "active" });
    const listing = await makeListing(db, creator, { priceCents: 1200, title: "Their listing" });
    const seller = await makeCreator(db);
    const bought = await makeListing(db, seller, { priceCents: 700, title: "Something they bought" });
    const order = await makeOrder(db, creator, bought);
    await payout(db, creator.id, { period: "2026-01", amountCents: 960, status: "paid" });
    const reporter = await makeUser(db);
    await db.insert(reports).values({ reporterId: reporter.id, targetType: "listing", listingId: listing.id, reason: "misleading" });
    await db.insert(reports).values({ reporterId: creator.id, targetType: "listing", listingId: bought.id, reason: "broken" });
    await changeUserStatus(db, admin, { userId: creator.id, status: "suspended", reason: "Investigating" });

    const detail = await userDetail(db, admin, creator.id);
    expect(detail?.user).toMatchObject({ id: creator.id, status: "suspended", creatorHandle: creator.creatorHandle });
    expect(detail?.orders.map((o) => [o.id, o.listingTitle])).toEqual([[order.id, "Something they bought"]]);
    expect(detail?.listings.map((l) => l.title)).toEqual(["Their listing"]);
    expect(detail?.payouts.map((p) => [p.period, p.status, p.amountCents])).toEqual([["2026-01", "paid", 960]]);
    expect(detail?.reports.map((r) => [r.relation, r.reason]).sort()).toEqual([
      ["about_listing", "misleading"],
      ["filed", "broken"],
    ]);
    expect(detail?.audit.map((a) => [a.action, a.relation, a.actorEmail])).toEqual([["user.suspend", "target", admin.email]]);
  });

  it("answers null for an unknown or malformed id", async () => {
    expect(await userDetail(db, admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await userDetail(db, admin, "not-a-uuid")).toBeNull();
  });

  it("is refused to buyers, creators and anonymous callers", async () => {
    const person = await makeUser(db);
    await expect(userDetail(db, null, person.id)).rejects.toMatchObject({ code: "auth.unauthenticated" });
    await expect(userDetail(db, person, person.id)).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(userDetail(db, await makeCreator(db), person.id)).rejects.toMatchObject({ code: "auth.forbidden" });
  });
});
