import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ContentView } from "@/components/admin/content-view";
import { DiffView } from "@/components/admin/diff-view";
import { ApprovalDecision } from "@/components/admin/approval-decision";
import { RemoveListingForm } from "@/components/admin/remove-listing-form";
import { LicenseSummary } from "@/components/listings/license-summary";
import { MARKDOWN_CLASSES } from "@/components/dashboard/markdown-field";
import { StatusBadge, VersionBadge } from "@/components/dashboard/status-badge";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/session";
import { categoryName } from "@/lib/catalog/categories";
import { renderMarkdown } from "@/lib/catalog/markdown";
import { KIND_LABELS } from "@/lib/listings/kinds";
import { approvalItem } from "@/lib/moderation/approvals";
import { formatPrice } from "@/lib/format";
import { approveAction, rejectAction, removeListingAction } from "../actions";

export const metadata: Metadata = { title: "Approval · Admin" };

export default async function ApprovalPage({ params }: { params: Promise<{ versionId: string }> }) {
  const user = await requireAdminPage();
  const { versionId } = await params;
  const item = await approvalItem(await getDb(), user, versionId);
  if (!item) notFound();
  const { listing, version, creator } = item;
  return (
    <div className="space-y-6">
      <Link href="/admin/moderation" className="text-sm text-brand-700 hover:underline">
        ← Approval queue
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{listing.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <span>
              {KIND_LABELS[listing.kind]} · {categoryName(listing.category)} · {formatPrice(listing.priceCents, listing.currency)}
            </span>
            <StatusBadge status={listing.status} />
            <span>Version {version.number}</span>
            <VersionBadge status={version.approvalStatus} />
          </p>
          <p className="mt-1 text-sm text-slate-600">
            by {creator.displayName} (@{creator.handle}, {creator.email}){creator.status !== "active" ? ` — account ${creator.status}` : ""} ·{" "}
            <Link href={`/admin/listings/${listing.id}`} className="text-brand-700 hover:underline">
              the listing&apos;s admin page
            </Link>
          </p>
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          {version.changelog ? (
            <section className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
              <h2 className="mb-2 text-lg font-semibold">Changelog</h2>
              <p className="whitespace-pre-line text-sm">{version.changelog}</p>
            </section>
          ) : null}
          {item.diff && item.live ? (
            <section className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
              <h2 className="mb-2 text-lg font-semibold">Changes from the live version</h2>
              <DiffView diff={item.diff} liveNumber={item.live.number} newNumber={version.number} />
            </section>
          ) : null}
          <section className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
            <h2 className="mb-3 text-lg font-semibold">Full content of version {version.number}</h2>
            {item.content ? (
              <ContentView content={item.content} file={item.file} />
            ) : (
              <p className="text-sm text-red-700">This version&apos;s content does not pass its schema.</p>
            )}
          </section>
          <section aria-labelledby="approval-license" className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
            <h2 id="approval-license" className="mb-3 text-lg font-semibold">
              License of version {version.number}
            </h2>
            {item.license ? (
              <LicenseSummary license={item.license} />
            ) : (
              <p className="text-sm text-red-700">No license chosen: buyers would not know what they may do with it.</p>
            )}
          </section>
          <section className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
            <h2 className="text-lg font-semibold">Public details</h2>
            {listing.coverImageId ? (
              // eslint-disable-next-line @next/next/no-img-element -- immutable stored image
              <img src={`/api/images/${listing.coverImageId}`} alt="Cover" className="max-h-64 rounded-lg ring-1 ring-slate-200" />
            ) : (
              <p className="text-sm text-slate-500">No cover image.</p>
            )}
            <p className="text-sm font-medium">{listing.summary || <span className="text-slate-400">No summary</span>}</p>
            {listing.tags.length ? <p className="text-sm text-slate-600">Tags: {listing.tags.join(", ")}</p> : null}
            <div className={MARKDOWN_CLASSES} dangerouslySetInnerHTML={{ __html: renderMarkdown(listing.description) }} />
          </section>
        </div>
        <aside className="space-y-3 lg:sticky lg:top-20 lg:self-start">
          <section className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
            <h2 className="mb-3 text-lg font-semibold">Decision</h2>
            {version.approvalStatus === "pending_review" ? (
              <ApprovalDecision versionId={version.id} approve={approveAction} reject={rejectAction} isUpdate={Boolean(item.live)} />
            ) : (
              <p className="text-sm text-slate-600">
                Already {version.approvalStatus === "approved" ? "approved" : "rejected"}.{version.approvalNote ? ` Reason: ${version.approvalNote}` : ""}
              </p>
            )}
          </section>
          {listing.status === "published" ? (
            <section className="rounded-2xl border border-red-200 bg-white p-4 sm:p-6">
              <h2 className="mb-3 text-lg font-semibold">Remove the live listing</h2>
              <RemoveListingForm listingId={listing.id} title={listing.title} action={removeListingAction} />
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
