// Deleting one's own account: personal data removed or anonymised in one transaction, while orders, the ledger and
// payouts stay for accounting and buyers keep what they paid for. The preview tells a creator what happens to money owed.
import "server-only";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  accountTokens,
  creatorProfiles,
  emailOutbox,
  emailPreferences,
  images,
  knownDevices,
  listings,
  listingVersions,
  notifications,
  payouts,
  recoveryCodes,
  testAttempts,
  twoFactorCredentials,
  users,
  type PayoutHoldReason,
  type PayoutStatus,
} from "@/db/schema";
import { revokeAllApiKeys } from "@/lib/api-keys/keys";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { DomainError, parseInput } from "@/lib/errors";
import { creatorBalance } from "@/lib/ledger/balance";
import { writeAudit } from "@/lib/moderation/audit";
import { enforceRateLimit } from "@/lib/security/rate-limit";
import { signOutEverywhere } from "./sessions";
import { hasTwoFactor, verifySecondFactor } from "./two-factor";

/** Every deleted account's email is `deleted-<user id>@` this domain: unique, undeliverable (RFC 2606 `.invalid`). */
export const DELETED_EMAIL_DOMAIN = "deleted.agora.invalid";
export const DELETED_USER_NAME = "Deleted user";
export const DELETED_CREATOR_NAME = "Deleted creator";

export function isDeletedAccountEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${DELETED_EMAIL_DOMAIN}`);
}

const CONFIRM_ATTEMPTS = 10;
const CONFIRM_WINDOW_SECONDS = 15 * 60;

/** Payouts not yet final: what a creator must hear about before deleting. */
const OPEN_PAYOUT_STATUSES = ["pending", "held", "processing", "failed"] as const satisfies readonly PayoutStatus[];

export type OpenPayout = { id: string; period: string; amountCents: number; currency: string; status: PayoutStatus; holdReason: PayoutHoldReason | null };

export type DeletionPreview = {
  /** How the person confirms: their password, or (accounts without one, e.g. GitHub sign-in) their email address typed out. */
  confirmWith: "password" | "email";
  twoFactorEnabled: boolean;
  /** Admins step down first (another admin removes the role), so Agora never loses its last admin this way. */
  blockedAsAdmin: boolean;
  creator: { publishedListings: number; balanceCents: number; openPayouts: OpenPayout[] } | null;
};

export async function deletionPreview(db: Db, actor: Actor | null): Promise<DeletionPreview> {
  const user = assertSignedIn(actor);
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).limit(1);
  if (!row) throw new DomainError("user.not_found");
  let creator: DeletionPreview["creator"] = null;
  if (user.creatorHandle) {
    const [{ published }] = await db
      .select({ published: sql<number>`count(*)::int` })
      .from(listings)
      .where(and(eq(listings.creatorId, user.id), eq(listings.status, "published")));
    const open = await db
      .select({
        id: payouts.id,
        period: payouts.period,
        amountCents: payouts.amountCents,
        currency: payouts.currency,
        status: payouts.status,
        holdReason: payouts.holdReason,
      })
      .from(payouts)
      .where(and(eq(payouts.creatorId, user.id), inArray(payouts.status, [...OPEN_PAYOUT_STATUSES])))
      .orderBy(payouts.period);
    creator = {
      publishedListings: Number(published),
      balanceCents: await creatorBalance(db, user.id),
      openPayouts: open.map((p) => ({ ...p, amountCents: Number(p.amountCents) })),
    };
  }
  return {
    confirmWith: row.passwordHash ? "password" : "email",
    twoFactorEnabled: await hasTwoFactor(db, user.id),
    blockedAsAdmin: user.role === "admin",
    creator,
  };
}

export const deleteAccountSchema = z.object({
  password: z.string().max(1000).optional(),
  confirmEmail: z.string().trim().max(254).optional(),
  code: z.string().trim().max(64).optional(),
});

export type AccountDeletion = {
  userId: string;
  /** The creator handle before deletion and the slugs of listings taken off the catalog, for cache revalidation. */
  formerHandle: string | null;
  unpublishedSlugs: string[];
  revokedKeys: number;
};

/**
 * Deletes the actor's account after checking the password (or the typed email for accounts without one) and, with
 * two-factor on, a code. In one transaction: the email becomes a unique tombstone; name, password, GitHub link,
 * creator bio, avatar and display name are cleared; every session is signed out and every API key revoked;
 * notifications, mail, email preferences, test attempts, tokens, two-factor secrets and known devices are deleted; published listings
 * are unpublished and submissions withdrawn; an audit entry records it. Orders, ledger entries, payouts,
 * reviews (shown as by a deleted user) and reports stay. The Stripe account link stays so money owed is still paid.
 */
export async function deleteAccount(db: Db, actor: Actor | null, input: unknown): Promise<AccountDeletion> {
  const user = assertSignedIn(actor);
  const { password, confirmEmail, code } = parseInput(deleteAccountSchema, input);
  if (user.role === "admin") throw new DomainError("deletion.admin");
  const [row] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).limit(1);
  if (!row) throw new DomainError("user.not_found");
  if (isDeletedAccountEmail(row.email)) throw new DomainError("deletion.already_deleted");
  // A session must not become a way around sign-in's limits for guessing the password or the code.
  await enforceRateLimit(db, `deletion:${user.id}`, CONFIRM_ATTEMPTS, CONFIRM_WINDOW_SECONDS, "deletion.rate_limited");
  if (row.passwordHash) {
    if (!password || !(await verifyPassword(row.passwordHash, password))) throw new DomainError("deletion.password_incorrect");
  } else if (!confirmEmail || confirmEmail.toLowerCase() !== row.email.toLowerCase()) {
    throw new DomainError("deletion.email_mismatch");
  }
  if (await hasTwoFactor(db, user.id)) {
    if (!code) throw new DomainError("deletion.code_required");
    if (!(await verifySecondFactor(db, user.id, code))) throw new DomainError("deletion.code_incorrect");
  }

  return db.transaction(async (tx) => {
    // The row lock makes two concurrent deletions (two tabs) run one after the other; the second finds the tombstone.
    const [locked] = await tx.select({ email: users.email }).from(users).where(eq(users.id, user.id)).for("update");
    if (!locked || isDeletedAccountEmail(locked.email)) throw new DomainError("deletion.already_deleted");

    await tx
      .update(users)
      .set({ email: `deleted-${user.id}@${DELETED_EMAIL_DOMAIN}`, name: DELETED_USER_NAME, passwordHash: null, githubId: null, emailVerifiedAt: null })
      .where(eq(users.id, user.id));
    await signOutEverywhere(tx, user.id);
    const revokedKeys = await revokeAllApiKeys(tx, user.id);

    let formerHandle: string | null = null;
    let unpublishedSlugs: string[] = [];
    const [profile] = await tx
      .select({ handle: creatorProfiles.handle, avatarImageId: creatorProfiles.avatarImageId })
      .from(creatorProfiles)
      .where(eq(creatorProfiles.userId, user.id));
    if (profile) {
      formerHandle = profile.handle;
      await tx
        .update(creatorProfiles)
        .set({ handle: `deleted-${user.id.replace(/-/g, "").slice(0, 16)}`, displayName: DELETED_CREATOR_NAME, bio: "", avatarImageId: null })
        .where(eq(creatorProfiles.userId, user.id));
      // The avatar's bytes go too, unless the same image is also a listing's cover (buyers still see those pages).
      if (profile.avatarImageId) {
        await tx
          .delete(images)
          .where(and(eq(images.id, profile.avatarImageId), sql`not exists (select 1 from listings where cover_image_id = ${profile.avatarImageId})`));
      }
      // Off the catalog, but buyers keep their access (an unpublished listing stays in its owners' libraries).
      const unpublished = await tx
        .update(listings)
        .set({ status: "unpublished" })
        .where(and(eq(listings.creatorId, user.id), eq(listings.status, "published")))
        .returning({ slug: listings.slug });
      unpublishedSlugs = unpublished.map((l) => l.slug);
      // Nothing of theirs waits in the approval queue: a first submission goes back to draft, a newer version too.
      await tx
        .update(listings)
        .set({ status: "draft" })
        .where(and(eq(listings.creatorId, user.id), eq(listings.status, "pending_review")));
      await tx
        .update(listingVersions)
        .set({ reviewStatus: "draft" })
        .where(
          and(
            eq(listingVersions.reviewStatus, "pending_review"),
            inArray(listingVersions.listingId, tx.select({ id: listings.id }).from(listings).where(eq(listings.creatorId, user.id))),
          ),
        );
    }

    await tx.delete(notifications).where(eq(notifications.userId, user.id));
    // Mail to them, sent or waiting, holds their address and links: none of it goes out or stays after this.
    await tx.delete(emailOutbox).where(or(eq(emailOutbox.userId, user.id), sql`lower(${emailOutbox.toAddress}) = lower(${locked.email})`));
    await tx.delete(emailPreferences).where(eq(emailPreferences.userId, user.id));
    await tx.delete(testAttempts).where(eq(testAttempts.userId, user.id));
    await tx.delete(accountTokens).where(eq(accountTokens.userId, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.delete(twoFactorCredentials).where(eq(twoFactorCredentials.userId, user.id));
    await tx.delete(knownDevices).where(eq(knownDevices.userId, user.id));

    await writeAudit(tx, {
      actorId: user.id,
      action: "account.deleted",
      targetType: "user",
      targetId: user.id,
      details: { unpublishedListings: unpublishedSlugs.length, revokedKeys, wasCreator: Boolean(profile) },
    });
    return { userId: user.id, formerHandle, unpublishedSlugs, revokedKeys };
  });
}
