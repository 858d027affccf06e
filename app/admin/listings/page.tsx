import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { Pager } from "@/components/payouts/pager";
import { EmptyState, PastTheEnd } from "@/components/ui/empty-state";
import { SearchForm } from "@/components/ui/search-form";
import { DataTable, rightAligned } from "@/components/ui/table";
import { getDb } from "@/db/client";
import type { ListingStatus } from "@/db/schema";
import { adminListingsFilterSchema, adminListingsPage, type AdminListingsFilter } from "@/lib/admin/listings";
import { requireAdminPage } from "@/lib/auth/session";
import { formatCount, formatDate, formatPrice } from "@/lib/format";
import { KIND_LABELS } from "@/lib/listings/kinds";

export const metadata: Metadata = { title: "Listings · Admin" };

const STATUS_TABS: readonly (readonly [ListingStatus | undefined, string])[] = [
  [undefined, "Any status"],
  ["published", "Published"],
  ["pending_review", "Waiting for approval"],
  ["draft", "Drafts"],
  ["rejected", "Rejected"],
  ["unpublished", "Unpublished"],
  ["removed", "Removed"],
];

/** The list's address with its filters and page (the first page has none). */
function listingsHref(filter: Omit<AdminListingsFilter, "page">, page = 1): string {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.status) params.set("status", filter.status);
  if (filter.creator) params.set("creator", filter.creator);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/listings?${query}` : "/admin/listings";
}

export default async function AdminListingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdminPage();
  const params = await searchParams;
  const filter = adminListingsFilterSchema.parse({ q: params.q, status: params.status, creator: params.creator, page: params.page });
  const result = await adminListingsPage(await getDb(), admin, filter);
  const filtered = Boolean(filter.q || filter.status || filter.creator);
  const creator = filter.creator ? result.rows[0] : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Listings</h1>
      <nav aria-label="Listing status" className="flex flex-wrap gap-2 text-sm">
        {STATUS_TABS.map(([status, label]) => (
          <Link
            key={status ?? "any"}
            href={listingsHref({ ...filter, status })}
            aria-current={filter.status === status ? "page" : undefined}
            className={`rounded-full px-3 py-1 ${filter.status === status ? "bg-slate-900 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <SearchForm
        label="Find listings"
        inputLabel="Title, creator or listing id"
        inputId="listing-q"
        value={filter.q}
        placeholder="Title, creator, @handle or listing id"
        button="Find"
        clearHref={listingsHref({ ...filter, q: undefined })}
        keep={{ status: filter.status, creator: filter.creator }}
        width="sm:w-80"
      />
      <p className="text-sm text-slate-600" aria-live="polite">
        {formatCount(result.total, "listing")}
        {filter.creator ? (
          <>
            {" "}
            by{" "}
            <Link href={`/admin/users/${filter.creator}`} className="text-brand-700 hover:underline">
              {creator ? creator.creatorName : "one creator"}
            </Link>{" "}
            ·{" "}
            <Link href={listingsHref({ ...filter, creator: undefined })} className="text-brand-700 hover:underline">
              Every creator&apos;s listings
            </Link>
          </>
        ) : null}
      </p>
      {result.total === 0 ? (
        <EmptyState title={filtered ? "No listings match" : "No listings yet"}>
          {filtered ? "Try part of a title, a creator's name or @handle, or another status." : "Listings appear here as soon as creators start a draft."}
        </EmptyState>
      ) : result.rows.length === 0 ? (
        <PastTheEnd firstPage={listingsHref(filter)}>There are fewer listings here now than when the link was made.</PastTheEnd>
      ) : (
        <>
          <DataTable
            caption="Listings, newest first"
            minWidth="min-w-[44rem]"
            columns={["Listing", "Creator", "Status", ...rightAligned("Price", "Sales"), "Created"]}
          >
            {result.rows.map((l) => (
              <tr key={l.id}>
                <td className="px-3 py-2">
                  <Link href={`/admin/listings/${l.id}`} className="font-medium hover:underline">
                    {l.title}
                  </Link>
                  <div className="text-xs text-slate-500">{KIND_LABELS[l.kind]}</div>
                </td>
                <td className="px-3 py-2">
                  <Link href={`/admin/users/${l.creatorId}`} className="hover:underline">
                    {l.creatorName}
                  </Link>
                  <div className="text-xs text-slate-500">@{l.creatorHandle}</div>
                </td>
                <td className="px-3 py-2">
                  <StatusBadge status={l.status} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatPrice(l.priceCents)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{l.salesCount.toLocaleString("en-US")}</td>
                <td className="px-3 py-2 text-slate-600">{formatDate(l.createdAt)}</td>
              </tr>
            ))}
          </DataTable>
          <Pager label="Listing pages" page={result.page} pageCount={result.pageCount} href={(p) => listingsHref(filter, p)} />
        </>
      )}
    </div>
  );
}
