import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, orders, users } from "@/db/schema";
import { actorFor, makeCreator, makeListing, makeUser } from "@/lib/testing/fixtures";
import { testDatabase } from "@/db/testing/setup";
import { creatorBalance } from "@/lib/ledger/balance";
import { ledgerInvariantViolations } from "@/lib/ledger/invariants";
import { setPaymentsDriver, type PaymentsDriver } from "@/lib/payments/driver";
import { createLocalDriver } from "@/lib/payments/local-driver";
import { payLocalSession } from "@/lib/payments/local-checkout";
import { refundOrderAsAdmin } from "./admin-refund";
import { startCheckout } from "./checkout";
import { contentRelation } from "./entitlement";

let db: Db;
const refunds: { amountCents: number; idempotencyKey: string }[] = [];
const driver: PaymentsDriver = {
  ...createLocalDriver(),
  refund: async (r) => {
    refunds.push({ amountCents: r.amountCents, idempotencyKey: r.idempotencyKey });
    return { id: `re_${refunds.length}` };
  },
};

beforeEach(() => {
  db = testDatabase().db;
  refunds.length = 0;
  setPaymentsDriver(createLocalDriver());
});
afterEach(() => setPaymentsDriver(undefined));

async function paidOrder(priceCents: number) {
  const creator = await makeCreator(db, { payoutAccount: "active" });
  const listing = await makeListing(db, creator, { priceCents });
  const buyer = await actorFor(db, (await makeUser(db)).id);
  const started = await startCheckout(db, buyer, { listingId: listing.id, successUrl: "http://x/s", cancelUrl: "http://x/c" });
  if (started.kind !== "checkout") throw new Error("expected checkout");
  await payLocalSession(db, buyer, started.url.split("/").pop()!);
  const admin = await makeUser(db, { role: "admin" });
  return { orderId: started.orderId, creator, buyer, listing, admin: await actorFor(db, admin.id) };
}

describe("admin refunds", () => {
  it("a partial then the rest: provider called with the amounts, books reversed, access ends at full refund, audited", async () => {
    const { orderId, creator, buyer, listing, admin } = await paidOrder(1000);
    await refundOrderAsAdmin(db, driver, admin, { orderId, amountCents: 250, reason: "Asked nicely" });
    expect(await contentRelation(db, buyer, listing.id)).toMatchObject({ relation: "owner" });
    expect(await creatorBalance(db, creator.id)).toBe(800 - 200);
    const result = await refundOrderAsAdmin(db, driver, admin, { orderId, reason: "Rest of it" });
    expect(result.outcome).toBe("refunded");
    expect(refunds).toEqual([
      { amountCents: 250, idempotencyKey: `refund-${orderId}-250` },
      { amountCents: 750, idempotencyKey: `refund-${orderId}-1000` },
    ]);
    expect(await contentRelation(db, buyer, listing.id)).toBeNull();
    expect(await creatorBalance(db, creator.id)).toBe(0);
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, orderId));
    expect(audits.map((a) => a.action)).toEqual(["order.refund", "order.refund"]);
    expect(await ledgerInvariantViolations(db)).toEqual([]);
  });

  it("refuses non-admins, over-refunds and refunds of refunded orders, without calling the provider", async () => {
    const { orderId, buyer, admin } = await paidOrder(500);
    await expect(refundOrderAsAdmin(db, driver, buyer, { orderId, reason: "mine" })).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(refundOrderAsAdmin(db, driver, admin, { orderId, amountCents: 501, reason: "too much" })).rejects.toMatchObject({
      code: "order.refund_too_large",
    });
    await refundOrderAsAdmin(db, driver, admin, { orderId, reason: "full" });
    await expect(refundOrderAsAdmin(db, driver, admin, { orderId, reason: "again" })).rejects.toMatchObject({ code: "order.not_refundable" });
    expect(refunds).toHaveLength(1);
    const [row] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(row).toMatchObject({ status: "refunded", refundedCents: 500 });
  });

  it("a demoted admin can no longer refund", async () => {
    const { orderId, admin } = await paidOrder(500);
    await db.update(users).set({ role: "user" }).where(eq(users.id, admin.id));
    await expect(refundOrderAsAdmin(db, driver, await actorFor(db, admin.id), { orderId, reason: "x y z" })).rejects.toMatchObject({ code: "auth.forbidden" });
  });
});
