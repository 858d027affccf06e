// Account security: single-use email links (verification, password reset, email change), TOTP two-factor with its
// recovery codes, and the devices each person has signed in from (new-device notices, sign-in limits).
import { sql, type InferSelectModel } from "drizzle-orm";
import { bigint, check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, primaryId, requiredRef, updatedAt } from "./columns";
import { users } from "./users-and-creators";

export const ACCOUNT_TOKEN_PURPOSES = ["verify_email", "password_reset", "email_change"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

export const accountTokens = pgTable(
  "account_tokens",
  {
    id: primaryId(),
    userId: requiredRef(() => users.id, "cascade"),
    purpose: text().$type<AccountTokenPurpose>().notNull(),
    // sha256 of the token in the emailed link (hex); the token itself is never stored.
    tokenHash: text().notNull(),
    // The address the link was sent to: the new address for an email change.
    email: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("account_tokens_hash_key").on(t.tokenHash),
    index("account_tokens_user_idx").on(t.userId, t.purpose),
    check("account_tokens_purpose_known", sql`${t.purpose} in ('verify_email', 'password_reset', 'email_change')`),
  ],
);

export const twoFactorCredentials = pgTable("two_factor_credentials", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  // The TOTP secret (base32). Kept readable on purpose: sealing it with AUTH_SECRET would lock every enrolled person
  // out the day that secret is rotated; the table is as sensitive as the password hashes next to it.
  secret: text().notNull(),
  // Null while enrolment waits for the first code; two-factor is on once this is set.
  enabledAt: timestamp({ withTimezone: true }),
  // The last 30-second step a code was accepted for: a code is never accepted twice.
  lastUsedStep: bigint({ mode: "number" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: primaryId(),
    userId: requiredRef(() => users.id, "cascade"),
    // sha256 of the normalised code (hex); the codes are shown once.
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("recovery_codes_user_code_key").on(t.userId, t.codeHash)],
);

export const knownDevices = pgTable(
  "known_devices",
  {
    userId: requiredRef(() => users.id, "cascade"),
    // sha256 of the browser's device cookie (hex).
    deviceHash: text().notNull(),
    label: text().notNull(),
    lastIp: text(),
    firstSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceHash] })],
);

export type AccountToken = InferSelectModel<typeof accountTokens>;
export type TwoFactorCredential = InferSelectModel<typeof twoFactorCredentials>;
