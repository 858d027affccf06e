// Email: the outbox every mail is written to inside the transaction that causes it, and each person's email preferences
// (ARCHITECTURE.md, "Email"). Delivery (lib/email/deliver.ts) reads the outbox after the commit.
import { sql, type InferSelectModel } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, primaryId, updatedAt } from "./columns";
import { users } from "./users-and-creators";

/**
 * pending   — waiting to be sent (again, after `next_attempt_at` on a retry);
 * sending   — claimed by one sender until `locked_until` (a crashed sender's claim expires and the mail is retried);
 * sent      — accepted by the SMTP server;
 * failed    — gave up after the last attempt (kept, with `last_error`, for an admin to see);
 * kept      — no SMTP_URL outside production: kept for the development mail page, never sent;
 * digest    — a sale waiting for the creator's daily digest (sent at `next_attempt_at`);
 * digested  — folded into a digest mail (`digest_id`);
 * skipped   — not sent because the person turned that kind of email off before it went out.
 * Text with a check rather than an enum: the set may grow.
 */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "kept", "digest", "digested", "skipped"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: primaryId(),
    // The template name (MailTemplate in lib/email/mail-types.ts); `data` holds its typed fields.
    template: text().notNull(),
    toAddress: text().notNull(),
    // The person the mail is for, when it is for an account (preferences, unsubscribe links, erasure).
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: text().$type<OutboxStatus>().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    // The digest mail a held sale went out in.
    digestId: uuid(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // What a sweep claims: due pending mail and expired claims.
    index("email_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status in ('pending', 'sending', 'digest')`),
    index("email_outbox_user_idx").on(t.userId, t.createdAt),
    index("email_outbox_created_idx").on(t.createdAt),
    check("email_outbox_to_shape", sql`position('@' in ${t.toAddress}) > 1`),
    check("email_outbox_status_known", sql`${t.status} in ('pending', 'sending', 'sent', 'failed', 'kept', 'digest', 'digested', 'skipped')`),
  ],
);

export const SALE_EMAIL_MODES = ["each", "digest", "off"] as const;
export type SaleEmailMode = (typeof SALE_EMAIL_MODES)[number];

// One row per person who changed a default; no row means the defaults (every sale, new versions on, payouts on).
export const emailPreferences = pgTable(
  "email_preferences",
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    saleEmails: text().$type<SaleEmailMode>().notNull().default("each"),
    newVersionEmails: boolean().notNull().default(true),
    payoutEmails: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("email_preferences_sale_emails_known", sql`${t.saleEmails} in ('each', 'digest', 'off')`)],
);

export type OutboxMail = InferSelectModel<typeof emailOutbox>;
export type EmailPreferencesRow = InferSelectModel<typeof emailPreferences>;
