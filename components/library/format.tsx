// An order's status as a badge in the buyer's order history and receipts.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OrderStatus } from "@/lib/orders/transitions";

export const ORDER_STATUS: Record<OrderStatus, { label: string; tone: BadgeTone }> = {
  paid: { label: "Paid", tone: "success" },
  refunded: { label: "Refunded", tone: "neutral" },
  disputed: { label: "Disputed", tone: "warning" },
  pending: { label: "Pending", tone: "info" },
  expired: { label: "Expired", tone: "neutral" },
  failed: { label: "Payment failed", tone: "danger" },
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const s = ORDER_STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
