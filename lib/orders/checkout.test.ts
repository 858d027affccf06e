// Buying: who may buy, what the order snapshots, and concurrency (double clicks, many buyers at once).
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { ledgerEntries, listings, orders, users } from "@/db/schema";
import { actorFor, makeCreator, makeListing, makeUser } from "@/lib/testing/fixtures";
import { testDatabase } from "@/db/testing/setup";
import { creatorBalance } from "@/lib/ledger/balance";
import { ledgerInvariantViolations } from "@/lib/ledger/invariants";
import { setPaymentsDriver, type PaymentsDriver } from "@/lib/payments/driver";
import { createLocalDriver } from "@/lib/payments/local-driver";
import { payLocalSession } from "@/lib/payments/local-checkout";
import { startCheckout } from "./checkout";
import { contentRelation } from "./entitlement";

let db: Db;
const urls = { successUrl: "http://localhost:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}", cancelUrl: "http://localhost:3000/l/x" };

beforeEach(() => {
  db = testDatabase().db;
  setPaymentsDriver(createLocalDriver());
});
afterEach(() => setPaymentsDriver(undefined));

async function setup(priceCents = 1000) {
  const creator = await makeCreator(db, { payoutAccount: "active" });
  const listing = await makeListing(db, creator, { priceCents });
  const buyer = await makeUser(db);
  return { creator, listing, buyer, actor: await actorFor(db, buyer.id) };
}

describe("startCheckout", () => {
  it("creates a pending order with price, 20% fee, creator share and version snapshotted from the database", async () => {
    const { listing, actor, creator } = await setup(1999);
    const result = await startCheckout(db, actor, { listingId: listing.id, ...urls });
    expect(result.kind).toBe("checkout");
    if (result.kind !== "checkout") return;
    expect(result.url).toMatch(/^\/checkout\/local\/cs_local_[0-9a-f]{24}$/);
    const [order] = await db.select().from(orders).where(eq(orders.id, result.orderId));
    expect(order).toMatchObject({
      status: "pending",
      priceCents: 1999,
      feeCents: 399,
      creatorShareCents: 1600,
      creatorId: creator.id,
      versionId: listing.versionId,
      currency: "usd",
      checkoutSessionId: result.url.split("/").pop(),
    });
    // A later price change doesn't touch the order.
    await db.update(listings).set({ priceCents: 5000 }).where(eq(listings.id, listing.id));
    const [again] = await db.select().from(orders).where(eq(orders.id, result.orderId));
    expect(again.priceCents).toBe(1999);
  });

  it("gives a free listing at once as a paid order of 0, without checkout or journal", async () => {
    const { listing, actor } = await setup(0);
    const result = await startCheckout(db, actor, { listingId: listing.id, ...urls });
    expect(result.kind).toBe("free");
    const [order] = await db.select().from(orders).where(eq(orders.id, result.orderId));
    expect(order).toMatchObject({ status: "paid", priceCents: 0, feeCents: 0, creatorShareCents: 0, checkoutSessionId: null });
    const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, order.id));
    expect(entries).toHaveLength(0);
    expect(await contentRelation(db, actor, listing.id)).toMatchObject({ relation: "owner" });
    await expect(startCheckout(db, actor, { listingId: listing.id, ...urls })).rejects.toMatchObject({ code: "order.already_owned" });
  });

  it("refuses the creator's own listing, an owned one, an unpublished one and suspended buyers", async () => {
    const { creator, listing, actor, buyer } = await setup();
    await expect(startCheckout(db, await actorFor(db, creator.id), { listingId: listing.id, ...urls })).rejects.toMatchObject({ code: "order.own_listing" });
    await expect(startCheckout(db, null, { listingId: listing.id, ...urls })).rejects.toMatchObject({ code: "auth.unauthenticated" });

    const draft = await makeListing(db, creator, { priceCents: 1000, status: "draft" });
    await expect(startCheckout(db, actor, { listingId: draft.id, ...urls })).rejects.toMatchObject({ code: "order.not_for_sale", status: 404 });

    const started = await startCheckout(db, actor, { listingId: listing.id, ...urls });
    if (started.kind !== "checkout") throw new Error("expected checkout");
    await payLocalSession(db, actor, started.url.split("/").pop()!);
    await expect(startCheckout(db, actor, { listingId: listing.id, ...urls })).rejects.toMatchObject({ code: "order.already_owned" });

    await db.update(users).set({ status: "suspended" }).where(eq(users.id, buyer.id));
    const other = await makeListing(db, creator, { priceCents: 1000 });
    await expect(startCheckout(db, await actorFor(db, buyer.id), { listingId: other.id, ...urls })).rejects.toMatchObject({ code: "auth.suspended" });
  });

  it("a double click opens one order and one checkout", async () => {
    const { listing, actor } = await setup();
    const [a, b] = await Promise.all([
      startCheckout(db, actor, { listingId: listing.id, ...urls }),
      startCheckout(db, actor, { listingId: listing.id, ...urls }),
    ]);
    expect(a.orderId).toBe(b.orderId);
    const rows = await db
      .select()
      .from(orders)
      .where(and(eq(orders.listingId, listing.id), eq(orders.buyerId, actor.id)));
    expect(rows).toHaveLength(1);
  });

  it("marks the order failed and says so when the checkout can't be opened", async () => {
    const { listing, actor } = await setup();
    const broken: PaymentsDriver = { ...createLocalDriver(), createCheckoutSession: async () => Promise.reject(new Error("network down")) };
    setPaymentsDriver(broken);
    await expect(startCheckout(db, actor, { listingId: listing.id, ...urls })).rejects.toMatchObject({ code: "order.checkout_unavailable", status: 502 });
    const [order] = await db.select().from(orders).where(eq(orders.listingId, listing.id));
    expect(order.status).toBe("failed");
  });

  it("50 different buyers buying at once get 50 correct orders and the books balance", async () => {
    const creator = await makeCreator(db, { payoutAccount: "active" });
    const listing = await makeListing(db, creator, { priceCents: 1250 });
    const buyers = await Promise.all(Array.from({ length: 50 }, () => makeUser(db)));
    const actors = await Promise.all(buyers.map((b) => actorFor(db, b.id)));
    await Promise.all(
      actors.map(async (actor) => {
        const started = await startCheckout(db, actor, { listingId: listing.id, ...urls });
        if (started.kind !== "checkout") throw new Error("expected checkout");
        await payLocalSession(db, actor, started.url.split("/").pop()!);
      }),
    );
    const paid = await db
      .select()
      .from(orders)
      .where(and(eq(orders.listingId, listing.id), eq(orders.status, "paid")));
    expect(paid).toHaveLength(50);
    expect(new Set(paid.map((o) => o.buyerId)).size).toBe(50);
    for (const o of paid) expect(o).toMatchObject({ priceCents: 1250, feeCents: 250, creatorShareCents: 1000 });
    expect(await creatorBalance(db, creator.id)).toBe(50 * 1000);
    const [row] = await db.select({ sales: listings.salesCount }).from(listings).where(eq(listings.id, listing.id));
    expect(row.sales).toBe(50);
    const [journals] = await db
      .select({ n: sql<number>`count(distinct journal_id)::int` })
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.kind, "sale"),
          inArray(
            ledgerEntries.orderId,
            paid.map((o) => o.id),
          ),
        ),
      );
    expect(journals.n).toBe(50);
    expect(await ledgerInvariantViolations(db)).toEqual([]);
  });
});
