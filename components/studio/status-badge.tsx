// A listing's status as a coloured badge with its human label.
import { statusLabel, type ListingStatus } from "@/lib/listings/status";

const TONES: Record<ListingStatus, string> = {
  draft: "bg-slate-100 text-slate-700 ring-slate-300",
  pending_review: "bg-amber-50 text-amber-800 ring-amber-300",
  published: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  rejected: "bg-red-50 text-red-700 ring-red-300",
  unpublished: "bg-slate-100 text-slate-600 ring-slate-300",
  removed: "bg-red-100 text-red-800 ring-red-400",
};

export function StatusBadge({ status }: { status: ListingStatus }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status]}`}>{statusLabel(status)}</span>;
}

const VERSION_TONES = {
  draft: "bg-slate-100 text-slate-700 ring-slate-300",
  pending_review: "bg-amber-50 text-amber-800 ring-amber-300",
  approved: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  rejected: "bg-red-50 text-red-700 ring-red-300",
} as const;
const VERSION_LABELS = { draft: "Draft", pending_review: "In review", approved: "Approved", rejected: "Changes requested" } as const;

export function VersionBadge({ status }: { status: keyof typeof VERSION_TONES }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${VERSION_TONES[status]}`}>{VERSION_LABELS[status]}</span>;
}
