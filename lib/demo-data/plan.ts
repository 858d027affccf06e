// The shape of the seeded world before any text is written: who sells what, in which state, at what price and when.
import { LISTING_KINDS, type Kind } from "@/lib/listings/kinds";
import type { ListingStatus } from "@/db/schema";
import { seededUuid } from "./ids";
import { mix32, Random } from "./random";

/**
 * "Now" for the generated history: the start of today (UTC), so trending and 30-day charts look alive
 * whenever the demo is seeded; SEED_ANCHOR (an ISO date) pins it. Fixed for the life of the process,
 * so the same options give the same world.
 */
export const ANCHOR = seedAnchor(process.env.SEED_ANCHOR);

function seedAnchor(pinned: string | undefined): number {
  if (pinned && !Number.isNaN(Date.parse(pinned))) return Date.parse(pinned);
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}
export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export type VersionPlan = {
  id: string;
  number: number;
  reviewStatus: "draft" | "pending_review" | "approved" | "rejected";
  createdAt: number;
  submittedAt: number | null;
  reviewedAt: number | null;
};

export type ListingPlan = {
  index: number;
  id: string;
  /** Index into the creators list (0 = the demo creator). */
  creator: number;
  kind: Kind;
  status: ListingStatus;
  priceCents: number;
  createdAt: number;
  publishedAt: number | null;
  /** When the listing stopped selling (unpublished/removed), else the anchor. */
  sellingUntil: number;
  updatedAt: number;
  versions: VersionPlan[];
  /** The live (latest approved) version, if any. */
  currentVersion: VersionPlan | null;
  coverIndex: number | null;
  /** How many distinct buyers we aim to give it (before buyer availability). */
  salesTarget: number;
};

export const KIND_WEIGHTS: readonly (readonly [Kind, number])[] = [
  ["prompt", 34],
  ["template", 20],
  ["preset", 16],
  ["test", 14],
  ["model", 16],
];

const STATUS_WEIGHTS: readonly (readonly [ListingStatus, number])[] = [
  ["published", 86],
  ["draft", 4],
  ["pending_review", 3],
  ["rejected", 2],
  ["unpublished", 3.5],
  ["removed", 1.5],
];

const PRICES: Record<Kind, readonly number[]> = {
  prompt: [199, 299, 299, 399, 499, 499, 699, 999, 1499],
  preset: [299, 499, 799, 999, 999, 1499, 1999, 2499],
  template: [299, 499, 999, 999, 1499, 1999, 2999],
  test: [499, 999, 1499, 1999, 2999, 3999],
  model: [999, 1999, 2999, 4999, 7999, 9999, 14999, 19999, 49999],
};

export function creatorCount(listings: number): number {
  return Math.max(5, Math.ceil(listings / 40));
}

export function buyerCount(listings: number): number {
  return Math.max(40, Math.ceil(listings / 6));
}

/** The demo creator owns a recognisable shelf: published listings plus one draft, one pending, one rejected. */
export function demoCreatorListingCount(listings: number): number {
  return Math.min(listings, Math.max(12, Math.min(40, Math.round(listings / 25))));
}

function demoStatus(index: number, count: number): ListingStatus {
  if (count < 4) return "published";
  if (index === count - 3) return "draft";
  if (index === count - 2) return "pending_review";
  if (index === count - 1) return "rejected";
  return "published";
}

function planVersions(rng: Random, listingIndex: number, status: ListingStatus, createdAt: number, publishedAt: number | null, sellingUntil: number) {
  const versions: VersionPlan[] = [];
  const add = (reviewStatus: VersionPlan["reviewStatus"], at: number, reviewed: boolean) => {
    const submittedAt = reviewStatus === "draft" ? null : Math.min(at + rng.int(10, 600) * 60_000, ANCHOR - 2 * HOUR);
    versions.push({
      id: seededUuid("version", listingIndex * 8 + versions.length),
      number: versions.length + 1,
      reviewStatus,
      createdAt: at,
      submittedAt,
      reviewedAt: reviewed && submittedAt !== null ? Math.min(submittedAt + rng.int(2, 40) * HOUR, ANCHOR - HOUR) : null,
    });
  };
  if (publishedAt === null) {
    add(status === "draft" ? "draft" : status === "pending_review" ? "pending_review" : "rejected", createdAt, status === "rejected");
    return versions;
  }
  versions.push({
    id: seededUuid("version", listingIndex * 8),
    number: 1,
    reviewStatus: "approved",
    createdAt,
    submittedAt: publishedAt - rng.int(3, 20) * HOUR,
    reviewedAt: publishedAt,
  });
  // Later versions only for listings that were on sale long enough to be revised.
  const span = sellingUntil - publishedAt;
  if (span < 20 * DAY) return versions;
  const approved = rng.weighted<number>([
    [1, 80],
    [2, 15],
    [3, 5],
  ]);
  for (let n = 2; n <= approved; n++) {
    add("approved", publishedAt + Math.floor((span * (n - 1 + rng.next() * 0.5)) / (approved + 0.5)), true);
  }
  if (status === "published" && rng.chance(0.04)) add("pending_review", sellingUntil - rng.int(1, 6) * DAY, false);
  return versions;
}

function lastActivity(rng: Random, versions: readonly VersionPlan[], sellingUntil: number): number {
  const last = versions[versions.length - 1];
  const versionActivity = last.reviewedAt ?? last.submittedAt ?? last.createdAt + rng.int(1, 48) * HOUR;
  const statusChange = sellingUntil < ANCHOR ? sellingUntil : 0;
  return Math.min(ANCHOR - HOUR, Math.max(versionActivity, statusChange));
}

function salesTarget(rng: Random, everPublished: boolean, demo: boolean): number {
  if (!everPublished) return 0;
  // Most listings sell a handful of copies; about one in a hundred is a bestseller.
  const target = rng.chance(0.01) ? rng.int(12, 60) : Math.floor(-Math.log(1 - rng.next()));
  return demo ? Math.max(target, rng.int(3, 12)) : target;
}

/** Plans `count` listings; listing `i` is always planned the same way for a given count. */
export function planListings(count: number, coverPoolSize: number): ListingPlan[] {
  const creators = creatorCount(count);
  const demoCount = demoCreatorListingCount(count);
  const plans: ListingPlan[] = [];
  for (let index = 0; index < count; index++) {
    const rng = Random.for("listing-plan", index);
    const demo = index < demoCount;
    const other = index - demoCount;
    const creator = demo ? 0 : other < creators - 1 ? other + 1 : 1 + Math.floor((creators - 1) * rng.next() ** 1.6);
    const kind = demo ? LISTING_KINDS[index % LISTING_KINDS.length] : rng.weighted(KIND_WEIGHTS);
    const status = demo ? demoStatus(index, demoCount) : rng.weighted(STATUS_WEIGHTS);
    const priceCents = rng.chance(0.15) ? 0 : rng.pick(PRICES[kind]);
    const everPublished = status === "published" || status === "unpublished" || status === "removed";

    let createdAt: number;
    let publishedAt: number | null = null;
    let sellingUntil = ANCHOR;
    if (everPublished) {
      publishedAt = ANCHOR - Math.floor(540 * DAY * rng.next() ** 1.3) - rng.int(1, 12) * HOUR;
      createdAt = publishedAt - rng.int(1, 20) * DAY - rng.int(0, 23) * HOUR;
      if (status !== "published") sellingUntil = publishedAt + Math.floor((ANCHOR - publishedAt) * (0.4 + rng.next() * 0.55));
    } else {
      createdAt = ANCHOR - rng.int(2, status === "draft" ? 90 : 120) * DAY - rng.int(0, 23) * HOUR;
    }
    const versions = planVersions(rng, index, status, createdAt, publishedAt, sellingUntil);
    const approved = versions.filter((version) => version.reviewStatus === "approved");
    plans.push({
      index,
      id: seededUuid("listing", index),
      creator,
      kind,
      status,
      priceCents,
      createdAt,
      publishedAt,
      sellingUntil,
      updatedAt: lastActivity(rng, versions, sellingUntil),
      versions,
      currentVersion: approved[approved.length - 1] ?? null,
      coverIndex: status === "draft" && rng.chance(0.5) ? null : mix32(index) % coverPoolSize,
      salesTarget: salesTarget(rng, everPublished, demo),
    });
  }
  return plans;
}
