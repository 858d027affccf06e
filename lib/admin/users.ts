// The admin's view of people: search by email, name or creator handle (paged), and one account with its orders,
// listings, payouts, reports and audit history.
import "server-only";
import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  auditLog,
  creatorProfiles,
  listings,
  orders,
  payouts,
  reports,
  reviews,
  userRole,
  users,
  userStatus,
  type OrderStatus,
  type ListingStatus,
  type Report,
  type PayoutStatus,
  type UserRole,
  type UserStatus,
} from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/uuid";
import type { Page } from "@/lib/settlement/creator-payouts";
import { containsPattern } from "@/lib/like-pattern";

export const USERS_PAGE_SIZE = 25;

/** The search form's query string; unknown values are dropped rather than refused. */
export const userSearchSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(userStatus.enumValues).optional().catch(undefined),
  role: z.enum(userRole.enumValues).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type UserSearch = z.infer<typeof userSearchSchema>;

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  status: UserStatus;
  creatorHandle: string | null;
  createdAt: Date;
};

/** Accounts matching an email, name or handle (a leading @ is ignored), newest first. */
export async function searchUsers(db: Db, actor: Actor | null, input: UserSearch = {}): Promise<Page<UserRow>> {
  assertAdmin(actor);
  const q = input.q?.trim();
  const filters: (SQL | undefined)[] = [input.status ? eq(users.status, input.status) : undefined, input.role ? eq(users.role, input.role) : undefined];
  if (q) {
    const pattern = containsPattern(q.replace(/^@/, ""));
    filters.push(
      or(isUuid(q) ? eq(users.id, q) : undefined, ilike(users.email, containsPattern(q)), ilike(users.name, pattern), ilike(creatorProfiles.handle, pattern)),
    );
  }
  const where = and(...filters);
  const page = input.page ?? 1;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        status: users.status,
        creatorHandle: creatorProfiles.handle,
        createdAt: users.createdAt,
      })
      .from(users)
      .leftJoin(creatorProfiles, eq(creatorProfiles.userId, users.id))
      .where(where)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(USERS_PAGE_SIZE)
      .offset((page - 1) * USERS_PAGE_SIZE),
    db.select({ n: count() }).from(users).leftJoin(creatorProfiles, eq(creatorProfiles.userId, users.id)).where(where),
  ]);
  const n = Number(total?.n ?? 0);
  return { rows, page, pageSize: USERS_PAGE_SIZE, total: n, pageCount: Math.max(1, Math.ceil(n / USERS_PAGE_SIZE)) };
}

export type UserOrder = {
  id: string;
  status: OrderStatus;
  priceCents: number;
  refundedCents: number;
  currency: string;
  createdAt: Date;
  listingTitle: string;
  listingSlug: string;
};

export type UserListing = { id: string; title: string; slug: string; status: ListingStatus; priceCents: number; salesCount: number; createdAt: Date };

export type UserPayout = {
  id: string;
  period: string;
  status: PayoutStatus;
  amountCents: number;
  currency: string;
  holdReason: string | null;
  failureReason: string | null;
  stripeTransferId: string | null;
};

/** A report filed by the person, or one about them, their listing or their review. */
export type UserReport = {
  id: string;
  relation: "filed" | "about_account" | "about_listing" | "about_review";
  targetType: Report["targetType"];
  reason: string;
  status: "open" | "resolved" | "dismissed";
  createdAt: Date;
  listingTitle: string | null;
};

export type UserAuditEntry = {
  id: number;
  action: string;
  /** Whether the entry is about this person or something they did as an admin. */
  relation: "target" | "actor";
  actorEmail: string | null;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  createdAt: Date;
};

export type UserDetail = {
  user: UserRow & { creatorDisplayName: string | null; updatedAt: Date };
  orders: UserOrder[];
  listings: UserListing[];
  payouts: UserPayout[];
  reports: UserReport[];
  audit: UserAuditEntry[];
};

const DETAIL_ROWS = 50;

/** One account as an admin sees it, or null when there is no such account. */
export async function userDetail(db: Db, actor: Actor | null, userId: string): Promise<UserDetail | null> {
  assertAdmin(actor);
  if (!isUuid(userId)) return null;
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      creatorHandle: creatorProfiles.handle,
      creatorDisplayName: creatorProfiles.displayName,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .leftJoin(creatorProfiles, eq(creatorProfiles.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) return null;

  const actors = sql`(select email from users a where a.id = ${auditLog.actorId})`;
  const [userOrders, userListings, userPayouts, filed, aboutAccount, aboutListings, aboutReviews, audit] = await Promise.all([
    db
      .select({
        id: orders.id,
        status: orders.status,
        priceCents: orders.priceCents,
        refundedCents: orders.refundedCents,
        currency: orders.currency,
        createdAt: orders.createdAt,
        listingTitle: listings.title,
        listingSlug: listings.slug,
      })
      .from(orders)
      .innerJoin(listings, eq(listings.id, orders.listingId))
      .where(eq(orders.buyerId, userId))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(DETAIL_ROWS),
    db
      .select({
        id: listings.id,
        title: listings.title,
        slug: listings.slug,
        status: listings.status,
        priceCents: listings.priceCents,
        salesCount: listings.salesCount,
        createdAt: listings.createdAt,
      })
      .from(listings)
      .where(eq(listings.creatorId, userId))
      .orderBy(desc(listings.createdAt), desc(listings.id))
      .limit(DETAIL_ROWS),
    db
      .select({
        id: payouts.id,
        period: payouts.period,
        status: payouts.status,
        amountCents: payouts.amountCents,
        currency: payouts.currency,
        holdReason: payouts.holdReason,
        failureReason: payouts.failureReason,
        stripeTransferId: payouts.stripeTransferId,
      })
      .from(payouts)
      .where(eq(payouts.creatorId, userId))
      .orderBy(desc(payouts.period))
      .limit(DETAIL_ROWS),
    reportRows(db, eq(reports.reporterId, userId)),
    reportRows(db, eq(reports.creatorId, userId)),
    reportRows(db, inArray(reports.listingId, db.select({ id: listings.id }).from(listings).where(eq(listings.creatorId, userId)))),
    reportRows(db, inArray(reports.reviewId, db.select({ id: reviews.id }).from(reviews).where(eq(reviews.authorId, userId)))),
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        relation: sql<"target" | "actor">`case when ${auditLog.targetType} = 'user' and ${auditLog.targetId} = ${userId} then 'target' else 'actor' end`,
        actorEmail: sql<string | null>`${actors}`,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        details: auditLog.details,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .where(or(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, userId)), eq(auditLog.actorId, userId)))
      .orderBy(desc(auditLog.id))
      .limit(DETAIL_ROWS),
  ]);

  const reportsOf = (rows: Awaited<ReturnType<typeof reportRows>>, relation: UserReport["relation"]) => rows.map((r) => ({ ...r, relation }));
  return {
    user,
    orders: userOrders,
    listings: userListings,
    payouts: userPayouts,
    reports: [
      ...reportsOf(filed, "filed"),
      ...reportsOf(aboutAccount, "about_account"),
      ...reportsOf(aboutListings, "about_listing"),
      ...reportsOf(aboutReviews, "about_review"),
    ]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, DETAIL_ROWS),
    audit: audit.map((a) => ({ ...a, details: (a.details ?? {}) as Record<string, unknown> })),
  };
}

function reportRows(db: Db, where: SQL) {
  return db
    .select({
      id: reports.id,
      targetType: reports.targetType,
      reason: reports.reason,
      status: reports.status,
      createdAt: reports.createdAt,
      listingTitle: listings.title,
    })
    .from(reports)
    .leftJoin(reviews, eq(reviews.id, reports.reviewId))
    .leftJoin(listings, eq(listings.id, sql`coalesce(${reports.listingId}, ${reviews.listingId})`))
    .where(where)
    .orderBy(desc(reports.createdAt))
    .limit(DETAIL_ROWS);
}
