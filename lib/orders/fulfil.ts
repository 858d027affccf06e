// Fulfilment: a pending order becomes paid exactly once, with its sale journal, whoever gets there first.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listings, orders, type Order } from "@/db/schema";
import { postJournal, saleLines } from "@/lib/ledger/journal";
import { notify } from "@/lib/notifications/notifications";
import { formatPrice } from "@/lib/orders/pricing";

export type FulfilResult = { outcome: "fulfilled"; order: Order } | { outcome: "already"; order: Order } | { outcome: "not_found" };

function isEntitlementConflict(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const err = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown; message?: unknown };
    if (err.code === "23505" && String(err.constraint_name ?? err.constraint ?? err.message ?? "").includes("orders_one_entitlement_key")) return true;
  }
  return false;
}

/** Marks the sale in the books: journal, sales count and the creator's notification. */
async function recordSale(tx: Db, order: Order) {
  await postJournal(tx, { kind: "sale", orderId: order.id, currency: order.currency, lines: saleLines(order) });
  const [listing] = await tx.select({ title: listings.title }).from(listings).where(eq(listings.id, order.listingId));
  await notify(tx, {
    userId: order.creatorId,
    type: "sale",
    title: order.priceCents > 0 ? `You sold “${listing?.title}” for ${formatPrice(order.priceCents, order.currency)}` : `Someone got “${listing?.title}”`,
    body: order.priceCents > 0 ? `You earn ${formatPrice(order.creatorShareCents, order.currency)} from this sale.` : "",
    link: "/dashboard",
    data: { orderId: order.id },
  });
  // Last, so the listing row (hot for a popular listing) stays locked only until commit.
  await tx
    .update(listings)
    .set({ salesCount: sql`${listings.salesCount} + 1` })
    .where(eq(listings.id, order.listingId));
}

/**
 * Moves a pending order to paid (idempotent). Safe to race: the conditional update lets exactly one
 * caller through; the others see "already". Must run inside a transaction.
 */
export async function fulfilOrder(
  tx: Db,
  input: { orderId: string; paymentIntentId?: string | null; chargeId?: string | null; paidAt?: Date },
): Promise<FulfilResult> {
  const paidAt = input.paidAt ?? new Date();
  let moved: Order | undefined;
  try {
    // A savepoint, so an entitlement conflict leaves the outer transaction usable.
    moved = await tx.transaction(async (sp) => {
      const [row] = await sp
        .update(orders)
        .set({
          status: "paid",
          paidAt,
          paymentIntentId: input.paymentIntentId ? input.paymentIntentId : sql`${orders.paymentIntentId}`,
          chargeId: input.chargeId ? input.chargeId : sql`${orders.chargeId}`,
        })
        .where(and(eq(orders.id, input.orderId), eq(orders.status, "pending")))
        .returning();
      return row;
    });
  } catch (error) {
    if (!isEntitlementConflict(error)) throw error;
    return settleDuplicatePurchase(tx, input.orderId, input.paymentIntentId ?? null, paidAt);
  }
  if (moved) {
    await recordSale(tx, moved);
    return { outcome: "fulfilled", order: moved };
  }
  const [current] = await tx.select().from(orders).where(eq(orders.id, input.orderId)).limit(1);
  if (!current) return { outcome: "not_found" };
  // Remember the payment ids even when the order moved on first (e.g. refund before completion).
  if ((input.paymentIntentId && !current.paymentIntentId) || (input.chargeId && !current.chargeId)) {
    await tx
      .update(orders)
      .set({ paymentIntentId: current.paymentIntentId ?? input.paymentIntentId ?? null, chargeId: current.chargeId ?? input.chargeId ?? null })
      .where(eq(orders.id, current.id));
  }
  return { outcome: "already", order: current };
}

/**
 * The buyer paid twice for something they already own (two checkouts in two tabs). The second
 * payment is booked and refunded in full, so the buyer keeps one entitlement and all their money.
 */
async function settleDuplicatePurchase(tx: Db, orderId: string, paymentIntentId: string | null, paidAt: Date): Promise<FulfilResult> {
  const [order] = await tx
    .update(orders)
    .set({ status: "refunded", paidAt, refundedAt: paidAt, paymentIntentId: paymentIntentId ?? sql`${orders.paymentIntentId}` })
    .where(and(eq(orders.id, orderId), eq(orders.status, "pending")))
    .returning();
  if (!order) return { outcome: "not_found" };
  await tx.update(orders).set({ refundedCents: order.priceCents }).where(eq(orders.id, order.id));
  const lines = saleLines(order);
  await postJournal(tx, { kind: "sale", orderId: order.id, currency: order.currency, lines });
  await postJournal(tx, { kind: "refund", orderId: order.id, currency: order.currency, lines: lines.map((l) => ({ ...l, amountCents: -l.amountCents })) });
  if (order.priceCents > 0 && order.paymentIntentId) {
    const { paymentsDriver } = await import("@/lib/payments/driver");
    // Inside the transaction on purpose: if the refund call fails, nothing is recorded and the event is retried.
    await (await paymentsDriver()).refund({
      orderId: order.id,
      paymentIntentId: order.paymentIntentId,
      amountCents: order.priceCents,
      idempotencyKey: `duplicate-refund-${order.id}`,
    });
  }
  return { outcome: "already", order: { ...order, refundedCents: order.priceCents } };
}

/** Closes a pending order that will never be paid (session expired or payment failed). */
export async function closePendingOrder(tx: Db, orderId: string, status: "expired" | "failed"): Promise<boolean> {
  const rows = await tx
    .update(orders)
    .set({ status })
    .where(and(eq(orders.id, orderId), eq(orders.status, "pending")))
    .returning({ id: orders.id });
  return rows.length > 0;
}
