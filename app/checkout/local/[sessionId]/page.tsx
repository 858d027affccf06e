import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { LocalCheckoutForm } from "@/components/orders/local-checkout-form";
import { getDb } from "@/db/client";
import { userOrSignIn } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { formatPrice } from "@/lib/format";
import { loadLocalSession } from "@/lib/payments/local-checkout";
import { cancelLocalAction, failLocalAction, payLocalAction } from "../../actions";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };

export default async function LocalCheckoutPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const user = await userOrSignIn(`/checkout/local/${sessionId}`);
  const session = await loadLocalSession(await getDb(), user, sessionId).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const { order, listing } = session;
  const amount = formatPrice(order.priceCents, order.currency);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="rounded-lg bg-amber-50 px-3 py-2 text-center text-xs font-medium uppercase tracking-wide text-amber-800">
        Test mode — local payments, no card is charged
      </div>
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm text-slate-500">Pay Agora</p>
        <p className="mt-1 text-3xl font-bold" data-testid="checkout-amount">
          {amount}
        </p>
        <dl className="mt-4 divide-y divide-slate-100 text-sm">
          <div className="flex justify-between py-2">
            <dt className="text-slate-600">{listing.title}</dt>
            <dd>{amount}</dd>
          </div>
          <div className="flex justify-between py-2 font-semibold">
            <dt>Total due</dt>
            <dd>{amount}</dd>
          </div>
        </dl>
        {order.status === "pending" ? (
          <div className="mt-6">
            <LocalCheckoutForm sessionId={sessionId} amount={amount} pay={payLocalAction} fail={failLocalAction} cancel={cancelLocalAction} />
          </div>
        ) : (
          <p className="mt-6 text-sm text-slate-600">
            This checkout is {order.status === "paid" ? "already paid" : "closed"}.{" "}
            <Link href={order.status === "paid" ? `/library/${order.listingId}` : `/l/${listing.slug}`} className="font-medium text-brand-700 hover:underline">
              {order.status === "paid" ? "Open it in your library" : "Back to the listing"}
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
