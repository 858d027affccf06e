// The whole Agora data model (ARCHITECTURE.md, "Database"). Table names are a contract read by outside checks.
import { relations, sql, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  doublePrecision,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  numeric,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
const currency = () => text().notNull().default("usd");

export const userRole = pgEnum("user_role", ["user", "admin"]);
export const userStatus = pgEnum("user_status", ["active", "suspended", "banned"]);
export const listingKind = pgEnum("listing_kind", ["prompt", "preset", "template", "test", "model"]);
export const listingStatus = pgEnum("listing_status", [
  "draft",
  "pending_review",
  "published",
  "rejected",
  "unpublished",
  "removed",
]);
export const versionStatus = pgEnum("version_status", ["draft", "pending_review", "approved", "rejected"]);
export const orderStatus = pgEnum("order_status", ["pending", "paid", "refunded", "disputed", "expired", "failed"]);
/**
 * A payout's life (ARCHITECTURE.md, "Where money moves"): planned `pending` → `processing` (claimed: amount fixed, journal posted,
 * transfer in flight) → `paid`; or `held` with a reason the creator sees; a definite refusal is `failed`
 * (journal reversed); an open held/failed row is `carried` into the creator's next period; a paid transfer
 * that Stripe reverses becomes `reversed`. Plain text with a check, so new states never need ALTER TYPE.
 */
export const PAYOUT_STATUSES = ["pending", "held", "processing", "paid", "failed", "carried", "reversed"] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
export const PAYOUT_HOLD_REASONS = [
  "below_minimum",
  "onboarding_incomplete",
  "account_restricted",
  "negative_balance",
  "platform_balance_short",
] as const;
export type PayoutHoldReason = (typeof PAYOUT_HOLD_REASONS)[number];
export const settlementStatus = pgEnum("settlement_status", ["running", "completed", "failed"]);
export const reportTarget = pgEnum("report_target", ["listing", "review"]);
export const reportStatus = pgEnum("report_status", ["open", "resolved", "dismissed"]);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    githubId: text(),
    role: userRole().notNull().default("user"),
    status: userStatus().notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    uniqueIndex("users_github_id_key").on(t.githubId),
    check("users_email_shape", sql`position('@' in ${t.email}) > 1`),
  ],
);

export const images = pgTable(
  "images",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    // sha256 of the stored cover bytes: identical uploads share one row per owner.
    hash: text().notNull(),
    contentType: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    byteSize: integer().notNull(),
    data: bytea().notNull(),
    thumbContentType: text().notNull(),
    thumbWidth: integer().notNull(),
    thumbHeight: integer().notNull(),
    thumbData: bytea().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("images_owner_idx").on(t.ownerId),
    index("images_hash_idx").on(t.hash),
    check("images_dimensions_positive", sql`${t.width} > 0 and ${t.height} > 0 and ${t.byteSize} > 0`),
  ],
);

export const creatorProfiles = pgTable(
  "creator_profiles",
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    handle: text().notNull(),
    displayName: text().notNull(),
    bio: text().notNull().default(""),
    avatarImageId: uuid().references(() => images.id, { onDelete: "set null" }),
    stripeAccountId: text(),
    payoutsEnabled: boolean().notNull().default(false),
    // Kept in step with the Connect account by account.updated (and the onboarding return page).
    stripeDetailsSubmitted: boolean().notNull().default(false),
    // Stripe's `capabilities.transfers`: active | inactive | pending (null before an account exists).
    stripeTransfersCapability: text(),
    // `requirements.currently_due` + `past_due`: what Stripe still needs from the creator.
    stripeRequirementsDue: jsonb().$type<string[]>().notNull().default([]),
    stripeDisabledReason: text(),
    stripeAccountUpdatedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("creator_profiles_handle_lower_key").on(sql`lower(${t.handle})`),
    uniqueIndex("creator_profiles_stripe_account_key").on(t.stripeAccountId),
    check("creator_profiles_handle_shape", sql`${t.handle} ~ '^[a-z0-9][a-z0-9_-]{2,31}$'`),
  ],
);

export const files = pgTable(
  "files",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    filename: text().notNull(),
    contentType: text().notNull(),
    byteSize: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull(),
    data: bytea().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("files_owner_idx").on(t.ownerId), check("files_size_positive", sql`${t.byteSize} > 0`)],
);

export const listings = pgTable(
  "listings",
  {
    id: uuid().primaryKey().defaultRandom(),
    creatorId: uuid()
      .notNull()
      .references(() => creatorProfiles.userId, { onDelete: "restrict" }),
    slug: text().notNull(),
    kind: listingKind().notNull(),
    status: listingStatus().notNull().default("draft"),
    title: text().notNull(),
    summary: text().notNull().default(""),
    description: text().notNull().default(""),
    category: text().notNull(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    priceCents: integer().notNull().default(0),
    currency: currency(),
    coverImageId: uuid().references(() => images.id, { onDelete: "set null" }),
    // Public preview per kind (example outputs, sample question, field names…): never paid content.
    preview: jsonb().notNull().default({}),
    currentVersionId: uuid().references((): AnyPgColumn => listingVersions.id, { onDelete: "set null" }),
    ratingSum: integer().notNull().default(0),
    ratingCount: integer().notNull().default(0),
    ratingAvg: numeric({ precision: 3, scale: 2, mode: "number" })
      .notNull()
      .generatedAlwaysAs(
        sql`case when rating_count > 0 then round(rating_sum::numeric / rating_count, 2) else 0 end`,
      ),
    salesCount: integer().notNull().default(0),
    statusReason: text(),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Weighted full-text document: title and tags rank above summary, summary above description.
    search: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, agora_tags_text(tags)), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'C') || setweight(to_tsvector('english'::regconfig, left(coalesce(description, ''), 20000)), 'D')`,
      ),
  },
  (t) => [
    uniqueIndex("listings_slug_key").on(t.slug),
    index("listings_search_idx").using("gin", t.search),
    index("listings_creator_idx").on(t.creatorId, t.status),
    index("listings_published_new_idx").on(t.publishedAt.desc(), t.id.desc()).where(sql`status = 'published'`),
    index("listings_published_popular_idx").on(t.salesCount.desc(), t.id.desc()).where(sql`status = 'published'`),
    index("listings_published_rating_idx").on(t.ratingAvg.desc(), t.id.desc()).where(sql`status = 'published'`),
    index("listings_published_price_idx").on(t.priceCents, t.id).where(sql`status = 'published'`),
    index("listings_published_kind_category_idx").on(t.kind, t.category).where(sql`status = 'published'`),
    index("listings_status_idx").on(t.status, t.updatedAt),
    check("listings_price_range", sql`${t.priceCents} >= 0 and ${t.priceCents} <= 100000`),
    check("listings_currency_shape", sql`${t.currency} ~ '^[a-z]{3}$'`),
    check("listings_rating_counts", sql`${t.ratingCount} >= 0 and ${t.ratingSum} >= 0 and ${t.salesCount} >= 0`),
    check("listings_slug_shape", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export const listingVersions = pgTable(
  "listing_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    listingId: uuid()
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    // The paid part: a ListingContent (lib/listings/content.ts) for the listing's kind.
    content: jsonb().notNull(),
    changelog: text().notNull().default(""),
    fileId: uuid().references(() => files.id, { onDelete: "restrict" }),
    reviewStatus: versionStatus().notNull().default("draft"),
    reviewReason: text(),
    reviewedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp({ withTimezone: true }),
    reviewedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("listing_versions_listing_number_key").on(t.listingId, t.number),
    index("listing_versions_review_idx").on(t.reviewStatus, t.submittedAt),
    check("listing_versions_number_positive", sql`${t.number} >= 1`),
  ],
);

export const orders = pgTable(
  "orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    buyerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    listingId: uuid()
      .notNull()
      .references(() => listings.id, { onDelete: "restrict" }),
    creatorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    versionId: uuid()
      .notNull()
      .references(() => listingVersions.id, { onDelete: "restrict" }),
    status: orderStatus().notNull().default("pending"),
    priceCents: integer().notNull(),
    feeCents: integer().notNull(),
    creatorShareCents: integer().notNull(),
    refundedCents: integer().notNull().default(0),
    currency: currency(),
    checkoutSessionId: text(),
    paymentIntentId: text(),
    chargeId: text(),
    paidAt: timestamp({ withTimezone: true }),
    refundedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orders_checkout_session_key").on(t.checkoutSessionId),
    // Entitlement is unique: one paid-or-disputed order per buyer and listing. The statuses are
    // ENTITLING_STATUSES (lib/orders/entitlement.ts); entitlement.test.ts keeps this index equal to it.
    uniqueIndex("orders_one_entitlement_key")
      .on(t.buyerId, t.listingId)
      .where(sql`status in ('paid', 'disputed')`),
    index("orders_buyer_idx").on(t.buyerId, t.createdAt),
    index("orders_listing_idx").on(t.listingId, t.status),
    index("orders_creator_paid_idx").on(t.creatorId, t.paidAt),
    index("orders_payment_intent_idx").on(t.paymentIntentId),
    index("orders_charge_idx").on(t.chargeId),
    check(
      "orders_money",
      sql`${t.priceCents} >= 0 and ${t.feeCents} >= 0 and ${t.creatorShareCents} >= 0 and ${t.priceCents} = ${t.feeCents} + ${t.creatorShareCents}`,
    ),
    check("orders_refund_range", sql`${t.refundedCents} >= 0 and ${t.refundedCents} <= ${t.priceCents}`),
    check("orders_currency_shape", sql`${t.currency} ~ '^[a-z]{3}$'`),
  ],
);

export const settlementRuns = pgTable(
  "settlement_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    period: text().notNull(),
    status: settlementStatus().notNull().default("running"),
    // Set once every creator with a balance has a payout row for the period (the plan step).
    plannedAt: timestamp({ withTimezone: true }),
    creatorsConsidered: integer().notNull().default(0),
    creatorsPaid: integer().notNull().default(0),
    creatorsCarried: integer().notNull().default(0),
    creatorsFailed: integer().notNull().default(0),
    creatorsRemaining: integer().notNull().default(0),
    totalPaidCents: bigint({ mode: "number" }).notNull().default(0),
    invocations: integer().notNull().default(0),
    lastInvocationAt: timestamp({ withTimezone: true }),
    error: text(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("settlement_runs_period_key").on(t.period),
    check("settlement_runs_period_shape", sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

export const payouts = pgTable(
  "payouts",
  {
    id: uuid().primaryKey().defaultRandom(),
    creatorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    settlementRunId: uuid().references(() => settlementRuns.id, { onDelete: "set null" }),
    period: text().notNull(),
    // Fixed when claimed (processing); for pending/held rows, what would be paid now.
    amountCents: bigint({ mode: "number" }).notNull(),
    // The creator's ledger balance when the period closed (the cap on what this period pays).
    periodEndBalanceCents: bigint({ mode: "number" }).notNull().default(0),
    currency: currency(),
    status: text().$type<PayoutStatus>().notNull().default("pending"),
    holdReason: text().$type<PayoutHoldReason>(),
    stripeAccountId: text(),
    stripeTransferId: text(),
    failureReason: text(),
    // Claims so far; each claim gets its own idempotency key (the payout id for the first).
    attempts: integer().notNull().default(0),
    idempotencyKey: text(),
    // When the current key was first sent: Stripe forgets keys after 24 h, so after 20 h we look the transfer up.
    keyFirstUsedAt: timestamp({ withTimezone: true }),
    // A processing payout is being worked on until then; after it, a later call may resume it.
    leaseUntil: timestamp({ withTimezone: true }),
    claimedAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
    carriedIntoPeriod: text(),
    reversedCents: bigint({ mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payouts_creator_period_key").on(t.creatorId, t.period),
    uniqueIndex("payouts_transfer_key").on(t.stripeTransferId),
    index("payouts_status_idx").on(t.status),
    index("payouts_period_status_idx").on(t.period, t.status),
    check("payouts_status_known", sql`${t.status} in ('pending', 'held', 'processing', 'paid', 'failed', 'carried', 'reversed')`),
    check(
      "payouts_hold_reason_known",
      sql`${t.holdReason} is null or ${t.holdReason} in ('below_minimum', 'onboarding_incomplete', 'account_restricted', 'negative_balance', 'platform_balance_short')`,
    ),
    check("payouts_amount_positive", sql`${t.status} in ('pending', 'held', 'carried') or ${t.amountCents} > 0`),
    check("payouts_reversed_range", sql`${t.reversedCents} >= 0 and ${t.reversedCents} <= greatest(${t.amountCents}, 0)`),
    check("payouts_period_shape", sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/**
 * The `local` payments driver's transfers (ARCHITECTURE.md, "Payments drivers"): kept in the database like Stripe keeps them, so
 * idempotency keys, lookups by transfer group and reversals behave the same across processes and crashes.
 */
export const localStripeTransfers = pgTable(
  "local_stripe_transfers",
  {
    id: text().primaryKey(),
    idempotencyKey: text().notNull(),
    amountCents: bigint({ mode: "number" }).notNull(),
    currency: currency(),
    destination: text().notNull(),
    transferGroup: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    reversedCents: bigint({ mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("local_stripe_transfers_key_idx").on(t.idempotencyKey, t.createdAt), index("local_stripe_transfers_group_idx").on(t.transferGroup)],
);

export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    journalId: uuid().notNull(),
    // buyers | platform | payouts | creator:<user id>
    account: text().notNull(),
    amountCents: bigint({ mode: "number" }).notNull(),
    currency: currency(),
    // sale | refund | payout | payout_reversal | adjustment
    kind: text().notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: "restrict" }),
    payoutId: uuid().references(() => payouts.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("ledger_entries_journal_idx").on(t.journalId),
    index("ledger_entries_account_idx").on(t.account, t.createdAt),
    index("ledger_entries_order_idx").on(t.orderId),
    index("ledger_entries_payout_idx").on(t.payoutId),
    check("ledger_entries_account_shape", sql`${t.account} ~ '^(buyers|platform|payouts|creator:[0-9a-f-]{36})$'`),
    check("ledger_entries_nonzero", sql`${t.amountCents} <> 0`),
  ],
);

export const reviews = pgTable(
  "reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    listingId: uuid()
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    authorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
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
    id: uuid().primaryKey().defaultRandom(),
    reporterId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    targetType: reportTarget().notNull(),
    listingId: uuid().references(() => listings.id, { onDelete: "cascade" }),
    reviewId: uuid().references(() => reviews.id, { onDelete: "cascade" }),
    reason: text().notNull(),
    details: text().notNull().default(""),
    status: reportStatus().notNull().default("open"),
    resolutionNote: text(),
    resolvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("reports_status_idx").on(t.status, t.createdAt),
    check(
      "reports_one_target",
      sql`(${t.targetType} = 'listing' and ${t.listingId} is not null and ${t.reviewId} is null) or (${t.targetType} = 'review' and ${t.reviewId} is not null)`,
    ),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text().notNull(),
    details: jsonb().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_target_idx").on(t.targetType, t.targetId), index("audit_log_created_idx").on(t.createdAt)],
);

export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text().primaryKey(),
    type: text().notNull(),
    payload: jsonb().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("stripe_events_type_idx").on(t.type, t.receivedAt)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
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
    index("notifications_unread_idx").on(t.userId).where(sql`read_at is null`),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    prefix: text().notNull(),
    keyHash: text().notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.keyHash), index("api_keys_user_idx").on(t.userId)],
);

export const testAttempts = pgTable(
  "test_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    listingId: uuid()
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    versionId: uuid()
      .notNull()
      .references(() => listingVersions.id, { onDelete: "cascade" }),
    orderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    answers: jsonb().notNull(),
    score: integer().notNull(),
    total: integer().notNull(),
    passed: boolean().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("test_attempts_user_idx").on(t.userId, t.listingId, t.createdAt),
    index("test_attempts_listing_idx").on(t.listingId),
    check("test_attempts_score_range", sql`${t.score} >= 0 and ${t.score} <= ${t.total}`),
  ],
);

// Fixed-window counters shared by every instance (ARCHITECTURE.md, "Running many instances": no limits kept in process memory).
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  count: integer().notNull(),
  resetAt: timestamp({ withTimezone: true }).notNull(),
});

// Views are batched into daily counters rather than written per page view.
export const listingDailyStats = pgTable(
  "listing_daily_stats",
  {
    listingId: uuid()
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    views: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.listingId, t.day] })],
);

// Distinct words of published listings: typo tolerance matches trigrams here, then runs FTS.
export const searchTerms = pgTable(
  "search_terms",
  {
    term: text().primaryKey(),
    listingCount: integer().notNull().default(0),
  },
  (t) => [index("search_terms_trgm_idx").using("gin", sql`${t.term} gin_trgm_ops`)],
);

// The catalog's narrow search projection of published listings, kept in step by triggers on listings
// (drizzle/0004_listing_search_sync.sql). Search and facets scan this (~200 bytes a row, `body` stored out of
// line) instead of the wide listings heap, so a query matching half the catalog stays within milliseconds.
export const listingSearch = pgTable(
  "listing_search",
  {
    listingId: uuid()
      .primaryKey()
      .references(() => listings.id, { onDelete: "cascade" }),
    creatorId: uuid().notNull(),
    kind: listingKind().notNull(),
    category: text().notNull(),
    priceCents: integer().notNull(),
    ratingAvg: numeric({ precision: 3, scale: 2, mode: "number" }).notNull(),
    salesCount: integer().notNull(),
    publishedAt: timestamp({ withTimezone: true }),
    // Popularity × Bayesian rating (agora_listing_boost): the order within a relevance tier.
    boost: doublePrecision().notNull(),
    // Title (A) and tags (B): small, stored inline, decides the relevance tier.
    head: tsvector().notNull(),
    // The listing's whole weighted document (listings.search), matched through its GIN index only.
    body: tsvector().notNull(),
  },
  (t) => [
    index("listing_search_body_idx").using("gin", t.body),
    index("listing_search_head_idx").using("gin", t.head),
    index("listing_search_boost_idx").on(t.boost.desc(), t.listingId.desc()),
    index("listing_search_new_idx").on(t.publishedAt.desc(), t.listingId.desc()),
    index("listing_search_popular_idx").on(t.salesCount.desc(), t.listingId.desc()),
    index("listing_search_rating_idx").on(t.ratingAvg.desc(), t.listingId.desc()),
    index("listing_search_price_idx").on(t.priceCents, t.listingId),
    index("listing_search_facets_idx").on(t.kind, t.category, t.priceCents, t.ratingAvg),
    index("listing_search_creator_idx").on(t.creatorId),
  ],
);

// Published listings counted per (kind, category, price, rating): facets without a text query sum these few
// thousand cells instead of scanning the catalog. Kept in step by triggers on listing_search (0006).
export const listingFacetCounts = pgTable(
  "listing_facet_counts",
  {
    kind: listingKind().notNull(),
    category: text().notNull(),
    priceCents: integer().notNull(),
    ratingAvg: numeric({ precision: 3, scale: 2, mode: "number" }).notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.category, t.priceCents, t.ratingAvg] })],
);

// Frequent one-word queries (a word in hundreds of listings or more), as the tsquery a search sends for them.
// Their facet counts are kept per cell like listing_facet_counts, so a query matching half the catalog sums a
// few thousand cells instead of counting tens of thousands of rows. Kept in step by the same triggers (0011).
const tsquery = customType<{ data: string }>({ dataType: () => "tsquery" });
export const searchTokenKeys = pgTable("search_token_keys", {
  // to_tsquery('english', word)::text, e.g. 'past' for "paste".
  key: text().primaryKey(),
  query: tsquery().notNull(),
});

export const searchTokenFacets = pgTable(
  "search_token_facets",
  {
    key: text()
      .notNull()
      .references(() => searchTokenKeys.key, { onDelete: "cascade" }),
    kind: listingKind().notNull(),
    category: text().notNull(),
    priceCents: integer().notNull(),
    ratingAvg: numeric({ precision: 3, scale: 2, mode: "number" }).notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.kind, t.category, t.priceCents, t.ratingAvg] })],
);

export const usersRelations = relations(users, ({ one, many }) => ({
  creatorProfile: one(creatorProfiles, { fields: [users.id], references: [creatorProfiles.userId] }),
  orders: many(orders, { relationName: "buyer" }),
  notifications: many(notifications),
}));

export const creatorProfilesRelations = relations(creatorProfiles, ({ one, many }) => ({
  user: one(users, { fields: [creatorProfiles.userId], references: [users.id] }),
  avatar: one(images, { fields: [creatorProfiles.avatarImageId], references: [images.id] }),
  listings: many(listings),
}));

export const listingsRelations = relations(listings, ({ one, many }) => ({
  creator: one(creatorProfiles, { fields: [listings.creatorId], references: [creatorProfiles.userId] }),
  cover: one(images, { fields: [listings.coverImageId], references: [images.id] }),
  currentVersion: one(listingVersions, {
    fields: [listings.currentVersionId],
    references: [listingVersions.id],
    relationName: "current",
  }),
  versions: many(listingVersions, { relationName: "versions" }),
  reviews: many(reviews),
  orders: many(orders),
}));

export const listingVersionsRelations = relations(listingVersions, ({ one }) => ({
  listing: one(listings, { fields: [listingVersions.listingId], references: [listings.id], relationName: "versions" }),
  file: one(files, { fields: [listingVersions.fileId], references: [files.id] }),
}));

export const ordersRelations = relations(orders, ({ one, many }) => ({
  buyer: one(users, { fields: [orders.buyerId], references: [users.id], relationName: "buyer" }),
  listing: one(listings, { fields: [orders.listingId], references: [listings.id] }),
  version: one(listingVersions, { fields: [orders.versionId], references: [listingVersions.id] }),
  review: one(reviews, { fields: [orders.id], references: [reviews.orderId] }),
  ledgerEntries: many(ledgerEntries),
}));

export const ledgerEntriesRelations = relations(ledgerEntries, ({ one }) => ({
  order: one(orders, { fields: [ledgerEntries.orderId], references: [orders.id] }),
  payout: one(payouts, { fields: [ledgerEntries.payoutId], references: [payouts.id] }),
}));

export const payoutsRelations = relations(payouts, ({ one }) => ({
  creator: one(users, { fields: [payouts.creatorId], references: [users.id] }),
  run: one(settlementRuns, { fields: [payouts.settlementRunId], references: [settlementRuns.id] }),
}));

export const reviewsRelations = relations(reviews, ({ one }) => ({
  order: one(orders, { fields: [reviews.orderId], references: [orders.id] }),
  listing: one(listings, { fields: [reviews.listingId], references: [listings.id] }),
  author: one(users, { fields: [reviews.authorId], references: [users.id] }),
}));

export const reportsRelations = relations(reports, ({ one }) => ({
  reporter: one(users, { fields: [reports.reporterId], references: [users.id] }),
  listing: one(listings, { fields: [reports.listingId], references: [listings.id] }),
  review: one(reviews, { fields: [reports.reviewId], references: [reviews.id] }),
}));

export const notificationsRelations = relations(notifications, ({ one }) => ({
  user: one(users, { fields: [notifications.userId], references: [users.id] }),
}));

export const testAttemptsRelations = relations(testAttempts, ({ one }) => ({
  listing: one(listings, { fields: [testAttempts.listingId], references: [listings.id] }),
  version: one(listingVersions, { fields: [testAttempts.versionId], references: [listingVersions.id] }),
}));

export type User = InferSelectModel<typeof users>;
export type NewUser = InferInsertModel<typeof users>;
export type CreatorProfile = InferSelectModel<typeof creatorProfiles>;
export type Image = InferSelectModel<typeof images>;
export type FileRow = InferSelectModel<typeof files>;
export type Listing = InferSelectModel<typeof listings>;
export type NewListing = InferInsertModel<typeof listings>;
export type ListingVersion = InferSelectModel<typeof listingVersions>;
export type Order = InferSelectModel<typeof orders>;
export type LedgerEntry = InferSelectModel<typeof ledgerEntries>;
export type Payout = InferSelectModel<typeof payouts>;
export type SettlementRun = InferSelectModel<typeof settlementRuns>;
export type Review = InferSelectModel<typeof reviews>;
export type Report = InferSelectModel<typeof reports>;
export type AuditLogEntry = InferSelectModel<typeof auditLog>;
export type StripeEvent = InferSelectModel<typeof stripeEvents>;
export type Notification = InferSelectModel<typeof notifications>;
export type ApiKey = InferSelectModel<typeof apiKeys>;
export type TestAttempt = InferSelectModel<typeof testAttempts>;
export type ListingKind = (typeof listingKind.enumValues)[number];
export type ListingStatus = (typeof listingStatus.enumValues)[number];
export type OrderStatus = (typeof orderStatus.enumValues)[number];
export type UserRole = (typeof userRole.enumValues)[number];
export type UserStatus = (typeof userStatus.enumValues)[number];
