// /c/[handle] — a creator's storefront: profile, totals and their published listings with sort and pages.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SortForm } from "@/components/catalog/sort-form";
import { ListingGrid } from "@/components/listings/listing-card";
import { EmptyState } from "@/components/ui/empty-state";
import { cachedStorefront } from "@/lib/catalog/cache";
import { parseCatalogQuery, SORT_LABELS, type CatalogQuery, type Sort } from "@/lib/catalog/params";
import { formatMonth } from "@/lib/format";
import { InitialAvatar } from "@/components/ui/initial-avatar";
import { ReportDialog } from "@/components/reports/report-dialog";
import { fileReportAction } from "@/app/reports/actions";
import { getCurrentUser } from "@/lib/auth/session";

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const STORE_SORTS: Sort[] = ["popular", "newest", "rating", "price_asc", "price_desc"];

function storeQuery(raw: Record<string, string | string[] | undefined>): CatalogQuery {
  const parsed = parseCatalogQuery({ sort: raw.sort, cursor: raw.cursor });
  const query = parsed.ok && STORE_SORTS.includes(parsed.query.sort) ? parsed.query : ({ sort: "popular", limit: 24, free: false } as CatalogQuery);
  return { sort: query.sort, cursor: query.cursor, limit: 24, free: false };
}

/**
 * The storefront and its page, read once per request: the title and the page share it (the title asking for the
 * popular page on its own read the storefront twice for every other sort or page — a profile, totals and a catalog
 * search each time).
 */
const storefront = cache((handle: string, sort: Sort, cursor: string | undefined) => cachedStorefront(handle, { sort, cursor, limit: 24, free: false }));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { handle } = await params;
  const query = storeQuery(await searchParams);
  const data = await storefront(handle, query.sort, query.cursor);
  if (!data) return { title: "Creator not found" };
  return {
    title: `${data.store.displayName} (@${data.store.handle})`,
    description: data.store.bio.slice(0, 160) || `Listings by ${data.store.displayName} on Agora.`,
  };
}

export default async function StorefrontPage({ params, searchParams }: Props) {
  const { handle } = await params;
  const query = storeQuery(await searchParams);
  const data = await storefront(handle, query.sort, query.cursor);
  if (!data) notFound();
  const { store, page } = data;
  const viewer = await getCurrentUser();
  const base = `/c/${store.handle}`;
  const sortParam = query.sort === "popular" ? "" : `sort=${query.sort}`;
  return (
    <div className="space-y-8">
      <header className="flex flex-col gap-6 rounded-2xl border border-slate-200 bg-white p-6 sm:flex-row sm:items-center">
        <InitialAvatar name={store.displayName} size="xl" />
        <div className="min-w-0 flex-1 space-y-1">
          <h1 className="text-2xl font-bold">{store.displayName}</h1>
          <p className="text-sm text-slate-500">
            @{store.handle} · on Agora since {formatMonth(store.joinedAt)}
          </p>
          {store.bio ? <p className="whitespace-pre-line text-slate-700">{store.bio}</p> : null}
          {viewer?.id !== store.creatorId ? (
            <ReportDialog targetType="creator" targetId={store.creatorId} action={fileReportAction} signedIn={Boolean(viewer)} returnTo={base} />
          ) : null}
        </div>
        <dl className="grid grid-cols-3 gap-4 text-center" data-testid="storefront-totals">
          <div>
            <dd className="text-xl font-bold">{store.totals.listings}</dd>
            <dt className="text-xs text-slate-500">listings</dt>
          </div>
          <div>
            <dd className="text-xl font-bold">{store.totals.sales.toLocaleString("en-US")}</dd>
            <dt className="text-xs text-slate-500">sales</dt>
          </div>
          <div>
            <dd className="text-xl font-bold">{store.totals.ratingCount ? store.totals.ratingAvg.toFixed(1) : "—"}</dd>
            <dt className="text-xs text-slate-500">{store.totals.ratingCount.toLocaleString("en-US")} ratings</dt>
          </div>
        </dl>
      </header>

      <section aria-labelledby="store-listings" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="store-listings" className="text-lg font-semibold">
            Listings
          </h2>
          <SortFormFor action={base} value={query.sort} />
        </div>
        {page.items.length ? (
          <ListingGrid listings={page.items} />
        ) : (
          <EmptyState title={query.cursor ? "No more listings" : "Nothing published yet"}>This creator has no listings for sale right now.</EmptyState>
        )}
        <nav aria-label="Pagination" className="flex justify-center gap-3">
          {query.cursor ? (
            <Link
              href={sortParam ? `${base}?${sortParam}` : base}
              className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
            >
              First page
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link
              href={`${base}?${sortParam ? `${sortParam}&` : ""}cursor=${page.nextCursor}`}
              rel="next"
              className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
            >
              Next page
            </Link>
          ) : null}
        </nav>
      </section>
    </div>
  );
}

function SortFormFor({ action, value }: { action: string; value: Sort }) {
  return <SortForm action={action} hidden={[]} options={STORE_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))} value={value} />;
}
