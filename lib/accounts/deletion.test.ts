// Deleting an account against a real database: the password (and two-factor code) gate, what is anonymised or removed,
// and what stays for accounting and for buyers.
import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { generate } from "otplib";
import { queryRows } from "@/db/client";
import {
  apiKeys,
  auditLog,
  creatorProfiles,
  emailOutbox,
  emailPreferences,
  images,
  ledgerEntries,
  listings,
  notifications,
  orders,
  payouts,
  users,
} from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/keys";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { authenticateWithPassword } from "@/lib/auth/accounts";
import { hashPassword } from "@/lib/auth/password";
import { deliveryAccess } from "@/lib/library/access";
import { creatorBalance } from "@/lib/ledger/balance";
import { payout, sell } from "@/lib/settlement/testing/fixtures";
import { actorFor, makeAdmin, makeCreator, makeListing, makeUser } from "@/lib/testing/fixtures";
import { DELETED_CREATOR_NAME, DELETED_USER_NAME, deleteAccount, deletionPreview } from "./deletion";
import { confirmTwoFactorEnrolment, startTwoFactorEnrolment } from "./two-factor";

const db = () => testDatabase().db;
const PASSWORD = "correct horse battery staple";

async function withPassword(actor: Actor): Promise<Actor> {
  await db()
    .update(users)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(users.id, actor.id));
  return actor;
}

/** A creator with a published listing sold once (order + sale journal), a held payout, an API key and a notification. */
async function sellingCreator() {
  const creator = await withPassword(await makeCreator(db(), { bio: "I make prompts", payoutAccount: "active" }));
  const listing = await makeListing(db(), creator, { priceCents: 1000 });
  const order = await sell(db(), { id: listing.id, creatorId: creator.id, versionId: listing.versionId }, 1000, new Date());
  const held = await payout(db(), creator.id, { period: "2026-10", amountCents: 800, status: "held", holdReason: "below_minimum" });
  const { key } = await createApiKey(db(), creator, { name: "sync", scopes: ["library:read"] });
  const bytes = new Uint8Array([1, 2, 3]);
  const [avatar] = await db()
    .insert(images)
    .values({
      ownerId: creator.id,
      hash: "avatar",
      contentType: "image/webp",
      width: 1,
      height: 1,
      byteSize: 3,
      data: bytes,
      thumbContentType: "image/webp",
      thumbWidth: 1,
      thumbHeight: 1,
      thumbData: bytes,
    })
    .returning({ id: images.id });
  await db().update(creatorProfiles).set({ avatarImageId: avatar.id }).where(eq(creatorProfiles.userId, creator.id));
  await db().insert(notifications).values({ userId: creator.id, type: "sale", title: "You made a sale" });
  await db()
    .insert(emailOutbox)
    .values({ template: "verify_email", toAddress: creator.email, userId: creator.id, data: { url: "https://x.test/t" } });
  await db().insert(emailPreferences).values({ userId: creator.id, saleEmails: "digest" });
  return { creator, listing, order, held, key, avatarId: avatar.id };
}

const ledgerRows = async () => (await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from ledger_entries`))[0].n;

describe("account deletion", () => {
  it("refuses a wrong password and changes nothing", async () => {
    const { creator, key, listing } = await sellingCreator();
    await expect(deleteAccount(db(), creator, { password: "wrong password" })).rejects.toMatchObject({ code: "deletion.password_incorrect", status: 403 });
    await expect(deleteAccount(db(), creator, {})).rejects.toMatchObject({ code: "deletion.password_incorrect" });

    const [row] = await db().select().from(users).where(eq(users.id, creator.id));
    expect(row.email).toBe(creator.email);
    expect((await authenticateApiKey(db(), key, "library:read")).ok).toBe(true);
    const [l] = await db().select({ status: listings.status }).from(listings).where(eq(listings.id, listing.id));
    expect(l.status).toBe("published");
  });

  it("tells a creator about their balance and open payouts before they confirm", async () => {
    const { creator } = await sellingCreator();
    const preview = await deletionPreview(db(), creator);
    expect(preview).toMatchObject({ confirmWith: "password", twoFactorEnabled: false, blockedAsAdmin: false });
    expect(preview.creator).toMatchObject({ publishedListings: 1, balanceCents: 800 });
    expect(preview.creator?.openPayouts).toEqual([
      expect.objectContaining({ period: "2026-10", amountCents: 800, status: "held", holdReason: "below_minimum" }),
    ]);
  });

  it("anonymises the person, signs them out, revokes keys, unpublishes listings — and keeps orders, ledger, payouts and buyers' access", async () => {
    const { creator, listing, order, held, key, avatarId } = await sellingCreator();
    const [before] = await db().select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, creator.id));
    const ledgerBefore = await ledgerRows();

    const result = await deleteAccount(db(), creator, { password: PASSWORD });
    expect(result).toMatchObject({ formerHandle: creator.creatorHandle, unpublishedSlugs: [listing.slug], revokedKeys: 1 });

    const [row] = await db().select().from(users).where(eq(users.id, creator.id));
    expect(row).toMatchObject({ email: `deleted-${creator.id}@deleted.agora.invalid`, name: DELETED_USER_NAME, passwordHash: null, githubId: null });
    await expect(authenticateWithPassword(db(), creator.email, PASSWORD)).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    // The session token issued before carries the old version: it no longer loads an actor.
    expect(await loadActor(db(), creator.id, before.sessionVersion)).toBeNull();
    await expect(authenticateApiKey(db(), key, "library:read")).rejects.toMatchObject({ code: "apikey.revoked" });
    expect((await db().select().from(apiKeys).where(eq(apiKeys.userId, creator.id))).every((k) => k.revokedAt !== null)).toBe(true);

    const [profile] = await db().select().from(creatorProfiles).where(eq(creatorProfiles.userId, creator.id));
    expect(profile).toMatchObject({ displayName: DELETED_CREATOR_NAME, bio: "", avatarImageId: null });
    expect(profile.handle).not.toBe(creator.creatorHandle);
    expect(await db().select({ id: images.id }).from(images).where(eq(images.id, avatarId))).toEqual([]);
    expect(await db().select().from(notifications).where(eq(notifications.userId, creator.id))).toEqual([]);
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, creator.email))).toEqual([]);
    expect(await db().select().from(emailPreferences).where(eq(emailPreferences.userId, creator.id))).toEqual([]);

    const [l] = await db().select({ status: listings.status }).from(listings).where(eq(listings.id, listing.id));
    expect(l.status).toBe("unpublished");
    const inSearch = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from listing_search where listing_id = ${listing.id}`);
    expect(inSearch[0].n).toBe(0);

    // Accounting stays whole: the order, every ledger row, the balance and the held payout.
    const [o] = await db().select().from(orders).where(eq(orders.id, order.id));
    expect(o).toMatchObject({ status: "paid", priceCents: 1000, creatorId: creator.id });
    expect(await ledgerRows()).toBe(ledgerBefore);
    expect(await db().select().from(ledgerEntries).where(eq(ledgerEntries.orderId, order.id))).toHaveLength(3);
    expect(await creatorBalance(db(), creator.id)).toBe(800);
    const [p] = await db().select().from(payouts).where(eq(payouts.id, held.id));
    expect(p).toMatchObject({ status: "held", amountCents: 800 });

    // The buyer keeps what they paid for.
    const buyer = await actorFor(db(), order.buyerId);
    await expect(deliveryAccess(db(), buyer, listing.id)).resolves.toMatchObject({ relation: "owner" });

    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, creator.id), eq(auditLog.action, "account.deleted")));
    expect(audit.actorId).toBe(creator.id);
    expect(audit.details).toMatchObject({ unpublishedListings: 1, revokedKeys: 1, wasCreator: true });

    await expect(deleteAccount(db(), { ...creator, email: row.email }, { password: PASSWORD })).rejects.toMatchObject({ code: "deletion.already_deleted" });
  });

  it("with two-factor on, needs a right code (a recovery code works) on top of the password", async () => {
    const user = await withPassword(await makeUser(db()));
    const { secret } = await startTwoFactorEnrolment(db(), user);
    const recovery = await confirmTwoFactorEnrolment(db(), user, { code: await generate({ secret }) });
    expect((await deletionPreview(db(), user)).twoFactorEnabled).toBe(true);

    await expect(deleteAccount(db(), user, { password: PASSWORD })).rejects.toMatchObject({ code: "deletion.code_required" });
    await expect(deleteAccount(db(), user, { password: PASSWORD, code: "000000" })).rejects.toMatchObject({ code: "deletion.code_incorrect" });
    const [still] = await db().select({ email: users.email }).from(users).where(eq(users.id, user.id));
    expect(still.email).toBe(user.email);

    await deleteAccount(db(), user, { password: PASSWORD, code: recovery[0] });
    const [gone] = await db().select({ email: users.email }).from(users).where(eq(users.id, user.id));
    expect(gone.email).toMatch(/@deleted\.agora\.invalid$/);
  });

  it("asks an account without a password (GitHub sign-in) to type its email address", async () => {
    const user = await makeUser(db());
    expect((await deletionPreview(db(), user)).confirmWith).toBe("email");
    await expect(deleteAccount(db(), user, { confirmEmail: "someone@else.test" })).rejects.toMatchObject({ code: "deletion.email_mismatch" });
    await deleteAccount(db(), user, { confirmEmail: user.email.toUpperCase() });
    const [row] = await db().select({ name: users.name }).from(users).where(eq(users.id, user.id));
    expect(row.name).toBe(DELETED_USER_NAME);
  });

  it("refuses admins (another admin removes the role first)", async () => {
    const admin = await withPassword(await makeAdmin(db()));
    expect((await deletionPreview(db(), admin)).blockedAsAdmin).toBe(true);
    await expect(deleteAccount(db(), admin, { password: PASSWORD })).rejects.toMatchObject({ code: "deletion.admin", status: 409 });
  });

  it("stops guessing the password after ten tries in fifteen minutes", async () => {
    const user = await withPassword(await makeUser(db()));
    for (let i = 0; i < 10; i++)
      await expect(deleteAccount(db(), user, { password: `guess ${i}` })).rejects.toMatchObject({ code: "deletion.password_incorrect" });
    await expect(deleteAccount(db(), user, { password: PASSWORD })).rejects.toMatchObject({
      code: "deletion.rate_limited",
      status: 429,
      publicMessage: expect.stringMatching(/try again in 1[45] minutes\.$/),
      retryAfterSeconds: expect.any(Number),
    });
  });
});
