import type { Metadata } from "next";
import { DataTable, rightAligned } from "@/components/ui/table";
import Link from "@/components/ui/link";
import { z } from "zod";
import { ListingActions } from "@/components/dashboard/listing-actions";
import { listingRowActions } from "./editor-actions";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PastTheEnd } from "@/components/ui/empty-state";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db/client";
import { listingStatus } from "@/db/schema";
import { requireCreatorPage } from "@/lib/auth/session";
import { KIND_LABELS, LISTING_KINDS } from "@/lib/listings/kinds";
import { creatorListingsPage, creatorStatusCounts } from "@/lib/listings/queries";
import { statusLabel } from "@/lib/listings/status";
import { formatPrice, formatShortDate } from "@/lib/format";

export const metadata: Metadata = { title: "Your listings" };

const filterSchema = z.object({
  status: z
    .enum([...listingStatus.enumValues, "attention"])
    .optional()
    .catch(undefined),
  kind: z.enum(LISTING_KINDS).optional().catch(undefined),
  q: z.string().max(120).optional().catch(undefined),
  deleted: z.string().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export default async function DashboardListingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireCreatorPage("/dashboard/listings");
  const filter = filterSchema.parse(await searchParams);
  const db = await getDb();
  const page = filter.page ?? 1;
  const [{ rows, hasNext }, counts] = await Promise.all([creatorListingsPage(db, user, filter, page), creatorStatusCounts(db, user)]);
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const canEdit = user.status === "active";
  const tabs = [
    { value: undefined, label: "All", n: total },
    ...listingStatus.enumValues.filter((s) => counts[s]).map((s) => ({ value: s, label: statusLabel(s), n: counts[s] ?? 0 })),
  ];
  const href = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    const next = { status: filter.status, kind: filter.kind, q: filter.q, ...changes };
    for (const [k, v] of Object.entries(next)) if (v) params.set(k, v);
    const qs = params.toString();
    return qs ? `/dashboard/listings?${qs}` : "/dashboard/listings";
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Your listings</h1>
        {canEdit ? <ButtonLink href="/dashboard/listings/new">New listing</ButtonLink> : null}
      </div>
      {filter.deleted ? <Alert tone="success">The draft was deleted.</Alert> : null}

      {total === 0 ? (
        <EmptyState title="No listings yet" action={canEdit ? <ButtonLink href="/dashboard/listings/new">Create your first listing</ButtonLink> : null}>
          Sell a prompt, a preset, a template, an online test or a model file. You can save a draft and come back to it.
        </EmptyState>
      ) : (
        <>
          <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
            {tabs.map((t) => (
              <Link
                key={t.label}
                href={href({ status: t.value })}
                aria-current={filter.status === t.value ? "page" : undefined}
                className={`rounded-full px-3 py-1 text-sm ${filter.status === t.value ? "bg-slate-900 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100"}`}
              >
                {t.label} <span className="tabular-nums opacity-70">{t.n}</span>
              </Link>
            ))}
          </nav>
          <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="Filter listings">
            {filter.status ? <input type="hidden" name="status" value={filter.status} /> : null}
            <div>
              <label htmlFor="listings-q" className="block text-xs font-medium text-slate-600">
                Title contains
              </label>
              <input id="listings-q" name="q" defaultValue={filter.q} className="w-56 rounded-lg border border-slate-300 px-3 py-2 text-sm" />
            </div>
            <div>
              <label htmlFor="listings-kind" className="block text-xs font-medium text-slate-600">
                Kind
              </label>
              <select id="listings-kind" name="kind" defaultValue={filter.kind ?? ""} className="rounded-lg border border-slate-300 px-3 py-2 text-sm">
                <option value="">Any kind</option>
                {LISTING_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">
              Filter
            </button>
          </form>

          {rows.length === 0 ? (
            page > 1 ? (
              <PastTheEnd title="No listings on this page" firstPage={href({})} />
            ) : (
              <EmptyState
                title="Nothing matches these filters"
                action={
                  <ButtonLink href="/dashboard/listings" variant="secondary">
                    Show all listings
                  </ButtonLink>
                }
              />
            )
          ) : (
            <DataTable
              caption="Your listings, most recently edited first"
              roomy
              minWidth="min-w-[44rem]"
              columns={["Listing", "Status", "Versions", ...rightAligned("Price"), ...rightAligned("Sales"), "Actions"]}
            >
              {rows.map((row) => (
                <tr key={row.id} className="align-top">
                  <td className="row-cell min-w-56">
                    <div className="flex items-start gap-3">
                      {row.coverImageId ? (
                        // eslint-disable-next-line @next/next/no-img-element -- immutable stored thumbnail
                        <img src={`/api/images/${row.coverImageId}?size=thumb`} alt="" width={60} height={40} className="row-thumb" />
                      ) : (
                        <span aria-hidden className="mt-0.5 h-10 w-[60px] shrink-0 rounded bg-slate-100" />
                      )}
                      <div className="min-w-0">
                        <Link href={`/dashboard/listings/${row.id}`} className="row-title">
                          {row.title}
                        </Link>
                        <p className="row-meta">
                          {KIND_LABELS[row.kind]} · edited {formatShortDate(row.updatedAt)}
                        </p>
                      </div>
                    </div>
                  </td>
                  <td className="row-cell">
                    <StatusBadge status={row.status} />
                    {row.statusReason && (row.status === "rejected" || row.status === "removed") ? (
                      <p className="mt-1 max-w-56 text-xs text-red-700">{row.statusReason}</p>
                    ) : null}
                  </td>
                  <td className="row-cell text-xs text-slate-600">
                    {row.liveVersion ? <p>Live v{row.liveVersion}</p> : null}
                    {row.pendingVersion ? <p className="text-amber-700">v{row.pendingVersion} waiting for approval</p> : null}
                    {row.detailsPending ? <p className="text-amber-700">Details waiting for approval</p> : null}
                    {row.draftVersion && row.liveVersion ? <p>v{row.draftVersion} draft</p> : null}
                    {row.rejectedVersion && row.liveVersion ? <p className="text-red-700">v{row.rejectedVersion} not approved</p> : null}
                  </td>
                  <td className="row-num">{formatPrice(row.priceCents, row.currency)}</td>
                  <td className="row-num">{row.salesCount.toLocaleString("en-US")}</td>
                  <td className="row-cell">
                    <ListingActions
                      compact
                      canEdit={canEdit}
                      actions={listingRowActions}
                      listing={{ id: row.id, title: row.title, status: row.status, neverPublished: row.liveVersion === null }}
                    />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {page > 1 || hasNext ? (
            <nav aria-label="Pagination" className="flex items-center justify-center gap-3 text-sm">
              {page > 1 ? (
                <ButtonLink href={href({ page: page > 2 ? String(page - 1) : undefined })} variant="secondary">
                  Previous page
                </ButtonLink>
              ) : null}
              <span className="text-slate-600">Page {page}</span>
              {hasNext ? (
                <ButtonLink href={href({ page: String(page + 1) })} variant="secondary" rel="next">
                  Next page
                </ButtonLink>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
