// An order's status as a badge in the buyer's order history and receipts.
import type { OrderStatus } from "@/lib/orders/transitions";

export const ORDER_STATUS: Record<OrderStatus, { label: string; tone: string }> = {
  paid: { label: "Paid", tone: "bg-green-100 text-green-800" },
  refunded: { label: "Refunded", tone: "bg-slate-200 text-slate-700" },
  disputed: { label: "Disputed", tone: "bg-amber-100 text-amber-800" },
  pending: { label: "Pending", tone: "bg-blue-100 text-blue-800" },
  expired: { label: "Expired", tone: "bg-slate-100 text-slate-600" },
  failed: { label: "Payment failed", tone: "bg-red-100 text-red-800" },
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const s = ORDER_STATUS[status];
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${s.tone}`}>{s.label}</span>;
}
