// Reading reviews for a listing page: sorted keyset pages, the rating summary, and what this viewer may do.
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db } from "@/db/client";
import { listings, orders, type ListingStatus, type OrderStatus } from "@/db/schema";
import { isAdmin as actsAsAdmin, type Actor } from "@/lib/auth/actor";
import { DomainError, isDomainError } from "@/lib/errors";
import { entitledOrder, isEntitling } from "@/lib/orders/entitlement";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/lib/keyset-cursor";
import { isUuid, uuidSchema } from "@/lib/uuid";
import { reviewSortSchema, type ReviewSort } from "./schemas";

export type ReviewItem = {
  id: string;
  rating: number;
  body: string;
  authorName: string;
  createdAt: string;
  /** The author changed it after posting. */
  edited: boolean;
  creatorReply: string | null;
  repliedAt: string | null;
  hidden: boolean;
  mine: boolean;
  can: { edit: boolean; reply: boolean; hide: boolean; restore: boolean };
};

export type ReviewPage = { items: ReviewItem[]; nextCursor: string | null };

type Row = {
  id: string;
  rating: number;
  body: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  edited: boolean;
  creatorReply: string | null;
  repliedAt: string | null;
  hidden: boolean;
  orderStatus: OrderStatus;
};

type ListingRef = { id: string; creatorId: string; status: ListingStatus; ratingAvg: number; ratingCount: number };

const TS = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

const cursorSchema = z.tuple([z.number().int().min(1).max(5), z.iso.datetime(), uuidSchema()]);

export function encodeReviewCursor(row: { rating: number; createdAt: string; id: string }): string {
  return encodeKeysetCursor([row.rating, row.createdAt, row.id]);
}

/** A cursor from the client, or null when absent or not one of ours (the first page is served then). */
export function decodeReviewCursor(cursor: string | null | undefined): [number, string, string] | null {
  return decodeKeysetCursor(cursorSchema, cursor);
}

/** An admin who may act as one (two-factor sign-in on) sees every review, hidden ones too. */
const isAdmin = (actor: Actor | null): boolean => actsAsAdmin(actor);

/**
 * The listing, if the actor may see its reviews: anyone for a published listing; otherwise only its
 * creator, admins and people who ordered it. Everyone else gets "not found".
 */
async function visibleListing(db: Db, actor: Actor | null, listingId: string): Promise<ListingRef> {
  if (!isUuid(listingId)) throw new DomainError("not_found");
  const [listing] = await db
    .select({ id: listings.id, creatorId: listings.creatorId, status: listings.status, ratingAvg: listings.ratingAvg, ratingCount: listings.ratingCount })
    .from(listings)
    .where(eq(listings.id, listingId))
    .limit(1);
  if (!listing) throw new DomainError("not_found");
  if (listing.status === "published" || isAdmin(actor) || listing.creatorId === actor?.id) return listing;
  if (actor) {
    const [order] = await db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.buyerId, actor.id), eq(orders.listingId, listingId), inArray(orders.status, ["paid", "disputed", "refunded"])))
      .limit(1);
    if (order) return listing;
  }
  throw new DomainError("not_found");
}

function toItem(row: Row, actor: Actor | null, listing: ListingRef): ReviewItem {
  const active = actor?.status === "active";
  const mine = row.authorId === actor?.id;
  const admin = isAdmin(actor);
  return {
    id: row.id,
    rating: Number(row.rating),
    body: row.body,
    authorName: row.authorName,
    createdAt: row.createdAt,
    edited: Boolean(row.edited),
    creatorReply: row.creatorReply,
    repliedAt: row.repliedAt,
    hidden: Boolean(row.hidden),
    mine,
    can: {
      edit: mine && active && row.orderStatus === "paid",
      reply: active && listing.creatorId === actor?.id && !row.creatorReply && !row.hidden,
      hide: admin && !row.hidden,
      restore: admin && Boolean(row.hidden) && isEntitling(row.orderStatus),
    },
  };
}

const SELECT = sql`select r.id, r.rating::int as rating, r.body, r.author_id as "authorId", u.name as "authorName",
    ${TS("r.created_at")} as "createdAt", r.updated_at > r.created_at as edited, r.creator_reply as "creatorReply",
    ${TS("r.replied_at")} as "repliedAt", r.hidden_at is not null as hidden, o.status as "orderStatus"
  from reviews r join users u on u.id = r.author_id join orders o on o.id = r.order_id`;

/**
 * One page of a listing's reviews. Hidden reviews are only listed for admins; the viewer's own review
 * is left out (the page shows it above the list, see reviewViewer).
 */
export async function listReviews(
  db: Db,
  actor: Actor | null,
  listingId: string,
  opts: { sort?: ReviewSort; cursor?: string | null; limit?: number } = {},
): Promise<ReviewPage> {
  const listing = await visibleListing(db, actor, listingId);
  const sort = opts.sort ?? "newest";
  const limit = Math.min(Math.max(opts.limit ?? 10, 1), 50);
  const after = decodeReviewCursor(opts.cursor);

  let keyset = sql`true`;
  if (after) {
    const [rating, createdAt, id] = after;
    keyset =
      sort === "newest"
        ? sql`(r.created_at, r.id) < (${createdAt}::timestamptz, ${id}::uuid)`
        : sort === "highest"
          ? sql`(r.rating, r.created_at, r.id) < (${rating}::smallint, ${createdAt}::timestamptz, ${id}::uuid)`
          : sql`(r.rating > ${rating}::smallint or (r.rating = ${rating}::smallint and (r.created_at, r.id) < (${createdAt}::timestamptz, ${id}::uuid)))`;
  }
  const order =
    sort === "newest"
      ? sql`r.created_at desc, r.id desc`
      : sort === "highest"
        ? sql`r.rating desc, r.created_at desc, r.id desc`
        : sql`r.rating asc, r.created_at desc, r.id desc`;
  const rows = await queryRows<Row>(
    db,
    sql`${SELECT}
        where r.listing_id = ${listing.id}
          and ${isAdmin(actor) ? sql`true` : sql`r.hidden_at is null`}
          and r.author_id <> ${actor?.id ?? "00000000-0000-0000-0000-000000000000"}::uuid
          and ${keyset}
        order by ${order} limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toItem(row, actor, listing)),
    nextCursor: rows.length > limit && last ? encodeReviewCursor({ rating: Number(last.rating), createdAt: last.createdAt, id: last.id }) : null,
  };
}

export type ReviewSummary = { average: number; count: number; histogram: Record<1 | 2 | 3 | 4 | 5, number> };

export type ReviewViewer =
  | { state: "signed_out" }
  | { state: "creator" }
  | { state: "not_owner" }
  | { state: "suspended" }
  | { state: "disputed" }
  | { state: "can_write" }
  | { state: "reviewed"; review: ReviewItem };

/** The rating summary (from the listing's aggregate) and whether and how this viewer can review. */
export async function reviewOverview(db: Db, actor: Actor | null, listingId: string): Promise<{ summary: ReviewSummary; viewer: ReviewViewer }> {
  const listing = await visibleListing(db, actor, listingId);
  const histogram = await queryRows<{ rating: number; n: number }>(
    db,
    sql`select rating::int as rating, count(*)::int as n from reviews where listing_id = ${listing.id} and hidden_at is null group by rating`,
  );
  const hist: Record<1 | 2 | 3 | 4 | 5, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const h of histogram) hist[Number(h.rating) as 1 | 2 | 3 | 4 | 5] = Number(h.n);
  const summary = { average: Number(listing.ratingAvg), count: listing.ratingCount, histogram: hist };
  return { summary, viewer: await viewerState(db, actor, listing) };
}

async function viewerState(db: Db, actor: Actor | null, listing: ListingRef): Promise<ReviewViewer> {
  if (!actor) return { state: "signed_out" };
  if (listing.creatorId === actor.id) return { state: "creator" };
  const [order] = await db
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(and(eq(orders.buyerId, actor.id), eq(orders.listingId, listing.id), entitledOrder()))
    .limit(1);
  if (order) {
    const [mine] = await queryRows<Row>(db, sql`${SELECT} where r.order_id = ${order.id} limit 1`);
    if (mine) return { state: "reviewed", review: toItem(mine, actor, listing) };
    if (actor.status !== "active") return { state: "suspended" };
    return order.status === "disputed" ? { state: "disputed" } : { state: "can_write" };
  }
  // A former owner (refunded) still sees the review they wrote, withdrawn, but can't change it.
  const [past] = await queryRows<Row>(db, sql`${SELECT} where r.listing_id = ${listing.id} and r.author_id = ${actor.id} order by r.created_at desc limit 1`);
  if (past) return { state: "reviewed", review: toItem(past, actor, listing) };
  return { state: "not_owner" };
}

export type ListingReviewsView = { summary: ReviewSummary; viewer: ReviewViewer; page: ReviewPage; sort: ReviewSort };

/** A listing page's review section for this viewer (first page in `sort`, newest when unknown); null when the listing isn't visible to them. */
export async function listingReviewsView(db: Db, actor: Actor | null, listingId: string, sort?: string): Promise<ListingReviewsView | null> {
  const initialSort = reviewSortSchema.parse(sort);
  try {
    const [overview, page] = await Promise.all([reviewOverview(db, actor, listingId), listReviews(db, actor, listingId, { sort: initialSort })]);
    return { ...overview, page, sort: initialSort };
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") return null;
    throw error;
  }
}

/** Whether and how this viewer can review the listing (the library page's "your review"); null when it isn't visible to them. */
export async function viewerReview(db: Db, actor: Actor | null, listingId: string): Promise<ReviewViewer | null> {
  try {
    return (await reviewOverview(db, actor, listingId)).viewer;
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") return null;
    throw error;
  }
}
