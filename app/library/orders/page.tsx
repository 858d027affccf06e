import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { OrderHistory } from "@/components/library/order-history";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { NewestOlderPager } from "@/components/ui/newest-older-pager";
import { getDb } from "@/db/client";
import { userOrSignIn } from "@/lib/auth/session";
import { formatCount } from "@/lib/format";
import { orderHistoryPage } from "@/lib/library/orders";
import { decodeOrdersCursor } from "@/lib/orders/order-cursor";

export const metadata: Metadata = { title: "Order history" };

const ordersHref = (before?: string) => (before ? `/library/orders?before=${encodeURIComponent(before)}` : "/library/orders");

export default async function OrderHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await userOrSignIn("/library/orders");
  const params = await searchParams;
  const before = typeof params.before === "string" && decodeOrdersCursor(params.before) ? params.before : undefined;
  const history = await orderHistoryPage(await getDb(), user, { before });
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/library" className="text-brand-700 hover:underline">
          ← Your library
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-bold">Order history</h1>
        {history.total ? (
          <p className="text-sm text-slate-600">{formatCount(history.total, "order")}, newest first. Each has a receipt you can print.</p>
        ) : null}
      </div>
      {history.total === 0 ? (
        <EmptyState title="No orders yet" action={<ButtonLink href="/browse">Browse listings</ButtonLink>}>
          Your purchases, refunds and their receipts will be listed here.
        </EmptyState>
      ) : history.rows.length === 0 ? (
        <EmptyState
          title="No older orders"
          action={
            <Link href={ordersHref()} className="text-sm text-brand-700 hover:underline">
              Newest orders
            </Link>
          }
        />
      ) : (
        <>
          <OrderHistory orders={history.rows} />
          <NewestOlderPager
            label="Order history pages"
            noun="orders"
            newestHref={before ? ordersHref() : null}
            olderHref={history.nextCursor ? ordersHref(history.nextCursor) : null}
          />
        </>
      )}
    </div>
  );
}
