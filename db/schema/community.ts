// People talking to each other and to the platform: buyers' reviews, reports on listings and reviews, notifications.
import { sql, type InferSelectModel } from "drizzle-orm";
import { check, index, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt, primaryId, requiredRef } from "./columns";
import { listings } from "./listings";
import { orders } from "./orders-and-ledger";
import { users } from "./users-and-creators";

export const REPORT_TARGETS = ["listing", "review", "creator"] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];
export const REPORT_RESOLUTIONS = ["review_hidden", "listing_removed", "creator_warned", "creator_suspended"] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];
export const reportStatus = pgEnum("report_status", ["open", "resolved", "dismissed"]);

export const reviews = pgTable(
  "reviews",
  {
    id: primaryId(),
    orderId: requiredRef(() => orders.id, "cascade"),
    listingId: requiredRef(() => listings.id, "cascade"),
    authorId: requiredRef(() => users.id, "cascade"),
    rating: smallint().notNull(),
    body: text().notNull().default(""),
    creatorReply: text(),
    repliedAt: timestamp({ withTimezone: true }),
    hiddenAt: timestamp({ withTimezone: true }),
    hiddenBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("reviews_order_key").on(t.orderId),
    index("reviews_listing_idx").on(t.listingId, t.createdAt),
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
  ],
);

export const reports = pgTable(
  "reports",
  {
    id: primaryId(),
    reporterId: requiredRef(() => users.id, "cascade"),
    targetType: text().$type<ReportTarget>().notNull(),
    listingId: uuid().references(() => listings.id, { onDelete: "cascade" }),
    reviewId: uuid().references(() => reviews.id, { onDelete: "cascade" }),
    // The reported creator (target "creator"); listing and review reports reach their creator through the listing.
    creatorId: uuid().references(() => users.id, { onDelete: "cascade" }),
    reason: text().notNull(),
    details: text().notNull().default(""),
    // What a takedown notice needs (reason "copyright"): the work claimed, how to reach the claimant, the good-faith statement.
    claimedWork: text(),
    claimantContact: text(),
    goodFaithAt: timestamp({ withTimezone: true }),
    status: reportStatus().notNull().default("open"),
    resolution: text().$type<ReportResolution>(),
    resolutionNote: text(),
    resolvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp({ withTimezone: true }),
    // The creator's one answer to a removal; it reopens the case.
    counterNotice: text(),
    counterNoticeAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("reports_status_idx").on(t.status, t.createdAt),
    // One open report per person and target.
    uniqueIndex("reports_one_open_per_target_key")
      .on(t.reporterId, t.targetType, sql`coalesce(${t.reviewId}, ${t.listingId}, ${t.creatorId})`)
      .where(sql`status = 'open'`),
    check("reports_target_known", sql`${t.targetType} in ('listing', 'review', 'creator')`),
    check(
      "reports_one_target",
      sql`(${t.targetType} = 'listing' and ${t.listingId} is not null and ${t.reviewId} is null) or (${t.targetType} = 'review' and ${t.reviewId} is not null) or (${t.targetType} = 'creator' and ${t.creatorId} is not null and ${t.listingId} is null and ${t.reviewId} is null)`,
    ),
    check(
      "reports_resolution_known",
      sql`${t.resolution} is null or ${t.resolution} in ('review_hidden', 'listing_removed', 'creator_warned', 'creator_suspended')`,
    ),
  ],
);

export const notifications = pgTable(
  "notifications",
  {
    id: primaryId(),
    userId: requiredRef(() => users.id, "cascade"),
    // sale | refund | review | new_version | version_approved | version_rejected | …
    type: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    link: text(),
    data: jsonb().notNull().default({}),
    readAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sql`read_at is null`),
  ],
);

export type Review = InferSelectModel<typeof reviews>;
export type Report = InferSelectModel<typeof reports>;
export type Notification = InferSelectModel<typeof notifications>;
