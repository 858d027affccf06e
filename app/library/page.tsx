import type { Metadata } from "next";
import { OrderHistory } from "@/components/library/order-history";
import { LibraryItems } from "@/components/library/library-items";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { userOrSignIn } from "@/lib/auth/session";
import { libraryItems } from "@/lib/library/items";
import { orderHistory } from "@/lib/library/orders";

export const metadata: Metadata = { title: "Your library" };

export default async function LibraryPage() {
  const user = await userOrSignIn("/library");
  const db = await getDb();
  const [items, orders] = await Promise.all([libraryItems(db, user), orderHistory(db, user)]);
  const updates = items.filter((i) => i.updated).length;
  return (
    <div className="space-y-10">
      <section aria-labelledby="library-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h1 id="library-heading" className="text-2xl font-bold">
              Your library
            </h1>
            {items.length ? (
              <p className="text-sm text-slate-600">
                {items.length} item{items.length > 1 ? "s" : ""}
                {updates ? ` · ${updates} updated since you bought ${updates > 1 ? "them" : "it"}` : ""}
              </p>
            ) : null}
          </div>
          {orders.length ? (
            <a href="#orders" className="text-sm font-medium text-brand-700 hover:underline">
              Order history
            </a>
          ) : null}
        </div>
        {items.length === 0 ? (
          <EmptyState title="Nothing here yet" action={<ButtonLink href="/browse">Browse listings</ButtonLink>}>
            Everything you buy or get for free lands here, and stays up to date with every new version.
          </EmptyState>
        ) : (
          <LibraryItems items={items} />
        )}
      </section>
      {orders.length ? (
        <section id="orders" aria-labelledby="orders-heading" className="scroll-mt-24 space-y-4">
          <h2 id="orders-heading" className="text-xl font-semibold">
            Order history
          </h2>
          <OrderHistory orders={orders} />
        </section>
      ) : null}
    </div>
  );
}
