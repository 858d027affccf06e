// Admin-initiated refunds: the payment provider refunds first, then the books follow in one transaction.
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { orders } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { DomainError, parseInput } from "@/lib/errors";
import { writeAudit } from "@/lib/moderation/audit";
import { uuidSchema } from "@/lib/uuid";
import type { PaymentsDriver } from "@/lib/payments/driver";
import { applyRefund, type RefundResult } from "./refunds";
import { isEntitling } from "./entitlement";

export const adminRefundSchema = z.object({
  orderId: uuidSchema("Unknown order."),
  // Cents; omitted = everything not refunded yet.
  amountCents: z.coerce.number().int("Whole cents only.").positive("Refund a positive amount.").optional(),
  reason: z.string().trim().min(3, "Give a reason (it is kept in the audit log).").max(500),
});

export async function refundOrderAsAdmin(db: Db, driver: PaymentsDriver, actor: Actor | null, input: z.input<typeof adminRefundSchema>): Promise<RefundResult> {
  const admin = assertAdmin(actor);
  const data = parseInput(adminRefundSchema, input);
  const [order] = await db.select().from(orders).where(eq(orders.id, data.orderId)).limit(1);
  if (!order) throw new DomainError("order.not_found");
  if (!isEntitling(order.status)) throw new DomainError("order.not_refundable", { status: order.status });
  const remaining = order.priceCents - order.refundedCents;
  const amount = data.amountCents ?? remaining;
  if (amount <= 0 || amount > remaining) {
    throw new DomainError("order.refund_too_large", { remainingCents: remaining });
  }
  const target = order.refundedCents + amount;
  if (order.priceCents > 0) {
    if (!order.paymentIntentId) throw new DomainError("order.no_payment");
    // Keyed by the cumulative target: a retried click refunds once at the provider.
    await driver.refund({ orderId: order.id, paymentIntentId: order.paymentIntentId, amountCents: amount, idempotencyKey: `refund-${order.id}-${target}` });
  }
  return db.transaction(async (tx) => {
    const result = await applyRefund(tx, order.id, target);
    if (!result) throw new DomainError("order.not_found");
    await writeAudit(tx, {
      actorId: admin.id,
      action: "order.refund",
      targetType: "order",
      targetId: order.id,
      details: { amountCents: amount, reason: data.reason },
    });
    return result;
  });
}
