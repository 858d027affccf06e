// A listing's status as a coloured badge with its human label.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { statusLabel, type ListingStatus } from "@/lib/listings/status";

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

const VERSION_TONES = { draft: "neutral", pending_review: "warning", approved: "success", rejected: "danger" } as const satisfies Record<string, BadgeTone>;
const VERSION_LABELS = { draft: "Draft", pending_review: "In review", approved: "Approved", rejected: "Changes requested" } as const;

export function VersionBadge({ status }: { status: keyof typeof VERSION_TONES }) {
  return <Badge tone={VERSION_TONES[status]}>{VERSION_LABELS[status]}</Badge>;
}
