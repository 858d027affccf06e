// The editor's title bar: where the listing stands and what can be done with it.
import Link from "@/components/ui/link";
import { ListingActions } from "./listing-actions";
import { StatusBadge } from "./status-badge";
import type { EditorData } from "./listing-editor";
import type { ListingRowActions } from "./editor-actions";

export function EditorHeader({
  listing,
  title,
  canEdit,
  actions,
}: {
  listing: EditorData["listing"];
  title: string;
  canEdit: boolean;
  actions: ListingRowActions;
}) {
  return (
    <div className="space-y-3">
      <Link href="/dashboard/listings" className="text-sm text-brand-700 hover:underline">
        ← All listings
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h1 className="break-words text-2xl font-bold">{title}</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <StatusBadge status={listing.status} />
            {listing.liveVersionNumber ? <span>Live: version {listing.liveVersionNumber}</span> : null}
            {listing.status === "published" ? (
              <Link href={`/l/${listing.slug}`} className="text-brand-700 hover:underline">
                View listing page
              </Link>
            ) : (
              <span className="text-slate-400">/l/{listing.slug}</span>
            )}
          </div>
        </div>
        <ListingActions listing={{ id: listing.id, title, status: listing.status, neverPublished: !listing.publishedAt }} canEdit={canEdit} actions={actions} />
      </div>
    </div>
  );
}
