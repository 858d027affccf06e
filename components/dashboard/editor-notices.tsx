// What the editor says above the form: a rejection to fix, a removal, a version waiting for approval, a suspension.
import { Alert } from "@/components/ui/alert";
import type { EditorData } from "./listing-editor";

export function EditorNotices({ status, data }: { status: EditorData["listing"]["status"]; data: EditorData }) {
  const { listing } = data;
  return (
    <>
      {status === "rejected" && listing.statusReason ? (
        <Alert tone="error" role="note">
          <p className="font-semibold">Changes requested by an admin</p>
          <p className="mt-1 whitespace-pre-line" data-testid="rejection-reason">
            {listing.statusReason}
          </p>
          <p className="mt-2">Edit the listing, then submit it again.</p>
        </Alert>
      ) : data.lastRejection && !data.pending ? (
        <Alert tone="error" role="note">
          <p className="font-semibold">Version {data.lastRejection.number} was not approved</p>
          <p className="mt-1 whitespace-pre-line" data-testid="rejection-reason">
            {data.lastRejection.reason}
          </p>
        </Alert>
      ) : null}
      {status === "removed" ? (
        <div role="note" className="rounded-xl border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p className="font-semibold">Removed by a moderator</p>
          {listing.statusReason ? <p className="mt-1 whitespace-pre-line">{listing.statusReason}</p> : null}
        </div>
      ) : null}
      {data.pending ? (
        <div role="note" className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Version {data.pending.number} is waiting for approval.
          {data.listing.liveVersionNumber
            ? ` Buyers keep getting version ${data.listing.liveVersionNumber} until it is approved.`
            : " You'll be notified when an admin has decided."}
        </div>
      ) : null}
      {data.revision.pending ? (
        <div role="note" className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="revision-pending">
          <p className="font-semibold">Your changes to the details are waiting for approval</p>
          <p className="mt-1">
            Changed: {data.revision.pending.fields.join(", ")}. The listing page keeps showing the approved details until an admin approves them. You can keep
            editing them meanwhile.
          </p>
        </div>
      ) : data.revision.lastRejection ? (
        <Alert tone="error" role="note">
          <p className="font-semibold">Your last changes to the details were not approved</p>
          <p className="mt-1 whitespace-pre-line" data-testid="revision-rejection-reason">
            {data.revision.lastRejection.reason}
          </p>
          <p className="mt-2">The approved details stay public. Edit them and submit again.</p>
        </Alert>
      ) : null}
      {!data.canEdit ? (
        <p className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900">Your account is suspended: you can see your listings but not change them.</p>
      ) : null}
    </>
  );
}
