import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { userOrSignIn } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { confirmCheckout } from "@/lib/orders/confirm";
import { formatPrice } from "@/lib/format";
import { paymentsDriver } from "@/lib/payments/driver";

export const metadata: Metadata = { title: "Thank you", robots: { index: false } };

export default async function CheckoutSuccessPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const sessionId = (await searchParams).session_id ?? "";
  const user = await userOrSignIn(`/checkout/success?session_id=${encodeURIComponent(sessionId)}`);
  const receipt = await confirmCheckout(await getDb(), await paymentsDriver(), user, sessionId).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const { order, listing, state } = receipt;
  return (
    <div className="mx-auto max-w-lg space-y-6 text-center">
      {state === "paid" ? (
        <>
          <h1 className="text-2xl font-bold">Thank you — it&apos;s yours</h1>
          <p className="text-slate-600">“{listing.title}” is in your library, with every future version included.</p>
        </>
      ) : state === "processing" ? (
        <>
          <h1 className="text-2xl font-bold">Payment processing</h1>
          <p className="text-slate-600">Your payment is being confirmed. This page updates when it clears; we&apos;ll also notify you.</p>
          <meta httpEquiv="refresh" content="5" />
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold">This checkout didn&apos;t go through</h1>
          <p className="text-slate-600">No money was taken. You can try again from the listing.</p>
        </>
      )}
      <dl className="mx-auto max-w-sm divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white p-4 text-left text-sm" aria-label="Receipt">
        <div className="flex justify-between py-2">
          <dt className="text-slate-500">Item</dt>
          <dd className="font-medium">{listing.title}</dd>
        </div>
        <div className="flex justify-between py-2">
          <dt className="text-slate-500">Amount</dt>
          <dd>{formatPrice(order.priceCents, order.currency)}</dd>
        </div>
        <div className="flex justify-between py-2">
          <dt className="text-slate-500">Order</dt>
          <dd className="font-mono text-xs">{order.id}</dd>
        </div>
        <div className="flex justify-between py-2">
          <dt className="text-slate-500">Status</dt>
          <dd data-testid="order-status">{order.status}</dd>
        </div>
      </dl>
      <div className="flex justify-center gap-3">
        {state === "paid" ? (
          <Link href={`/library/${order.listingId}`} className={buttonClass("primary")}>
            Open in your library
          </Link>
        ) : (
          <Link href={`/l/${listing.slug}`} className={buttonClass("primary")}>
            Back to the listing
          </Link>
        )}
        <Link href="/browse" className={buttonClass("secondary")}>
          Keep browsing
        </Link>
      </div>
    </div>
  );
}
