// Display formatting shared by library views (UTC dates so server and browser render the same text).
import type { OrderStatus } from "@/lib/orders/transitions";

export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return new Date(date).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
}

export function formatDateTime(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return `${new Date(date).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

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

/** A money amount that is never shown as "Free" (receipts say $0.00). */
export function formatMoney(cents: number, currency = "usd"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
}
