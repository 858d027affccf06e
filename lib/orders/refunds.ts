// Refunds and lost disputes: reversing journals for the refunded part, entitlement ends on a full refund.
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listings, orders, type Order } from "@/db/schema";
import { queueRefundMails } from "@/lib/email/order-mails";
import { creatorAccount, postJournal, type JournalLine } from "@/lib/ledger/journal";
import { notify } from "@/lib/notifications/notifications";
import { withdrawReviewForRefundedOrder } from "@/lib/reviews/moderation";
import { isEntitling } from "./entitlement";
import { formatMoney } from "@/lib/format";

/** How much of a cumulative refund comes back from the platform fee and from the creator's share. */
export function refundShares(order: Pick<Order, "priceCents" | "feeCents">, refundedCents: number) {
  if (order.priceCents === 0) return { feeCents: 0, creatorCents: 0 };
  const feeCents = Math.floor((refundedCents * order.feeCents) / order.priceCents);
  return { feeCents, creatorCents: refundedCents - feeCents };
}

export function refundLines(order: Pick<Order, "priceCents" | "feeCents" | "creatorId">, fromCents: number, toCents: number): JournalLine[] {
  const before = refundShares(order, fromCents);
  const after = refundShares(order, toCents);
  const fee = after.feeCents - before.feeCents;
  const creator = after.creatorCents - before.creatorCents;
  return [
    { account: "buyers" as const, amountCents: fee + creator },
    { account: creatorAccount(order.creatorId), amountCents: -creator },
    { account: "platform" as const, amountCents: -fee },
  ].filter((l) => l.amountCents !== 0);
}

export type RefundResult = { outcome: "refunded" | "partially_refunded" | "unchanged"; order: Order };

/**
 * Brings an order's refunded amount up to `totalRefundedCents` (Stripe reports the cumulative amount),
 * so repeated or reordered refund events converge. Locks the order row; run inside a transaction.
 */
export async function applyRefund(
  tx: Db,
  orderId: string,
  totalRefundedCents: number,
  reason: "refund" | "dispute_lost" = "refund",
): Promise<RefundResult | null> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update").limit(1);
  if (!order) return null;
  if (!isEntitling(order.status)) return { outcome: "unchanged", order };
  // A lost dispute takes the whole payment back; refunds only ever grow.
  const finalTarget = reason === "dispute_lost" ? order.priceCents : Math.min(order.priceCents, Math.max(order.refundedCents, Math.trunc(totalRefundedCents)));
  if (finalTarget === order.refundedCents && !(reason === "dispute_lost" && order.status === "disputed")) {
    return { outcome: "unchanged", order };
  }
  const full = finalTarget === order.priceCents;
  await postJournal(tx, { kind: "refund", orderId: order.id, currency: order.currency, lines: refundLines(order, order.refundedCents, finalTarget) });
  const [updated] = await tx
    .update(orders)
    .set({ refundedCents: finalTarget, refundedAt: new Date(), status: full ? "refunded" : order.status })
    .where(eq(orders.id, order.id))
    .returning();
  if (full) {
    await tx
      .update(listings)
      .set({ salesCount: sql`greatest(${listings.salesCount} - 1, 0)` })
      .where(eq(listings.id, order.listingId));
    // A review stands only on a purchase that stands.
    await withdrawReviewForRefundedOrder(tx, order.id);
  }
  const amount = formatMoney(finalTarget - order.refundedCents, order.currency);
  const [listing] = await tx.select({ title: listings.title }).from(listings).where(eq(listings.id, order.listingId));
  await notify(tx, [
    {
      userId: order.buyerId,
      type: "refund",
      title: `${amount} refunded for “${listing?.title}”`,
      body: full ? "The purchase was refunded in full and removed from your library." : "A partial refund was issued; you keep access.",
      link: "/library/orders",
      data: { orderId: order.id },
    },
    {
      userId: order.creatorId,
      type: "refund",
      title: reason === "dispute_lost" ? `A dispute on “${listing?.title}” was lost` : `A sale of “${listing?.title}” was refunded (${amount})`,
      body: "Your share of the refunded amount was taken back from your balance.",
      link: "/dashboard",
      data: { orderId: order.id },
    },
  ]);
  const shareBack = refundShares(order, finalTarget).creatorCents - refundShares(order, order.refundedCents).creatorCents;
  await queueRefundMails(tx, updated, { refundedCents: finalTarget - order.refundedCents, shareReversedCents: shareBack, full });
  return { outcome: full ? "refunded" : "partially_refunded", order: updated };
}

/** Dispute opened: the order is disputed and the buyer keeps access until it is lost. */
export async function openDispute(tx: Db, orderId: string): Promise<boolean> {
  const rows = await tx
    .update(orders)
    .set({ status: "disputed" })
    .where(and(eq(orders.id, orderId), eq(orders.status, "paid")))
    .returning({ id: orders.id });
  return rows.length > 0;
}

/** Dispute closed: won → paid again; lost → treated as a full refund. */
export async function closeDispute(tx: Db, orderId: string, outcome: "won" | "lost"): Promise<void> {
  if (outcome === "won") {
    await tx
      .update(orders)
      .set({ status: "paid" })
      .where(and(eq(orders.id, orderId), inArray(orders.status, ["disputed"])));
    return;
  }
  await applyRefund(tx, orderId, Number.MAX_SAFE_INTEGER, "dispute_lost");
}
