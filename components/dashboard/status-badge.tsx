// A listing's status as a coloured badge with its human label.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { statusLabel, type ListingStatus, type VersionStatus } from "@/lib/listings/status";

const TONES: Record<ListingStatus, BadgeTone> = {
  draft: "neutral",
  pending_review: "warning",
  published: "success",
  rejected: "danger",
  unpublished: "neutral",
  removed: "severe",
};

export function StatusBadge({ status }: { status: ListingStatus }) {
  return <Badge tone={TONES[status]}>{statusLabel(status)}</Badge>;
}

const VERSION_TONES: Record<VersionStatus, BadgeTone> = { draft: "neutral", pending_review: "warning", approved: "success", rejected: "danger" };
const VERSION_LABELS: Record<VersionStatus, string> = {
  draft: "Draft",
  pending_review: "Waiting for approval",
  approved: "Approved",
  rejected: "Changes requested",
};

export function VersionBadge({ status }: { status: VersionStatus }) {
  return <Badge tone={VERSION_TONES[status]}>{VERSION_LABELS[status]}</Badge>;
}
