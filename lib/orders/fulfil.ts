// Fulfilment: a pending order becomes paid exactly once, with its sale journal, whoever gets there first.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/client";
import { orders, type Order } from "@/db/schema";
import { queueRefundMails, saleMailsSql } from "@/lib/email/order-mails";
import { postJournal, saleLines, saleLinesSql } from "@/lib/ledger/journal";
import { entitledOrder } from "./entitlement";

export type FulfilResult = { outcome: "fulfilled"; order: Order } | { outcome: "already"; order: Order } | { outcome: "not_found" };

export function isEntitlementConflict(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const err = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown; message?: unknown };
    if (err.code === "23505" && String(err.constraint_name ?? err.constraint ?? err.message ?? "").includes("orders_one_entitlement_key")) return true;
  }
  return false;
}

/**
 * Runs a transaction that may fulfil an order, again if it lost a race for the buyer's entitlement (two orders
 * of one buyer for one listing paid at the same instant). The retry sees the winner and books the loser as a
 * duplicate purchase; nothing of the failed attempt was kept.
 */
export async function withEntitlementRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 3 || !isEntitlementConflict(error)) throw error;
    }
  }
}

/** The stored event of a webhook delivery, written by the same statement as its sale (see saleStatement). */
export type SaleEvent = { id: string; type: string; payload: string };

/**
 * One statement that books a sale: a pending order (with no other order of the buyer already entitling them
 * to the listing) becomes paid, with its balanced sale journal, the creator's notification, the listing's
 * sales count and the receipt and sale mails, all derived from the order row. Nothing happens when the order is not pending.
 * With `event`, the statement also stores that Stripe event, but only together with the sale: a delivery
 * whose order is not ready (or a duplicate) writes nothing and is left to the general webhook path.
 * `expect` adds the check that the paid amount is the order's.
 */
export function saleStatement(input: {
  orderId: string;
  paidAt: Date;
  paymentIntentId?: string | null;
  chargeId?: string | null;
  event?: SaleEvent;
  expect?: { amountCents: number; currency: string };
}): SQL {
  const journalId = randomUUID();
  const event = input.event;
  return sql`with target as (
      select o.id from orders o
       where o.id = ${input.orderId}::uuid and o.status = 'pending'
         ${input.expect ? sql`and o.price_cents = ${input.expect.amountCents} and o.currency = ${input.expect.currency}` : sql``}
         and not exists (select 1 from orders e where e.buyer_id = o.buyer_id and e.listing_id = o.listing_id and ${entitledOrder("e")})
    ), stored as (
      ${
        event
          ? sql`insert into stripe_events (id, type, payload, processed_at)
              select ${event.id}, ${event.type}, ${event.payload}::jsonb, now() where exists (select 1 from target)
              on conflict do nothing returning id`
          : sql`select 'no event' as id`
      }
    ), moved as (
      update orders o
         set status = 'paid', paid_at = ${input.paidAt.toISOString()}::timestamptz, updated_at = now(),
             payment_intent_id = coalesce(nullif(${input.paymentIntentId ?? ""}, ''), o.payment_intent_id),
             charge_id = coalesce(nullif(${input.chargeId ?? ""}, ''), o.charge_id)
        from target t
       where o.id = t.id and o.status = 'pending' and exists (select 1 from stored)
      returning o.id, o.listing_id, o.creator_id, o.price_cents, o.fee_cents, o.creator_share_cents, o.currency
    ), journal as (
      insert into ledger_entries (journal_id, account, amount_cents, currency, kind, order_id)
      select ${journalId}::uuid, v.account, v.amount, m.currency, 'sale', m.id
        from moved m cross join lateral ${saleLinesSql("m")} as v
    ), notice as (
      insert into notifications (user_id, type, title, body, link, data)
      select m.creator_id, 'sale',
             case when m.price_cents > 0 then concat('You sold “', l.title, '” for ', agora_format_price(m.price_cents, m.currency))
                  else concat('Someone got “', l.title, '”') end,
             case when m.price_cents > 0 then concat('You earn ', agora_format_price(m.creator_share_cents, m.currency), ' from this sale.')
                  else '' end,
             '/dashboard', jsonb_build_object('orderId', m.id)
        from moved m join listings l on l.id = m.listing_id
    ), counted as (
      update listings l set sales_count = l.sales_count + 1 from moved m where l.id = m.listing_id
    ), mailed as (${saleMailsSql("moved", input.paidAt)}
    )
    select (select count(*)::int from stored) as stored, (select count(*)::int from moved) as moved`;
}

/**
 * Moves a pending order to paid (idempotent). Safe to race: the conditional update lets exactly one caller
 * through and the others see "already". Must run inside a transaction (the ledger's balance is checked at
 * commit); callers that can meet an entitlement race wrap that transaction in withEntitlementRetry.
 */
export async function fulfilOrder(
  tx: Db,
  input: { orderId: string; paymentIntentId?: string | null; chargeId?: string | null; paidAt?: Date },
): Promise<FulfilResult> {
  const paidAt = input.paidAt ?? new Date();
  const [{ moved }] = await queryRows<{ moved: number }>(tx, saleStatement({ ...input, paidAt }));
  const [current] = await tx.select().from(orders).where(eq(orders.id, input.orderId)).limit(1);
  if (!current) return { outcome: "not_found" };
  if (moved > 0) return { outcome: "fulfilled", order: current };
  // Still pending: the buyer already owns the listing through another order.
  if (current.status === "pending") return refundDuplicatePurchase(tx, current, input.paymentIntentId ?? null, paidAt);
  await rememberPaymentIds(tx, current, input);
  return { outcome: "already", order: current };
}

/** Keeps the payment ids of an order that moved on first (e.g. a refund seen before its completion). */
async function rememberPaymentIds(tx: Db, current: Order, ids: { paymentIntentId?: string | null; chargeId?: string | null }) {
  if ((ids.paymentIntentId && !current.paymentIntentId) || (ids.chargeId && !current.chargeId)) {
    await tx
      .update(orders)
      .set({ paymentIntentId: current.paymentIntentId ?? ids.paymentIntentId ?? null, chargeId: current.chargeId ?? ids.chargeId ?? null })
      .where(eq(orders.id, current.id));
  }
}

/**
 * The buyer paid twice for something they already own (two checkouts in two tabs). The second
 * payment is booked and refunded in full, so the buyer keeps one entitlement and all their money.
 */
async function refundDuplicatePurchase(tx: Db, pending: Order, paymentIntentId: string | null, paidAt: Date): Promise<FulfilResult> {
  const [order] = await tx
    .update(orders)
    .set({
      status: "refunded",
      paidAt,
      refundedAt: paidAt,
      refundedCents: pending.priceCents,
      paymentIntentId: paymentIntentId ?? sql`${orders.paymentIntentId}`,
    })
    .where(and(eq(orders.id, pending.id), eq(orders.status, "pending")))
    .returning();
  if (!order) return { outcome: "not_found" };
  const lines = saleLines(order);
  await postJournal(tx, { kind: "sale", orderId: order.id, currency: order.currency, lines });
  await postJournal(tx, { kind: "refund", orderId: order.id, currency: order.currency, lines: lines.map((l) => ({ ...l, amountCents: -l.amountCents })) });
  // The buyer is told their second payment came back; the creator never saw this sale, so there is nothing to tell them.
  await queueRefundMails(tx, order, { refundedCents: order.priceCents, shareReversedCents: order.creatorShareCents, full: true }, "buyer");
  if (order.priceCents > 0 && order.paymentIntentId) {
    const { paymentsDriver } = await import("@/lib/payments/driver");
    // Inside the transaction on purpose: if the refund call fails, nothing is recorded and the event is retried.
    await (
      await paymentsDriver()
    ).refund({
      orderId: order.id,
      paymentIntentId: order.paymentIntentId,
      amountCents: order.priceCents,
      idempotencyKey: `duplicate-refund-${order.id}`,
    });
  }
  return { outcome: "already", order };
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
