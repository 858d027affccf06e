// Seeded sales of one listing: paid/refunded/expired orders, their balanced ledger journals and buyers' reviews.
import type { ledgerEntries, orders, reviews } from "@/db/schema";
import { reverseLines, saleLines, type JournalLine } from "@/lib/ledger/journal";
import { splitPrice } from "@/lib/orders/pricing";
import { localStripeId, seededUuid } from "./ids";
import type { People } from "./people";
import { ANCHOR, DAY, HOUR, type ListingPlan } from "./plan";
import { Random } from "./random";
import { creatorReply, RATING_WEIGHTS, reviewBody } from "./review-text";

/** The platform fee the seeded history was sold under (ARCHITECTURE.md, "Database": PLATFORM_FEE_BPS default). */
export const SEED_FEE_BPS = 2000;

export type OrderRow = typeof orders.$inferInsert;
export type LedgerRow = typeof ledgerEntries.$inferInsert;
export type ReviewRow = typeof reviews.$inferInsert;

export type Sales = {
  orders: OrderRow[];
  ledger: LedgerRow[];
  reviews: ReviewRow[];
  salesCount: number;
  ratingSum: number;
  ratingCount: number;
};

/** Running counters that make order, journal and review ids unique across the whole seed. */
export type SalesCounters = { orders: number; journals: number; reviews: number };

/** Listings the demo buyer owns, and whether they already reviewed each one. */
export type DemoPurchases = Map<number, { reviewed: boolean }>;

function journalRows(lines: readonly JournalLine[], journalId: string, kind: "sale" | "refund", orderId: string, at: number): LedgerRow[] {
  return lines.map((line) => ({ journalId, account: line.account, amountCents: line.amountCents, currency: "usd", kind, orderId, createdAt: new Date(at) }));
}

function pickShopper(rng: Random, people: People, sellerUser: number, taken: Set<number>): number | null {
  for (let attempt = 0; attempt < 12; attempt++) {
    const user = rng.chance(0.8) ? people.buyerUserIndex(rng.int(0, people.buyers - 1)) : people.creatorUserIndex(rng.int(0, people.creators - 1));
    if (user !== sellerUser && !taken.has(user)) return user;
  }
  return null;
}

export function sellListing(listing: ListingPlan, people: People, demoPurchases: DemoPurchases, counters: SalesCounters): Sales {
  const sales: Sales = { orders: [], ledger: [], reviews: [], salesCount: 0, ratingSum: 0, ratingCount: 0 };
  if (!listing.currentVersion || listing.publishedAt === null) return sales;
  const approved = listing.versions.filter((v) => v.reviewStatus === "approved");
  // What a buyer got: the version live when they paid (a later approved version shows as an update in their library).
  const liveAt = (at: number) => approved.reduce((live, v) => (v.reviewedAt !== null && v.reviewedAt <= at ? v : live), approved[0]);
  const rng = Random.for("sales", listing.index);
  const sellerUser = people.creatorUserIndex(listing.creator);
  const creatorId = people.userIds[sellerUser];
  const split = splitPrice(listing.priceCents, SEED_FEE_BPS);
  const demo = demoPurchases.get(listing.index);
  // Everyone already considered for this listing: one entitlement per buyer and listing.
  const considered = new Set<number>();
  const capacity = Math.floor((people.buyers + people.creators) / 2);
  const target = Math.min(listing.salesTarget, capacity);

  const sell = (buyerUser: number, forcedReview: boolean | null) => {
    const start = Math.max(listing.publishedAt ?? 0, people.joinedAt[buyerUser]) + HOUR;
    const end = listing.sellingUntil - HOUR;
    considered.add(buyerUser);
    if (start >= end) return;
    const orderIndex = counters.orders++;
    const id = seededUuid("order", orderIndex);
    const paidAt = start + Math.floor(rng.next() * (end - start));
    const paid = split.priceCents > 0;
    const refunded = paid && forcedReview === null && rng.chance(0.025);
    const refundedAt = refunded ? Math.min(paidAt + rng.int(1, 14) * DAY, ANCHOR - HOUR) : null;
    sales.orders.push({
      id,
      buyerId: people.userIds[buyerUser],
      listingId: listing.id,
      creatorId,
      versionId: liveAt(paidAt).id,
      status: refunded ? "refunded" : "paid",
      ...split,
      refundedCents: refunded ? split.priceCents : 0,
      currency: "usd",
      checkoutSessionId: paid ? localStripeId("cs", orderIndex) : null,
      paymentIntentId: paid ? localStripeId("pi", orderIndex) : null,
      chargeId: paid ? localStripeId("ch", orderIndex) : null,
      paidAt: new Date(paidAt),
      refundedAt: refundedAt === null ? null : new Date(refundedAt),
      createdAt: new Date(paidAt - rng.int(30, 600) * 1000),
      updatedAt: new Date(refundedAt ?? paidAt),
    });
    if (paid) {
      const lines = saleLines({ creatorId, ...split });
      sales.ledger.push(...journalRows(lines, seededUuid("journal", counters.journals++), "sale", id, paidAt));
      if (refundedAt !== null) sales.ledger.push(...journalRows(reverseLines(lines), seededUuid("journal", counters.journals++), "refund", id, refundedAt));
    }
    if (refunded) return;
    sales.salesCount++;
    if (forcedReview === false || (forcedReview === null && !rng.chance(0.38))) return;
    const rating = forcedReview
      ? rng.weighted<number>([
          [5, 3],
          [4, 2],
        ])
      : rng.weighted(RATING_WEIGHTS);
    const createdAt = Math.min(paidAt + rng.int(1, 30) * DAY, ANCHOR - HOUR);
    const hidden = forcedReview === null && rng.chance(0.01);
    const replied = rng.chance(0.12);
    sales.reviews.push({
      id: seededUuid("review", counters.reviews++),
      orderId: id,
      listingId: listing.id,
      authorId: people.userIds[buyerUser],
      rating,
      body: reviewBody(rng, rating, listing.kind),
      creatorReply: replied ? creatorReply(rng, rating) : null,
      repliedAt: replied ? new Date(Math.min(createdAt + rng.int(1, 5) * DAY, ANCHOR - 1000)) : null,
      hiddenAt: hidden ? new Date(Math.min(createdAt + 2 * DAY, ANCHOR - 1000)) : null,
      hiddenBy: hidden ? people.adminId : null,
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt),
    });
    if (!hidden) {
      sales.ratingSum += rating;
      sales.ratingCount++;
    }
  };

  if (demo) sell(people.buyerUserIndex(0), demo.reviewed);
  for (let sold = sales.orders.length; sold < target; sold = sales.orders.length) {
    const buyer = pickShopper(rng, people, sellerUser, considered);
    if (buyer === null) break;
    sell(buyer, null);
  }

  // Abandoned checkouts: a Stripe session that expired without payment (no ledger, no entitlement).
  if (split.priceCents > 0 && rng.chance(0.03)) {
    const buyer = pickShopper(rng, people, sellerUser, new Set());
    if (buyer !== null) {
      const orderIndex = counters.orders++;
      const at = Math.max(listing.publishedAt, people.joinedAt[buyer]) + rng.int(1, 30) * DAY;
      if (at < listing.sellingUntil) {
        sales.orders.push({
          id: seededUuid("order", orderIndex),
          buyerId: people.userIds[buyer],
          listingId: listing.id,
          creatorId,
          versionId: liveAt(at).id,
          status: "expired",
          ...split,
          refundedCents: 0,
          currency: "usd",
          checkoutSessionId: localStripeId("cs", orderIndex),
          paymentIntentId: null,
          chargeId: null,
          paidAt: null,
          refundedAt: null,
          createdAt: new Date(at),
          updatedAt: new Date(at + DAY),
        });
      }
    }
  }
  return sales;
}
