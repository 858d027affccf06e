// Money in: orders (a buyer's purchase of a version) and the append-only double-entry ledger (ARCHITECTURE.md, "Where money moves").
import { sql, type InferSelectModel } from "drizzle-orm";
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt, currency, primaryId, requiredRef } from "./columns";
import { listings, listingVersions } from "./listings";
import { payouts } from "./settlement";
import { users } from "./users-and-creators";

export const orderStatus = pgEnum("order_status", ["pending", "paid", "refunded", "disputed", "expired", "failed"]);

export const orders = pgTable(
  "orders",
  {
    id: primaryId(),
    buyerId: requiredRef(() => users.id, "restrict"),
    listingId: requiredRef(() => listings.id, "restrict"),
    creatorId: requiredRef(() => users.id, "restrict"),
    versionId: requiredRef(() => listingVersions.id, "restrict"),
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
    // The last days' sales (trending listings, the creators leaderboard): entitled orders by payment time.
    index("orders_entitled_paid_idx")
      .on(t.paidAt)
      .where(sql`status in ('paid', 'disputed')`),
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

export type Order = InferSelectModel<typeof orders>;
export type LedgerEntry = InferSelectModel<typeof ledgerEntries>;
export type OrderStatus = (typeof orderStatus.enumValues)[number];
