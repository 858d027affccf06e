import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { OrderStatusBadge } from "@/components/library/format";
import { LicenseSummary } from "@/components/listings/license-summary";
import { PrintButton } from "@/components/ui/print-button";
import { getDb } from "@/db/client";
import { userOrSignIn } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { formatDateTime, formatMoney } from "@/lib/format";
import { orderReceipt, type Receipt } from "@/lib/library/orders";
import { TableHead, rightAligned } from "@/components/ui/table";

export const metadata: Metadata = { title: "Receipt", robots: { index: false } };

export default async function ReceiptPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const user = await userOrSignIn(`/library/orders/${orderId}`);
  let receipt: Receipt;
  try {
    receipt = await orderReceipt(await getDb(), user, orderId);
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const r = receipt;
  const net = r.priceCents - r.refundedCents;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm print:hidden">
        <Link href="/library/orders" className="text-brand-700 hover:underline">
          ← Order history
        </Link>
      </nav>
      <article className="space-y-6 rounded-2xl border border-slate-200 bg-white p-6 print:border-0 print:p-0" aria-labelledby="receipt-heading">
        <header className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="text-xl font-bold text-brand-700">Agora</p>
            <h1 id="receipt-heading" className="text-2xl font-bold">
              Receipt
            </h1>
          </div>
          <OrderStatusBadge status={r.status} />
        </header>
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">Order ID</dt>
            <dd className="break-all font-mono">{r.id}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{r.paidAt ? "Paid" : "Ordered"}</dt>
            <dd>{formatDateTime(r.paidAt ?? r.createdAt)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Billed to</dt>
            <dd>
              {r.buyerName}
              <br />
              <span className="text-slate-600">{r.buyerEmail}</span>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Sold by</dt>
            <dd>
              {r.sellerName} <span className="text-slate-500">(@{r.sellerHandle})</span>
            </dd>
          </div>
          {r.paymentReference ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">Payment reference</dt>
              <dd className="break-all font-mono text-xs">{r.paymentReference}</dd>
            </div>
          ) : null}
        </dl>
        <table className="w-full text-sm">
          <caption className="sr-only">Items</caption>
          <TableHead
            columns={["Item", ...rightAligned("Amount")]}
            className="border-b border-slate-200 text-left text-slate-500"
            cellClassName="py-2 font-medium"
          />
          <tbody>
            <tr className="border-b border-slate-100">
              <td className="py-2">
                {r.title} <span className="text-slate-500">· version {r.versionNumber}</span>
              </td>
              <td className="py-2 text-right tabular-nums">{formatMoney(r.priceCents, r.currency)}</td>
            </tr>
            {r.refundedCents > 0 ? (
              <tr className="border-b border-slate-100">
                <td className="py-2">Refunded{r.refundedAt ? ` on ${formatDateTime(r.refundedAt)}` : ""}</td>
                <td className="py-2 text-right tabular-nums">−{formatMoney(r.refundedCents, r.currency)}</td>
              </tr>
            ) : null}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="py-2 text-left font-semibold">
                Total {r.status === "paid" || r.status === "disputed" || r.status === "refunded" ? "paid" : "due"}
              </th>
              <td className="py-2 text-right font-semibold tabular-nums">{formatMoney(net, r.currency)}</td>
            </tr>
          </tfoot>
        </table>
        <section aria-labelledby="receipt-license-heading" className="space-y-2 border-t border-slate-200 pt-4">
          <h2 id="receipt-license-heading" className="text-sm font-semibold">
            License for version {r.versionNumber}
          </h2>
          {r.license ? <LicenseSummary license={r.license} /> : <p className="text-sm text-slate-600">No license was stated for this version.</p>}
        </section>
        <p className="text-xs text-slate-500">Amounts in {r.currency.toUpperCase()}. Agora collects payment on behalf of the seller.</p>
      </article>
      <div className="flex gap-2 print:hidden">
        <PrintButton>Print receipt</PrintButton>
      </div>
    </div>
  );
}
