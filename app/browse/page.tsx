// /browse — search and browse with every filter, sort and page in the URL (shareable; the back button works).
import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import Link from "@/components/ui/link";
import { ActiveFilters } from "@/components/catalog/active-filters";
import { browseHref, FacetList } from "@/components/catalog/facet-list";
import { FiltersDisclosure } from "@/components/catalog/filters-disclosure";
import { SortForm } from "@/components/catalog/sort-form";
import { ListingGrid } from "@/components/listings/listing-card";
import { EmptyState } from "@/components/ui/empty-state";
import { cachedCatalogSearch } from "@/lib/catalog/cache";
import { CATEGORIES, categoryName } from "@/lib/catalog/categories";
import { parseCatalogQuery, queryToSearchParams, SORT_LABELS, SORTS, type CatalogQuery } from "@/lib/catalog/params";
import { KIND_LABELS } from "@/lib/listings/kinds";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const parsed = parseCatalogQuery(await searchParams);
  const q = parsed.ok ? parsed.query : null;
  const title = q?.q ? `“${q.q}”` : q?.category ? categoryName(q.category) : q?.kind ? `${KIND_LABELS[q.kind]}s` : "Browse";
  return { title, robots: q?.cursor ? { index: false } : undefined };
}

export default async function BrowsePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const parsed = parseCatalogQuery(raw);
  const query: CatalogQuery = parsed.ok ? parsed.query : { sort: "popular", limit: 24, free: false };
  const result = await cachedCatalogSearch(query);
  const total = result.facets.kind.reduce((sum, f) => sum + (query.kind && f.value !== query.kind ? 0 : f.count), 0);
  const hidden = [...queryToSearchParams(query, { sort: undefined, cursor: undefined }).entries()];
  const sortOptions = SORTS.filter((s) => s !== "relevance" || query.q).map((s) => ({ value: s, label: SORT_LABELS[s] }));

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{query.q ? <>Results for “{query.q}”</> : "Browse"}</h1>
        {!parsed.ok ? <Alert tone="warning">We ignored part of this address: {parsed.message}. Showing everything instead.</Alert> : null}
        {result.didYouMean && result.items.length > 0 ? (
          <p className="text-sm text-slate-600">
            Including results for{" "}
            <Link className="font-medium text-brand-700 underline" href={browseHref(query, { q: result.didYouMean })}>
              {result.didYouMean}
            </Link>
          </p>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-[15rem_1fr]">
        <aside className="lg:sticky lg:top-20 lg:self-start">
          <FiltersDisclosure>
            <FacetList query={query} facets={result.facets} />
          </FiltersDisclosure>
        </aside>

        <section aria-label="Results" className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-600" data-testid="result-count" aria-live="polite">
              {result.facets.approximate ? "About " : null}
              {total.toLocaleString("en-US")} {total === 1 ? "listing" : "listings"}
            </p>
            <SortForm hidden={hidden} options={sortOptions} value={query.sort} />
          </div>
          <ActiveFilters query={query} />
          {result.items.length ? (
            <ListingGrid listings={result.items} />
          ) : (
            <EmptyState title={query.cursor ? "No more listings" : "No listings match"}>
              <NoResults query={query} didYouMean={result.didYouMean} />
            </EmptyState>
          )}
          <nav aria-label="Pagination" className="flex justify-center gap-3">
            {query.cursor ? (
              <Link href={browseHref(query)} className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">
                First page
              </Link>
            ) : null}
            {result.nextCursor ? (
              <Link
                href={browseHref(query, { cursor: result.nextCursor })}
                rel="next"
                className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
              >
                Next page
              </Link>
            ) : null}
          </nav>
        </section>
      </div>
    </div>
  );
}

function NoResults({ query, didYouMean }: { query: CatalogQuery; didYouMean: string | null }) {
  const filtered =
    query.kind || query.category || query.free || query.commercial || query.minPrice !== undefined || query.maxPrice !== undefined || query.minRating;
  return (
    <div className="space-y-3">
      <ul className="space-y-1">
        {didYouMean ? (
          <li>
            Try{" "}
            <Link className="font-medium text-brand-700 underline" href={browseHref({ ...query, q: didYouMean })}>
              {didYouMean}
            </Link>
          </li>
        ) : null}
        {filtered ? (
          <li>
            <Link className="font-medium text-brand-700 underline" href={browseHref({ q: query.q, sort: query.sort, free: false, limit: query.limit })}>
              Search without filters
            </Link>
          </li>
        ) : null}
        {query.q ? <li>Check the spelling, or use fewer or more general words.</li> : null}
      </ul>
      <p>Or explore a category:</p>
      <ul className="flex flex-wrap justify-center gap-2">
        {CATEGORIES.slice(0, 6).map((c) => (
          <li key={c.slug}>
            <Link href={`/browse?category=${c.slug}`} className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1 hover:border-brand-500">
              {c.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
