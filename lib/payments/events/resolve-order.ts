// Finding the order an event is about: by our own id in the metadata, else by the payment intent.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, type Order } from "@/db/schema";
import { isUuid } from "@/lib/uuid";
import type { PaymentsDriver } from "../driver";
import { RetryLater } from "../errors";

async function byId(tx: Db, id: string | null | undefined): Promise<Order | undefined> {
  if (!isUuid(id)) return undefined;
  const [order] = await tx.select().from(orders).where(eq(orders.id, id)).limit(1);
  return order;
}

export async function orderForSession(
  tx: Db,
  session: { id: string; client_reference_id?: string | null; metadata?: Record<string, string> | null },
): Promise<Order | undefined> {
  const order = (await byId(tx, session.client_reference_id)) ?? (await byId(tx, session.metadata?.order_id));
  if (order) return order;
  const [bySession] = await tx.select().from(orders).where(eq(orders.checkoutSessionId, session.id)).limit(1);
  return bySession;
}

/** For charge and dispute events. An unknown order is retried later: its checkout event may still be on the way. */
export async function orderForPayment(
  tx: Db,
  driver: PaymentsDriver,
  ref: { paymentIntentId?: string | null; chargeId?: string | null; metadata?: Record<string, string> | null },
): Promise<Order> {
  const direct = await byId(tx, ref.metadata?.order_id);
  if (direct) return direct;
  if (ref.paymentIntentId) {
    const [byIntent] = await tx.select().from(orders).where(eq(orders.paymentIntentId, ref.paymentIntentId)).limit(1);
    if (byIntent) return byIntent;
  }
  if (ref.chargeId) {
    const [byCharge] = await tx.select().from(orders).where(eq(orders.chargeId, ref.chargeId)).limit(1);
    if (byCharge) return byCharge;
  }
  if (ref.paymentIntentId) {
    const fromStripe = await byId(tx, await driver.orderIdForPaymentIntent(ref.paymentIntentId));
    if (fromStripe) return fromStripe;
  }
  throw new RetryLater(`no order for payment ${ref.paymentIntentId ?? ref.chargeId ?? "?"}`);
}
