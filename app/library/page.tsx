import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { OrderHistory } from "@/components/library/order-history";
import { LibraryItems } from "@/components/library/library-items";
import { Pager } from "@/components/payouts/pager";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState, PastTheEnd } from "@/components/ui/empty-state";
import { SearchForm } from "@/components/ui/search-form";
import { getDb } from "@/db/client";
import { userOrSignIn } from "@/lib/auth/session";
import { LIBRARY_SEARCH_FROM, libraryFilterSchema, libraryItemsPage, type LibraryFilter, type LibraryPage as ShelfPage } from "@/lib/library/items";
import { orderHistory, RECENT_ORDERS } from "@/lib/library/orders";
import { formatCount } from "@/lib/format";

export const metadata: Metadata = { title: "Your library" };

/** The library's address with its title search, updated-only choice and page (the first page has none). */
function libraryHref(filter: Pick<LibraryFilter, "q" | "updated">, page: number): string {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.updated) params.set("updated", "1");
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/library?${query}` : "/library";
}

/** "53 items", "18 of 53 items match “prompt”", "5 of 53 items were updated since you bought them". */
function countLine(library: ShelfPage, filter: LibraryFilter): string {
  const of = `${library.total.toLocaleString("en-US")} of ${formatCount(library.owned, "item")}`;
  const updated = `${library.total === 1 ? "was" : "were"} updated since you bought ${library.total === 1 ? "it" : "them"}`;
  const matches = `${library.total === 1 ? "matches" : "match"} “${filter.q}”`;
  if (filter.q && filter.updated) return `${of} ${matches} and ${updated}`;
  if (filter.q) return `${of} ${matches}`;
  if (filter.updated) return `${of} ${updated}`;
  return formatCount(library.owned, "item");
}

export default async function LibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await userOrSignIn("/library");
  const params = await searchParams;
  const filter = libraryFilterSchema.parse({ q: params.q, updated: params.updated, page: params.page });
  const db = await getDb();
  const [library, recent] = await Promise.all([libraryItemsPage(db, user, filter), orderHistory(db, user, RECENT_ORDERS)]);
  const searching = Boolean(filter.q);
  const narrowed = searching || Boolean(filter.updated);
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
                {countLine(library, filter)}
                {!narrowed && library.updated ? (
                  <>
                    {" · "}
                    <Link href={libraryHref({ updated: true }, 1)} className="text-brand-700 hover:underline">
                      {library.updated.toLocaleString("en-US")} updated since you bought {library.updated > 1 ? "them" : "it"}
                    </Link>
                  </>
                ) : null}
                {narrowed && library.total > 0 ? (
                  <>
                    {" · "}
                    <Link href="/library" className="text-brand-700 hover:underline">
                      Show everything
                    </Link>
                  </>
                ) : null}
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
          <SearchForm
            label="Search your library"
            inputLabel="Title"
            inputId="library-q"
            value={filter.q}
            placeholder="Search by title"
            clearHref={libraryHref({ updated: filter.updated }, 1)}
            keep={{ updated: filter.updated ? "1" : undefined }}
          />
        ) : null}
        {library.owned === 0 ? (
          <EmptyState title="Nothing here yet" action={<ButtonLink href="/browse">Browse listings</ButtonLink>}>
            Everything you buy or get for free lands here, and stays up to date with every new version.
          </EmptyState>
        ) : library.total === 0 ? (
          <EmptyState
            title={searching ? "Nothing in your library matches" : "Nothing updated since you bought it"}
            action={
              <Link href="/library" className={buttonClass("secondary")}>
                Show everything
              </Link>
            }
          >
            {searching
              ? `No title you own${filter.updated ? " and that was updated since you bought it" : ""} contains “${filter.q}”.`
              : "Nothing you own has a newer version than the one you bought."}
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
