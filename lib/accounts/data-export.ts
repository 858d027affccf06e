// "Your data": everything Agora holds about a person as one JSON document — never a password hash, key hash, token or
// two-factor secret. Sales are exported without the buyers' identities (they are other people's data).
import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  auditLog,
  creatorProfiles,
  emailOutbox,
  emailPreferences,
  listings,
  notifications,
  orders,
  payouts,
  reports,
  reviews,
  testAttempts,
  users,
} from "@/db/schema";
import { listApiKeys } from "@/lib/api-keys/keys";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { libraryItems } from "@/lib/library/items";
import { hasTwoFactor } from "./two-factor";

export const DATA_EXPORT_FORMAT = "agora-account-export/1";

export async function exportAccountData(db: Db, actor: Actor | null) {
  const me = assertSignedIn(actor);
  const [profile] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      emailVerifiedAt: users.emailVerifiedAt,
      githubId: users.githubId,
      hasPassword: users.passwordHash,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, me.id))
    .limit(1);
  if (!profile) throw new DomainError("user.not_found");

  const [creatorProfile] = await db
    .select({
      handle: creatorProfiles.handle,
      displayName: creatorProfiles.displayName,
      bio: creatorProfiles.bio,
      avatarImageId: creatorProfiles.avatarImageId,
      stripeAccountId: creatorProfiles.stripeAccountId,
      payoutsEnabled: creatorProfiles.payoutsEnabled,
      createdAt: creatorProfiles.createdAt,
    })
    .from(creatorProfiles)
    .where(eq(creatorProfiles.userId, me.id));

  const purchases = await db
    .select({
      id: orders.id,
      listing: { id: listings.id, title: listings.title, slug: listings.slug },
      status: orders.status,
      priceCents: orders.priceCents,
      refundedCents: orders.refundedCents,
      currency: orders.currency,
      paymentIntentId: orders.paymentIntentId,
      createdAt: orders.createdAt,
      paidAt: orders.paidAt,
      refundedAt: orders.refundedAt,
    })
    .from(orders)
    .innerJoin(listings, eq(listings.id, orders.listingId))
    .where(eq(orders.buyerId, me.id))
    .orderBy(desc(orders.createdAt));

  const sales = creatorProfile
    ? await db
        .select({
          orderId: orders.id,
          listing: { id: listings.id, title: listings.title, slug: listings.slug },
          status: orders.status,
          priceCents: orders.priceCents,
          feeCents: orders.feeCents,
          creatorShareCents: orders.creatorShareCents,
          refundedCents: orders.refundedCents,
          currency: orders.currency,
          paidAt: orders.paidAt,
        })
        .from(orders)
        .innerJoin(listings, eq(listings.id, orders.listingId))
        .where(eq(orders.creatorId, me.id))
        .orderBy(desc(orders.createdAt))
    : [];

  const myListings = await db
    .select({
      id: listings.id,
      title: listings.title,
      slug: listings.slug,
      kind: listings.kind,
      status: listings.status,
      priceCents: listings.priceCents,
      createdAt: listings.createdAt,
    })
    .from(listings)
    .where(eq(listings.creatorId, me.id))
    .orderBy(desc(listings.createdAt));

  const myReviews = await db
    .select({
      id: reviews.id,
      listing: { id: listings.id, title: listings.title, slug: listings.slug },
      rating: reviews.rating,
      body: reviews.body,
      creatorReply: reviews.creatorReply,
      hidden: reviews.hiddenAt,
      createdAt: reviews.createdAt,
      updatedAt: reviews.updatedAt,
    })
    .from(reviews)
    .innerJoin(listings, eq(listings.id, reviews.listingId))
    .where(eq(reviews.authorId, me.id))
    .orderBy(desc(reviews.createdAt));

  const myReports = await db
    .select({
      id: reports.id,
      targetType: reports.targetType,
      listingId: reports.listingId,
      reviewId: reports.reviewId,
      reason: reports.reason,
      details: reports.details,
      status: reports.status,
      resolutionNote: reports.resolutionNote,
      createdAt: reports.createdAt,
      resolvedAt: reports.resolvedAt,
    })
    .from(reports)
    .where(eq(reports.reporterId, me.id))
    .orderBy(desc(reports.createdAt));

  const myNotifications = await db
    .select({
      id: notifications.id,
      type: notifications.type,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, me.id))
    .orderBy(desc(notifications.createdAt));

  const myPayouts = await db
    .select({
      id: payouts.id,
      period: payouts.period,
      amountCents: payouts.amountCents,
      reversedCents: payouts.reversedCents,
      currency: payouts.currency,
      status: payouts.status,
      holdReason: payouts.holdReason,
      stripeTransferId: payouts.stripeTransferId,
      failureReason: payouts.failureReason,
      paidAt: payouts.paidAt,
      createdAt: payouts.createdAt,
    })
    .from(payouts)
    .where(eq(payouts.creatorId, me.id))
    .orderBy(asc(payouts.period));

  const myTestAttempts = await db
    .select({
      id: testAttempts.id,
      listingId: testAttempts.listingId,
      score: testAttempts.score,
      total: testAttempts.total,
      passed: testAttempts.passed,
      createdAt: testAttempts.createdAt,
    })
    .from(testAttempts)
    .where(eq(testAttempts.userId, me.id))
    .orderBy(desc(testAttempts.createdAt));

  const [mailPreferences] = await db
    .select({ saleEmails: emailPreferences.saleEmails, newVersionEmails: emailPreferences.newVersionEmails, payoutEmails: emailPreferences.payoutEmails })
    .from(emailPreferences)
    .where(eq(emailPreferences.userId, me.id));
  // Which mail was sent, never its contents: those carry single-use links (verification, password reset).
  const mail = await db
    .select({
      template: emailOutbox.template,
      toAddress: emailOutbox.toAddress,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.userId, me.id))
    .orderBy(desc(emailOutbox.createdAt));

  // Entries about this account (moderation decisions, its deletion…); who acted is kept to "you" or "Agora staff".
  const auditEntries = await db
    .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, me.id)))
    .orderBy(desc(auditLog.createdAt));

  const { hasPassword, ...account } = profile;
  return {
    format: DATA_EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    profile: { ...account, hasPassword: hasPassword !== null, twoFactorEnabled: await hasTwoFactor(db, me.id) },
    creatorProfile: creatorProfile ?? null,
    orders: purchases,
    sales,
    library: await libraryItems(db, me),
    listings: myListings,
    reviews: myReviews.map(({ hidden, ...r }) => ({ ...r, hiddenByModerators: hidden !== null })),
    reports: myReports,
    notifications: myNotifications,
    emailPreferences: mailPreferences ?? null,
    emails: mail,
    testAttempts: myTestAttempts,
    apiKeys: await listApiKeys(db, me),
    payouts: myPayouts.map((p) => ({ ...p, amountCents: Number(p.amountCents), reversedCents: Number(p.reversedCents) })),
    auditEntries: auditEntries.map(({ actorId, ...e }) => ({ ...e, actedBy: actorId === me.id ? "you" : "Agora staff" })),
  };
}

export type AccountDataExport = Awaited<ReturnType<typeof exportAccountData>>;
