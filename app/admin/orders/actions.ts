"use server";
// Admin refund from the orders page.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { adminRefundSchema, refundOrderAsAdmin } from "@/lib/orders/admin-refund";
import { formatMoney } from "@/lib/format";
import { paymentsDriver } from "@/lib/payments/driver";
import { validatedAction } from "@/lib/validated-action";

// The form takes dollars; an empty amount refunds everything not refunded yet.
const refundForm = adminRefundSchema.omit({ amountCents: true }).extend({
  amount: z
    .string()
    .trim()
    .regex(/^(\d{1,5}(\.\d{1,2})?)?$/, "Enter an amount like 4.99, or leave it empty to refund the rest.")
    .optional(),
});

export const refundAction = validatedAction(refundForm, async ({ orderId, reason, amount }) => {
  const amountCents = amount ? Math.round(Number(amount) * 100) : undefined;
  const result = await refundOrderAsAdmin(await getDb(), await paymentsDriver(), await getCurrentUser(), { orderId, amountCents, reason });
  revalidatePath("/admin/orders");
  return {
    ok: true,
    message: `Refunded. The order is now ${result.order.status} (${formatMoney(result.order.refundedCents, result.order.currency)} refunded in total).`,
  };
});
