// The listing status machine (ARCHITECTURE.md, "Listings and versions"): which status may follow which, and who may make the move.
import type { ListingStatus, ListingVersion } from "@/db/schema";

export type { ListingStatus };
/** Where a version stands in approval: `draft → pending_review → approved | rejected` (the `review_status` column). */
export type VersionStatus = ListingVersion["reviewStatus"];
import { DomainError, type ListingLock } from "@/lib/errors";

export type StatusMove = { from: ListingStatus; to: ListingStatus; by: "creator" | "admin" };

/**
 * Every allowed move. Anything not listed is refused:
 * draft → pending_review (creator submits the first version), pending_review → published | rejected (admin),
 * rejected → draft (creator revises), published ⇄ unpublished (creator), published → removed (admin),
 * removed → published (admin, when the creator's counter-notice is upheld).
 */
export const STATUS_MOVES: readonly StatusMove[] = [
  { from: "draft", to: "pending_review", by: "creator" },
  { from: "pending_review", to: "published", by: "admin" },
  { from: "pending_review", to: "rejected", by: "admin" },
  { from: "rejected", to: "draft", by: "creator" },
  { from: "published", to: "unpublished", by: "creator" },
  { from: "unpublished", to: "published", by: "creator" },
  { from: "published", to: "removed", by: "admin" },
  { from: "removed", to: "published", by: "admin" },
];

export function canMove(from: ListingStatus, to: ListingStatus, by: "creator" | "admin"): boolean {
  return STATUS_MOVES.some((m) => m.from === from && m.to === to && m.by === by);
}

/** Statuses in which nothing about the listing may change, and why (the catalogue words it). */
const LOCKS: Partial<Record<ListingStatus, ListingLock>> = { pending_review: "approval", removed: "removal" };

/** Throws a conflict when the move is not allowed, with a message that says why in the person's terms. */
export function assertMove(from: ListingStatus, to: ListingStatus, by: "creator" | "admin"): void {
  if (canMove(from, to, by)) return;
  throw new DomainError("listing.bad_transition", { from: statusLabel(from).toLowerCase(), to: statusLabel(to).toLowerCase(), lock: LOCKS[from] });
}

/** Listings whose details and content the creator may change: everything but a first version waiting for approval and removed. */
export function isEditable(status: ListingStatus): boolean {
  return !LOCKS[status];
}

export function assertEditable(status: ListingStatus): void {
  const lock = LOCKS[status];
  if (lock) throw new DomainError("listing.locked", { lock });
}

export const STATUS_LABELS: Record<ListingStatus, string> = {
  draft: "Draft",
  pending_review: "Waiting for approval",
  published: "Published",
  rejected: "Changes requested",
  unpublished: "Unpublished",
  removed: "Removed",
};

export function statusLabel(status: ListingStatus): string {
  return STATUS_LABELS[status];
}
