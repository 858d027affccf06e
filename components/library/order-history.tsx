// Order history: every purchase with its amount, date, order id and status, each with a receipt.
import Link from "@/components/ui/link";
import type { OrderHistoryEntry } from "@/lib/library/orders";
import { formatDate, formatMoney, formatPrice } from "@/lib/format";
import { OrderStatusBadge } from "./format";
import { TableHead, rightAligned } from "@/components/ui/table";

export function OrderHistory({ orders }: { orders: OrderHistoryEntry[] }) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="order-history">
        <caption className="sr-only">Your orders</caption>
        <TableHead
          columns={["Date", "Item", "Order", ...rightAligned("Amount"), "Status", { label: "Receipt", srOnly: true }]}
          className="hidden bg-slate-50 text-xs uppercase tracking-wide text-slate-500 sm:table-header-group"
          cellClassName="px-4 py-2 font-medium"
        />
        <tbody className="divide-y divide-slate-100">
          {orders.map((o) => (
            // Below sm each row is a 2-column card: item + status, date + amount, order id + receipt.
            <tr key={o.id} className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1 px-4 py-3 sm:table-row sm:p-0">
              <td className="col-start-1 row-start-2 text-slate-600 sm:px-4 sm:py-3">{formatDate(o.paidAt ?? o.createdAt)}</td>
              <td className="col-start-1 row-start-1 font-medium sm:px-4 sm:py-3">
                {o.listingPublished ? (
                  <Link href={`/l/${o.slug}`} className="hover:text-brand-700">
                    {o.title}
                  </Link>
                ) : (
                  <>
                    {o.title} <span className="text-xs font-normal text-slate-500">(no longer for sale)</span>
                  </>
                )}
              </td>
              <td className="col-start-1 row-start-3 font-mono text-xs text-slate-500 sm:px-4 sm:py-3" title={o.id}>
                <span className="sr-only">Order </span>#{o.id.slice(0, 8)}
              </td>
              <td className="col-start-2 row-start-2 text-right tabular-nums sm:px-4 sm:py-3">
                {formatPrice(o.priceCents, o.currency)}
                {o.refundedCents > 0 ? <span className="block text-xs text-slate-500">−{formatMoney(o.refundedCents, o.currency)} refunded</span> : null}
              </td>
              <td className="col-start-2 row-start-1 text-right sm:px-4 sm:py-3 sm:text-left">
                <OrderStatusBadge status={o.status} />
              </td>
              <td className="col-start-2 row-start-3 text-right sm:px-4 sm:py-3">
                <Link href={`/library/orders/${o.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                  Receipt<span className="sr-only"> for {o.title}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
