// People: accounts with their role and status, and the creator profile with its Stripe Connect state.
import { sql, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt, primaryId } from "./columns";
import { images } from "./media";

export const userRole = pgEnum("user_role", ["user", "admin"]);
export const userStatus = pgEnum("user_status", ["active", "suspended", "banned"]);

export const users = pgTable(
  "users",
  {
    id: primaryId(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    githubId: text(),
    role: userRole().notNull().default("user"),
    status: userStatus().notNull().default("active"),
    // Null until the person follows the link sent to `email`. The default makes existing, seeded and fixture
    // accounts verified; sign-up and GitHub insert their own value (lib/accounts).
    emailVerifiedAt: timestamp({ withTimezone: true }).defaultNow(),
    // Carried in the session token and compared on every request: bumping it signs the person out everywhere.
    sessionVersion: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    uniqueIndex("users_github_id_key").on(t.githubId),
    check("users_email_shape", sql`position('@' in ${t.email}) > 1`),
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

export type User = InferSelectModel<typeof users>;
export type NewUser = InferInsertModel<typeof users>;
export type CreatorProfile = InferSelectModel<typeof creatorProfiles>;
export type UserRole = (typeof userRole.enumValues)[number];
export type UserStatus = (typeof userStatus.enumValues)[number];
