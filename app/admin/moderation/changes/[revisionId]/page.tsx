import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ApprovalDecision } from "@/components/admin/approval-decision";
import { RemoveListingForm } from "@/components/admin/remove-listing-form";
import { DiffView } from "@/components/admin/diff-view";
import { MARKDOWN_CLASSES } from "@/components/dashboard/markdown-field";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/session";
import { categoryName } from "@/lib/catalog/categories";
import { renderMarkdown } from "@/lib/catalog/markdown";
import { formatDateTime, formatPrice } from "@/lib/format";
import { KIND_LABELS } from "@/lib/listings/kinds";
import { revisionItem } from "@/lib/moderation/revisions";
import { approveRevisionAction, rejectRevisionAction, removeListingAction } from "../../actions";

export const metadata: Metadata = { title: "Listing changes · Admin" };

function Cover({ imageId, label }: { imageId: string | null; label: string }) {
  return (
    <figure className="space-y-1">
      {imageId ? (
        // eslint-disable-next-line @next/next/no-img-element -- immutable stored image
        <img src={`/api/images/${imageId}?size=thumb`} alt={label} width={300} height={200} className="h-auto w-[200px] rounded-lg ring-1 ring-slate-200" />
      ) : (
        <p className="flex h-[133px] w-[200px] items-center justify-center rounded-lg bg-slate-100 text-sm text-slate-500">No cover</p>
      )}
      <figcaption className="text-xs text-slate-500">{label}</figcaption>
    </figure>
  );
}

export default async function RevisionApprovalPage({ params }: { params: Promise<{ revisionId: string }> }) {
  const user = await requireAdminPage();
  const { revisionId } = await params;
  const item = await revisionItem(await getDb(), user, revisionId);
  if (!item) notFound();
  const { listing, proposed, live, revision, creator } = item;
  return (
    <div className="space-y-6">
      <Link href="/admin/moderation" className="text-sm text-brand-700 hover:underline">
        ← Approval queue
      </Link>
      <div>
        <h1 className="text-2xl font-bold">Changes to “{live.title}”</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>
            {KIND_LABELS[listing.kind]} · {categoryName(live.category)} · {formatPrice(listing.priceCents, listing.currency)}
          </span>
          <StatusBadge status={listing.status} />
          <Badge tone="warning">Submitted {formatDateTime(revision.submittedAt)}</Badge>
        </p>
        <p className="mt-1 text-sm text-slate-600">
          by {creator.displayName} (@{creator.handle}, {creator.email}){creator.status !== "active" ? ` — account ${creator.status}` : ""} ·{" "}
          <Link href={`/l/${listing.slug}`} className="text-brand-700 hover:underline">
            live page
          </Link>{" "}
          ·{" "}
          <Link href={`/admin/listings/${listing.id}`} className="text-brand-700 hover:underline">
            the listing&apos;s admin page
          </Link>
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <section className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
            <h2 className="mb-2 text-lg font-semibold">What changes</h2>
            <p className="mb-3 text-sm text-slate-600">
              Changed: {item.fields.length ? item.fields.join(", ") : "nothing (the proposal matches the live details)"}
            </p>
            <DiffView diff={item.diff} from="Live details" to="proposed" />
            {proposed.coverImageId !== live.coverImageId ? (
              <div className="mt-4 flex flex-wrap gap-4">
                <Cover imageId={live.coverImageId} label="Live cover" />
                <Cover imageId={proposed.coverImageId} label="Proposed cover" />
              </div>
            ) : null}
          </section>
          <section className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
            <h2 className="text-lg font-semibold">Proposed details in full</h2>
            <p className="font-medium">{proposed.title}</p>
            <p className="text-sm">{proposed.summary || <span className="text-slate-400">No summary</span>}</p>
            <p className="text-sm text-slate-600">
              {categoryName(proposed.category)}
              {proposed.tags.length ? ` · Tags: ${proposed.tags.join(", ")}` : ""}
            </p>
            <div className={MARKDOWN_CLASSES} dangerouslySetInnerHTML={{ __html: renderMarkdown(proposed.description) }} />
          </section>
        </div>
        <aside className="space-y-3 lg:sticky lg:top-20 lg:self-start">
          <section className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
            <h2 className="mb-3 text-lg font-semibold">Decision</h2>
            {revision.status === "pending" ? (
              <ApprovalDecision revisionId={revision.id} approve={approveRevisionAction} reject={rejectRevisionAction} isUpdate />
            ) : (
              <p className="text-sm text-slate-600">
                Already {revision.status}.{revision.decisionNote ? ` Note: ${revision.decisionNote}` : ""}
              </p>
            )}
          </section>
          {listing.status === "published" ? (
            <section className="rounded-2xl border border-red-200 bg-white p-4 sm:p-6">
              <h2 className="mb-3 text-lg font-semibold">Remove the live listing</h2>
              <RemoveListingForm listingId={listing.id} title={live.title} action={removeListingAction} />
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
