import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CounterNoticeForm } from "@/components/dashboard/counter-notice-form";
import { ListingEditor, type EditorData } from "@/components/dashboard/listing-editor";
import { editorActions } from "../editor-actions";
import { getDb } from "@/db/client";
import { requireCreatorPage } from "@/lib/auth/session";
import { detailsToForm } from "@/lib/listings/details";
import { fileMaxBytes } from "@/lib/files/limits";
import { storageUsage } from "@/lib/storage/quota";
import { editorLicense } from "@/lib/listings/license";
import { listingForEditor } from "@/lib/listings/queries";
import { removalCase } from "@/lib/reports/counter-notice";
import { counterNoticeAction } from "./actions";
import type { CategorySlug } from "@/lib/catalog/categories";

export const metadata: Metadata = { title: "Edit listing" };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export default async function EditListingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireCreatorPage(`/dashboard/listings/${id}`);
  const db = await getDb();
  const editor = await listingForEditor(db, user, id);
  // Another creator's listing is simply not found.
  if (!editor) notFound();
  const { listing, versions, draft, revision } = editor;
  // The editor shows and edits the text waiting for approval, if any; the live text stays on the public page.
  const text = revision.pending ?? listing;
  const removal = listing.status === "removed" ? await removalCase(db, user, listing.id) : null;
  const pending = versions.find((v) => v.approvalStatus === "pending_review");
  const live = versions.find((v) => v.isLive);
  const data: EditorData = {
    listing: {
      id: listing.id,
      kind: listing.kind,
      status: listing.status,
      statusReason: listing.statusReason,
      slug: listing.slug,
      publishedAt: iso(listing.publishedAt),
      coverImageId: text.coverImageId,
      creatorHandle: user.creatorHandle,
      liveVersionNumber: live?.number ?? null,
    },
    details: detailsToForm({
      title: text.title,
      summary: text.summary,
      description: text.description,
      category: text.category as CategorySlug,
      tags: text.tags,
      priceCents: listing.priceCents,
    }),
    content: editor.startingContent,
    changelog: editor.startingChangelog,
    draftNumber: draft?.number ?? null,
    nextNumber: editor.nextNumber,
    pending: pending ? { number: pending.number, submittedAt: iso(pending.submittedAt) } : null,
    lastRejection: editor.lastRejection,
    versions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      approvalStatus: v.approvalStatus,
      approvalNote: v.approvalNote,
      changelog: v.changelog,
      submittedAt: iso(v.submittedAt),
      decidedAt: iso(v.decidedAt),
      isLive: v.isLive,
    })),
    fileMaxBytes: fileMaxBytes(),
    storageUsage: await storageUsage(db, user.id),
    canEdit: user.status === "active",
    license: await editorLicense(db, listing.id),
    revision: {
      pending: revision.pending ? { submittedAt: revision.pending.submittedAt.toISOString(), fields: revision.pending.fields } : null,
      lastRejection: revision.lastRejection ? { reason: revision.lastRejection.reason } : null,
    },
  };
  // Remount the editor when the server state moves on (submitted, approved, rejected, unpublished…).
  const key = `${listing.status}-${pending?.number ?? 0}-${draft?.number ?? 0}-${listing.currentVersionId ?? ""}`;
  return (
    <>
      <ListingEditor key={key} data={data} actions={editorActions} />
      {removal ? (
        <div className="mt-6">
          <CounterNoticeForm
            listingId={listing.id}
            removal={{ reason: removal.reason, counterNotice: removal.counterNotice, reopened: removal.reopened }}
            action={counterNoticeAction}
          />
        </div>
      ) : null}
    </>
  );
}
