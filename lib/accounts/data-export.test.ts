// "Your data" export against a real database: every section a person's data lives in, and never a secret or hash.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { apiKeys, emailOutbox, emailPreferences, notifications, reports, reviews, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { createApiKey } from "@/lib/api-keys/keys";
import { hashPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/moderation/audit";
import { payout, sell } from "@/lib/settlement/testing/fixtures";
import { makeCreator, makeListing, makeOrder } from "@/lib/testing/fixtures";
import { DATA_EXPORT_FORMAT, exportAccountData } from "./data-export";

const db = () => testDatabase().db;

describe("data export", () => {
  it("holds the profile, orders, library, reviews, reports, notifications, key metadata, payouts and audit entries", async () => {
    const otherCreator = await makeCreator(db());
    const bought = await makeListing(db(), otherCreator, { priceCents: 700, kind: "preset" });
    const me = await makeCreator(db(), { bio: "Prompt smith" });
    const mine = await makeListing(db(), me, { priceCents: 1000 });
    const sale = await sell(db(), { id: mine.id, creatorId: me.id, versionId: mine.versionId }, 1000, new Date());
    const order = await makeOrder(db(), me, bought);
    await db().insert(reviews).values({ orderId: order.id, listingId: bought.id, authorId: me.id, rating: 4, body: "Works well" });
    await db().insert(reports).values({ reporterId: me.id, targetType: "listing", listingId: bought.id, reason: "spam", details: "Looks copied" });
    await db().insert(notifications).values({ userId: me.id, type: "sale", title: "You made a sale" });
    await payout(db(), me.id, { period: "2026-10", amountCents: 800, status: "paid", stripeTransferId: "tr_local_1" });
    await createApiKey(db(), me, { name: "backup", scopes: ["downloads"] });
    await db().insert(emailPreferences).values({ userId: me.id, saleEmails: "digest" });
    await db()
      .insert(emailOutbox)
      .values({ template: "password_reset", toAddress: me.email, userId: me.id, data: { url: "https://agora.test/reset/secret-token" } });
    await writeAudit(db(), { actorId: null, action: "user.suspended", targetType: "user", targetId: me.id, details: { reason: "test" } });

    const data = await exportAccountData(db(), me);
    expect(data.format).toBe(DATA_EXPORT_FORMAT);
    expect(data.profile).toMatchObject({ id: me.id, email: me.email, name: me.name, hasPassword: false, twoFactorEnabled: false });
    expect(data.creatorProfile).toMatchObject({ handle: me.creatorHandle, bio: "Prompt smith" });
    expect(data.orders).toEqual([expect.objectContaining({ id: order.id, priceCents: 700, listing: expect.objectContaining({ id: bought.id }) })]);
    expect(data.sales).toEqual([expect.objectContaining({ orderId: sale.id, priceCents: 1000, creatorShareCents: 800 })]);
    expect(data.library.map((i) => i.listingId)).toEqual([bought.id]);
    expect(data.listings.map((l) => l.id)).toEqual([mine.id]);
    expect(data.reviews).toEqual([expect.objectContaining({ rating: 4, body: "Works well", hiddenByModerators: false })]);
    expect(data.reports).toEqual([expect.objectContaining({ reason: "spam", details: "Looks copied", status: "open" })]);
    expect(data.notifications).toEqual([expect.objectContaining({ title: "You made a sale" })]);
    expect(data.apiKeys).toEqual([expect.objectContaining({ name: "backup", scopes: ["downloads"] })]);
    expect(data.payouts).toEqual([expect.objectContaining({ period: "2026-10", amountCents: 800, status: "paid" })]);
    expect(data.emailPreferences).toMatchObject({ saleEmails: "digest" });
    expect(data.emails).toEqual([expect.objectContaining({ template: "password_reset", toAddress: me.email, status: "pending" })]);
    expect(JSON.stringify(data)).not.toContain("secret-token");
    expect(data.auditEntries).toEqual([expect.objectContaining({ action: "user.suspended", actedBy: "Agora staff" })]);
  });

  it("contains no password hash, key hash, key or other buyers' identities", async () => {
    const me = await makeCreator(db());
    await db()
      .update(users)
      .set({ passwordHash: await hashPassword("a long enough password") })
      .where(eq(users.id, me.id));
    const mine = await makeListing(db(), me, { priceCents: 1000 });
    const sale = await sell(db(), { id: mine.id, creatorId: me.id, versionId: mine.versionId }, 1000, new Date());
    const { key } = await createApiKey(db(), me, { name: "ci", scopes: ["library:read"] });
    const [stored] = await db().select({ keyHash: apiKeys.keyHash }).from(apiKeys).where(eq(apiKeys.userId, me.id));
    const [{ passwordHash }] = await db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me.id));
    const [buyer] = await db().select({ email: users.email, name: users.name }).from(users).where(eq(users.id, sale.buyerId));

    const text = JSON.stringify(await exportAccountData(db(), me));
    expect(JSON.parse(text).profile.hasPassword).toBe(true);
    for (const secret of [passwordHash!, stored.keyHash, key, buyer.email, sale.buyerId]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/argon2|keyHash|passwordHash|sessionVersion/);
  });

  it("is refused to signed-out callers", async () => {
    await expect(exportAccountData(db(), null)).rejects.toMatchObject({ code: "auth.unauthenticated", status: 401 });
  });
});
