import type { Metadata } from "next";
import Link from "next/link";
import { OrderHistory } from "@/components/library/order-history";
import { LibraryItems } from "@/components/library/library-items";
import { Pager } from "@/components/payouts/pager";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState, PastTheEnd } from "@/components/ui/empty-state";
import { SearchForm } from "@/components/ui/search-form";
import { getDb } from "@/db/client";
import { userOrSignIn } from "@/lib/auth/session";
import { LIBRARY_SEARCH_FROM, libraryFilterSchema, libraryItemsPage, type LibraryFilter } from "@/lib/library/items";
import { orderHistory, RECENT_ORDERS } from "@/lib/library/orders";

export const metadata: Metadata = { title: "Your library" };

/** The library's address with its title search and page (the first page has none). */
function libraryHref(filter: LibraryFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/library?${query}` : "/library";
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export default async function LibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await userOrSignIn("/library");
  const params = await searchParams;
  const filter = libraryFilterSchema.parse({ q: params.q, page: params.page });
  const db = await getDb();
  // One more recent order than shown tells whether "All orders" has more to show.
  const [library, recent] = await Promise.all([libraryItemsPage(db, user, filter), orderHistory(db, user, RECENT_ORDERS + 1)]);
  const searching = Boolean(filter.q);
  return (
    <div className="space-y-10">
      <section aria-labelledby="library-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h1 id="library-heading" className="text-2xl font-bold">
              Your library
            </h1>
            {library.owned ? (
              <p className="text-sm text-slate-600" aria-live="polite">
                {searching
                  ? `${library.total.toLocaleString("en-US")} of ${plural(library.owned, "item")} ${library.total === 1 ? "matches" : "match"} “${filter.q}”`
                  : plural(library.owned, "item")}
                {!searching && library.updated
                  ? ` · ${library.updated.toLocaleString("en-US")} updated since you bought ${library.updated > 1 ? "them" : "it"}`
                  : ""}
              </p>
            ) : null}
          </div>
          {recent.length ? (
            <a href="#orders" className="text-sm font-medium text-brand-700 hover:underline">
              Order history
            </a>
          ) : null}
        </div>
        {library.owned > LIBRARY_SEARCH_FROM || searching ? (
          <SearchForm label="Search your library" inputLabel="Title" inputId="library-q" value={filter.q} placeholder="Search by title" clearHref="/library" />
        ) : null}
        {library.owned === 0 ? (
          <EmptyState title="Nothing here yet" action={<ButtonLink href="/browse">Browse listings</ButtonLink>}>
            Everything you buy or get for free lands here, and stays up to date with every new version.
          </EmptyState>
        ) : library.total === 0 ? (
          <EmptyState
            title="Nothing in your library matches"
            action={
              <Link href="/library" className={buttonClass("secondary")}>
                Show everything
              </Link>
            }
          >
            No title you own contains “{filter.q}”.
          </EmptyState>
        ) : library.rows.length === 0 ? (
          <PastTheEnd firstPage={libraryHref(filter, 1)}>Your library is shorter than this page.</PastTheEnd>
        ) : (
          <>
            <LibraryItems items={library.rows} />
            <Pager label="Library pages" page={library.page} pageCount={library.pageCount} href={(p) => libraryHref(filter, p)} />
          </>
        )}
      </section>
      {recent.length ? (
        <section id="orders" aria-labelledby="orders-heading" className="scroll-mt-24 space-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="orders-heading" className="text-xl font-semibold">
              Recent orders
            </h2>
            <Link href="/library/orders" className="text-sm font-medium text-brand-700 hover:underline">
              All orders →
            </Link>
          </div>
          <OrderHistory orders={recent.slice(0, RECENT_ORDERS)} />
        </section>
      ) : null}
    </div>
  );
}
