// Relations for Drizzle's query API (db.query.*): joins only, no SQL of their own.
import { relations } from "drizzle-orm";
import { reviews, reports, notifications } from "./community";
import { testAttempts } from "./library";
import { listings, listingVersions } from "./listings";
import { images, files } from "./media";
import { orders, ledgerEntries } from "./orders-and-ledger";
import { settlementRuns, payouts } from "./settlement";
import { users, creatorProfiles } from "./users-and-creators";

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
