// Exactly-once webhook effects under duplicates, races, reordering and forged signatures.
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { emailOutbox, ledgerEntries, listings, orders, reviews, type Order } from "@/db/schema";
import { actorFor, makeCreator, makeListing, makeUser, orderValues } from "@/lib/testing/fixtures";
import { testDatabase } from "@/db/testing/setup";
import { creatorBalance } from "@/lib/ledger/balance";
import { ledgerInvariantViolations } from "@/lib/ledger/invariants";
import { confirmCheckout } from "@/lib/orders/confirm";
import { createReview } from "@/lib/reviews/write";
import type { PaymentsDriver } from "./driver";
import { setPaymentsDriver } from "./driver";
import { createLocalDriver } from "./local-driver";
import { chargeObject, checkoutSessionObject, localEvent } from "./local-events";
import { countStripeEvents, deliverSignedEvent, signWebhookPayload } from "./testing/webhook-delivery";
import { receiveStripeWebhook } from "./webhook";

let db: Db;

async function pendingOrder(priceCents = 1000): Promise<Order> {
  const creator = await makeCreator(db, { payoutAccount: "active" });
  const buyer = await makeUser(db);
  const listing = await makeListing(db, creator, { priceCents });
  const [order] = await db
    .insert(orders)
    .values({ ...orderValues(buyer.id, listing, priceCents), checkoutSessionId: `cs_test_${listing.id.slice(0, 8)}` })
    .returning();
  return order;
}

async function reload(order: Order) {
  const [row] = await db.select().from(orders).where(eq(orders.id, order.id));
  return row;
}

async function journalsFor(orderId: string) {
  const rows = await db.select({ journalId: ledgerEntries.journalId, kind: ledgerEntries.kind }).from(ledgerEntries).where(eq(ledgerEntries.orderId, orderId));
  return [...new Map(rows.map((r) => [r.journalId, r.kind])).values()];
}

async function countEntries() {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(ledgerEntries);
  return row.n;
}

async function expectBooksBalanced() {
  expect(await ledgerInvariantViolations(db)).toEqual([]);
}

beforeEach(() => {
  db = testDatabase().db;
  setPaymentsDriver(createLocalDriver());
});
afterEach(() => setPaymentsDriver(undefined));

describe("checkout.session.completed", () => {
  it("pays the order once and books buyers −1000, creator +800, platform +200", async () => {
    const order = await pendingOrder(1000);
    const res = await deliverSignedEvent(localEvent("checkout.session.completed", checkoutSessionObject(order, "paid")));
    expect(res.status).toBe(200);
    const paid = await reload(order);
    expect(paid.status).toBe("paid");
    expect(paid.paymentIntentId).toMatch(/^pi_local_/);
    expect(await journalsFor(order.id)).toEqual(["sale"]);
    expect(await creatorBalance(db, order.creatorId)).toBe(800);
    const [listing] = await db.select({ salesCount: listings.salesCount }).from(listings).where(eq(listings.id, order.listingId));
    expect(listing.salesCount).toBe(1);
    // The search projection follows the counter (its cheap counters-only path).
    const [projected] = await queryRows<{ sales_count: number }>(db, sql`select sales_count from listing_search where listing_id = ${order.listingId}`);
    expect(Number(projected.sales_count)).toBe(1);
    await expectBooksBalanced();
  });

  it("1,000 deliveries of the same event at 100 at a time: every answer 200, one paid order, one journal", async () => {
    const order = await pendingOrder(2500);
    const payload = JSON.stringify(localEvent("checkout.session.completed", checkoutSessionObject(order, "paid")));
    const header = signWebhookPayload(payload);
    const eventsBefore = await countStripeEvents(db);
    const statuses: number[] = [];
    for (let wave = 0; wave < 10; wave++) {
      const results = await Promise.all(Array.from({ length: 100 }, () => receiveStripeWebhook(payload, header)));
      statuses.push(...results.map((r) => r.status));
    }
    expect(statuses).toHaveLength(1000);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect((await reload(order)).status).toBe("paid");
    expect(await journalsFor(order.id)).toEqual(["sale"]);
    expect(await countStripeEvents(db)).toBe(eventsBefore + 1);
    expect(await creatorBalance(db, order.creatorId)).toBe(2000);
    await expectBooksBalanced();
  });

  it("50 success-page fulfilments racing 50 webhook deliveries fulfil once", async () => {
    const order = await pendingOrder(1500);
    const buyer = await actorFor(db, order.buyerId);
    const paidSession: PaymentsDriver = {
      ...createLocalDriver(),
      retrieveCheckoutSession: async (id) => ({
        id,
        orderId: order.id,
        paymentStatus: "paid",
        status: "complete",
        paymentIntentId: "pi_race",
        amountTotal: 1500,
        currency: "usd",
        url: null,
      }),
    };
    setPaymentsDriver(paidSession);
    const session = { ...checkoutSessionObject(order, "paid"), payment_intent: "pi_race" };
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      work.push(confirmCheckout(db, paidSession, buyer, order.checkoutSessionId!));
      // Distinct event ids: Stripe may send the same fact as different events.
      work.push(deliverSignedEvent(localEvent("checkout.session.completed", session)));
    }
    const results = await Promise.all(work);
    for (const r of results.filter((x): x is { status: number } => typeof (x as { status?: unknown }).status === "number")) expect(r.status).toBe(200);
    expect((await reload(order)).status).toBe("paid");
    expect(await journalsFor(order.id)).toEqual(["sale"]);
    expect(await creatorBalance(db, order.creatorId)).toBe(1200);
    await expectBooksBalanced();
  });

  /** Two pending checkouts of one buyer for one listing (two tabs), both about to be paid. */
  async function twoTabs(priceCents = 1000): Promise<[Order, Order]> {
    const first = await pendingOrder(priceCents);
    const [second] = await db
      .insert(orders)
      .values({
        ...orderValues(first.buyerId, { id: first.listingId, creatorId: first.creatorId, versionId: first.versionId }, priceCents),
        checkoutSessionId: `${first.checkoutSessionId}_tab2`,
      })
      .returning();
    return [first, second];
  }

  async function expectOneEntitlementAndOneFullRefund(pair: Order[]) {
    const rows = await Promise.all(pair.map(reload));
    expect(rows.map((r) => r.status).sort()).toEqual(["paid", "refunded"]);
    const refunded = rows.find((r) => r.status === "refunded")!;
    expect(refunded.refundedCents).toBe(refunded.priceCents);
    expect((await journalsFor(refunded.id)).sort()).toEqual(["refund", "sale"]);
    const [listing] = await db.select({ salesCount: listings.salesCount }).from(listings).where(eq(listings.id, pair[0].listingId));
    expect(listing.salesCount).toBe(1);
    expect(await creatorBalance(db, pair[0].creatorId)).toBe(800);
    // The buyer is told the second payment came back; the creator, who never saw that sale, is not.
    const refundMails = await db
      .select({ template: emailOutbox.template, userId: emailOutbox.userId })
      .from(emailOutbox)
      .where(sql`${emailOutbox.template} like 'refund_%' and ${emailOutbox.data}->>'orderId' in (${pair[0].id}, ${pair[1].id})`);
    expect(refundMails).toEqual([{ template: "refund_buyer", userId: refunded.buyerId }]);
  }

  it("a second payment for a listing the buyer already owns is booked and refunded in full", async () => {
    const pair = await twoTabs(1000);
    for (const order of pair)
      expect((await deliverSignedEvent(localEvent("checkout.session.completed", checkoutSessionObject(order, "paid")))).status).toBe(200);
    await expectOneEntitlementAndOneFullRefund(pair);
    expect((await reload(pair[0])).status).toBe("paid");
    await expectBooksBalanced();
  });

  it("both tabs' payments arriving at the same instant: one entitlement, the other refunded, every answer 200", async () => {
    for (let round = 0; round < 10; round++) {
      const pair = await twoTabs(1000);
      const results = await Promise.all(
        pair.map((order) => deliverSignedEvent(localEvent("checkout.session.completed", checkoutSessionObject(order, "paid")))),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      await expectOneEntitlementAndOneFullRefund(pair);
    }
    await expectBooksBalanced();
  });

  it("both tabs' success pages at the same instant: one entitlement, the other refunded", async () => {
    for (let round = 0; round < 10; round++) {
      const pair = await twoTabs(1000);
      const buyer = await actorFor(db, pair[0].buyerId);
      const paidSessions: PaymentsDriver = {
        ...createLocalDriver(),
        retrieveCheckoutSession: async (id) => {
          const order = pair.find((o) => o.checkoutSessionId === id)!;
          return {
            id,
            orderId: order.id,
            paymentStatus: "paid",
            status: "complete",
            paymentIntentId: `pi_tab_${order.id}`,
            amountTotal: 1000,
            currency: "usd",
            url: null,
          };
        },
      };
      setPaymentsDriver(paidSessions);
      const receipts = await Promise.all(pair.map((o) => confirmCheckout(db, paidSessions, buyer, o.checkoutSessionId!)));
      expect(receipts.map((r) => r.order.status).sort()).toEqual(["paid", "refunded"]);
      await expectOneEntitlementAndOneFullRefund(pair);
    }
    await expectBooksBalanced();
  });

  it("unpaid completion waits; async_payment_succeeded then fulfils", async () => {
    const order = await pendingOrder();
    await deliverSignedEvent(localEvent("checkout.session.completed", checkoutSessionObject(order, "unpaid")));
    expect((await reload(order)).status).toBe("pending");
    expect(await journalsFor(order.id)).toEqual([]);
    await deliverSignedEvent(localEvent("checkout.session.async_payment_succeeded", checkoutSessionObject(order, "paid")));
    expect((await reload(order)).status).toBe("paid");
    expect(await journalsFor(order.id)).toEqual(["sale"]);
    await expectBooksBalanced();
  });

  it("async_payment_succeeded before completed converges to one paid order", async () => {
    const order = await pendingOrder();
    await deliverSignedEvent(localEvent("checkout.session.async_payment_succeeded", checkoutSessionObject(order, "paid")));
    await deliverSignedEvent(localEvent("checkout.session.completed", checkoutSessionObject(order, "paid")));
    expect((await reload(order)).status).toBe("paid");
    expect(await journalsFor(order.id)).toEqual(["sale"]);
    await expectBooksBalanced();
  });

  it("a refund arriving before completion still ends refunded, with sale and reversal booked", async () => {
    const order = await pendingOrder(1000);
    await deliverSignedEvent(localEvent("charge.refunded", chargeObject(order, 1000)));
    await deliverSignedEvent(localEvent("checkout.session.completed", checkoutSessionObject(order, "paid")));
    const final = await reload(order);
    expect(final.status).toBe("refunded");
    expect(final.refundedCents).toBe(1000);
    expect((await journalsFor(order.id)).sort()).toEqual(["refund", "sale"]);
    expect(await creatorBalance(db, order.creatorId)).toBe(0);
    await expectBooksBalanced();
  });

  it("async failure and expiry close a pending order without touching the books", async () => {
    const failed = await pendingOrder();
    await deliverSignedEvent(localEvent("checkout.session.completed", checkoutSessionObject(failed, "unpaid")));
    await deliverSignedEvent(localEvent("checkout.session.async_payment_failed", checkoutSessionObject(failed, "unpaid")));
    expect((await reload(failed)).status).toBe("failed");
    const expired = await pendingOrder();
    await deliverSignedEvent(localEvent("checkout.session.expired", checkoutSessionObject(expired, "unpaid", "expired")));
    expect((await reload(expired)).status).toBe("expired");
    // A late success for an expired session doesn't resurrect it.
    await deliverSignedEvent(localEvent("checkout.session.completed", checkoutSessionObject(expired, "paid")));
    expect((await reload(expired)).status).toBe("expired");
    expect(await journalsFor(failed.id)).toEqual([]);
    expect(await journalsFor(expired.id)).toEqual([]);
  });

  it("refuses to fulfil when the paid amount differs from the order", async () => {
    const order = await pendingOrder(1000);
    await deliverSignedEvent(localEvent("checkout.session.completed", { ...checkoutSessionObject(order, "paid"), amount_total: 1 }));
    expect((await reload(order)).status).toBe("pending");
  });
});

describe("refunds and disputes", () => {
  it("partial then full refunds reverse exactly the refunded part, and a full refund ends the entitlement", async () => {
    const order = await pendingOrder(999);
    await deliverSignedEvent(localEvent("checkout.session.completed", checkoutSessionObject(order, "paid")));
    expect(await creatorBalance(db, order.creatorId)).toBe(800);
    await deliverSignedEvent(localEvent("charge.refunded", chargeObject(order, 333)));
    let row = await reload(order);
    expect(row).toMatchObject({ status: "paid", refundedCents: 333 });
    // Same cumulative amount again (a redelivery as a new event): nothing more happens.
    await deliverSignedEvent(localEvent("charge.refunded", chargeObject(order, 333)));
    await deliverSignedEvent(localEvent("charge.refunded", chargeObject(order, 999)));
    row = await reload(order);
    expect(row).toMatchObject({ status: "refunded", refundedCents: 999 });
    expect(await creatorBalance(db, order.creatorId)).toBe(0);
    await expectBooksBalanced();
  });

  it("a full refund withdraws the buyer's review from the listing's rating", async () => {
    const order = await pendingOrder(1000);
    await deliverSignedEvent(localEvent("checkout.session.completed", checkoutSessionObject(order, "paid")));
    await createReview(db, await actorFor(db, order.buyerId), { listingId: order.listingId, rating: 5, body: "Great" });
    const rating = async () =>
      (await db.select({ count: listings.ratingCount, sum: listings.ratingSum }).from(listings).where(eq(listings.id, order.listingId)))[0];
    expect(await rating()).toEqual({ count: 1, sum: 5 });
    await deliverSignedEvent(localEvent("charge.refunded", chargeObject(order, 1000)));
    expect(await rating()).toEqual({ count: 0, sum: 0 });
    const [review] = await db.select().from(reviews).where(eq(reviews.orderId, order.id));
    expect(review.hiddenAt).not.toBeNull();
  });

  it("a dispute keeps access; won returns to paid, lost reverses like a refund", async () => {
    const won = await pendingOrder(2000);
    await deliverSignedEvent(localEvent("checkout.session.completed", checkoutSessionObject(won, "paid")));
    const dispute = (o: Order, status: string) => ({
      id: `dp_${o.id.slice(0, 8)}`,
      object: "dispute",
      charge: `ch_x`,
      payment_intent: null,
      status,
      metadata: { order_id: o.id },
    });
    await deliverSignedEvent(localEvent("charge.dispute.created", dispute(won, "needs_response")));
    expect((await reload(won)).status).toBe("disputed");
    await deliverSignedEvent(localEvent("charge.dispute.closed", dispute(won, "won")));
    expect((await reload(won)).status).toBe("paid");

    const lost = await pendingOrder(2000);
    await deliverSignedEvent(localEvent("checkout.session.completed", checkoutSessionObject(lost, "paid")));
    await deliverSignedEvent(localEvent("charge.dispute.created", dispute(lost, "needs_response")));
    await deliverSignedEvent(localEvent("charge.dispute.closed", dispute(lost, "lost")));
    expect(await reload(lost)).toMatchObject({ status: "refunded", refundedCents: 2000 });
    expect(await creatorBalance(db, lost.creatorId)).toBe(0);
    await expectBooksBalanced();
  });

  it("a refund for a payment nobody knows yet is answered 500 so Stripe retries, and nothing is stored", async () => {
    const eventsBefore = await countStripeEvents(db);
    const res = await deliverSignedEvent(
      localEvent("charge.refunded", {
        id: "ch_unknown",
        object: "charge",
        amount: 500,
        amount_refunded: 500,
        currency: "usd",
        payment_intent: "pi_unknown",
        metadata: {},
      }),
    );
    expect(res.status).toBe(500);
    expect(await countStripeEvents(db)).toBe(eventsBefore);
  });

  it("unknown event types are acknowledged and recorded", async () => {
    const res = await deliverSignedEvent(localEvent("customer.created", { id: "cus_1", object: "customer" }));
    expect(res).toMatchObject({ status: 200, body: { received: true, handled: false } });
  });
});

describe("signature attacks are refused with 400 and write nothing", () => {
  it.each([
    ["one byte changed", (p: string, h: string) => [p.replace('"paid"', '"pai d"'), h]],
    ["wrong secret", (p: string) => [p, signWebhookPayload(p, { secret: "whsec_wrong" })]],
    ["timestamp 301 s old", (p: string) => [p, signWebhookPayload(p, { timestamp: Math.floor(Date.now() / 1000) - 301 })]],
    ["missing header", (p: string) => [p, null]],
    ["re-serialised JSON", (p: string, h: string) => [JSON.stringify(JSON.parse(p), null, 2), h]],
  ] as const)("%s", async (_name, tamper) => {
    const order = await pendingOrder();
    const payload = JSON.stringify(localEvent("checkout.session.completed", checkoutSessionObject(order, "paid")));
    const [body, header] = tamper(payload, signWebhookPayload(payload)) as [string, string | null];
    const [eventsBefore, entriesBefore] = [await countStripeEvents(db), await countEntries()];
    const res = await receiveStripeWebhook(body, header);
    expect(res.status).toBe(400);
    expect((await reload(order)).status).toBe("pending");
    expect(await countStripeEvents(db)).toBe(eventsBefore);
    expect(await countEntries()).toBe(entriesBefore);
  });
});
