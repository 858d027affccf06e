// The journeys' own rows (e2e/accounts.ts), written into the e2e database by scripts/e2e.ts before the server starts.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles, ledgerEntries, listings, listingVersions, orders, twoFactorCredentials, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { saleLines } from "@/lib/ledger/journal";
import { orderValues, samplePromptContent } from "@/lib/testing/fixtures";
import { buildPreview } from "@/lib/listings/preview";
import { updateSearchTermsForListing } from "@/lib/catalog/terms";
import { lastClosedPeriod, periodBounds } from "@/lib/settlement/periods";
import { E2E_ACCOUNTS, E2E_ADMINS, E2E_PASSWORD, E2E_PAYOUT_CREATORS, E2E_REMOVAL } from "./accounts";
import { seedXssFixtures } from "./xss-fixtures";

export async function seedE2eFixtures(db: Db) {
  const passwordHash = await hashPassword(E2E_PASSWORD);
  await db
    .insert(users)
    .values([
      { ...E2E_ACCOUNTS.banned, passwordHash, status: "banned" },
      { ...E2E_ACCOUNTS.suspended, passwordHash, status: "suspended" },
      { ...E2E_ACCOUNTS.unenrolledAdmin, passwordHash, role: "admin" },
    ])
    .onConflictDoNothing();
  await seedPayoutCreators(db, passwordHash);
  await seedJourneyAdmins(db, passwordHash);
  await seedXssFixtures(db, passwordHash);
  await seedRemovalListing(db, passwordHash);
}

/** The published listing an admin removes from its admin page (e2e/admin-listing.spec.ts). */
async function seedRemovalListing(db: Db, passwordHash: string) {
  const { creator: spec, title, slug } = E2E_REMOVAL;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, spec.email));
  if (existing) return;
  const [creator] = await db.insert(users).values({ email: spec.email, name: spec.name, passwordHash }).returning({ id: users.id });
  await db.insert(creatorProfiles).values({ userId: creator.id, handle: spec.handle, displayName: spec.name });
  const [listing] = await db
    .insert(listings)
    .values({
      creatorId: creator.id,
      slug,
      kind: "prompt",
      status: "published",
      title,
      summary: "Writes a product description in any tone.",
      category: "writing",
      priceCents: 900,
      preview: buildPreview(samplePromptContent),
      publishedAt: new Date(),
    })
    .returning({ id: listings.id });
  const [version] = await db
    .insert(listingVersions)
    .values({ listingId: listing.id, number: 1, content: samplePromptContent, reviewStatus: "approved", reviewedAt: new Date() })
    .returning({ id: listingVersions.id });
  await db.update(listings).set({ currentVersionId: version.id }).where(eq(listings.id, listing.id));
  await updateSearchTermsForListing(db, listing.id, "publish");
}

/** Admins need two-factor sign-in before any admin page opens: each journey worker's admin is enrolled with its own secret. */
async function seedJourneyAdmins(db: Db, passwordHash: string) {
  for (const admin of E2E_ADMINS) {
    await db.insert(users).values({ email: admin.email, name: admin.name, passwordHash, role: "admin" }).onConflictDoNothing();
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, admin.email));
    await db.insert(twoFactorCredentials).values({ userId: row.id, secret: admin.totpSecret, enabledAt: new Date() }).onConflictDoNothing();
  }
}

async function seedPayoutCreators(db: Db, passwordHash: string, now = new Date()) {
  const period = lastClosedPeriod(now);
  const { start } = periodBounds(period);
  for (const [key, spec] of Object.entries(E2E_PAYOUT_CREATORS)) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, spec.email));
    if (existing) continue;
    const [creator] = await db.insert(users).values({ email: spec.email, name: spec.name, passwordHash }).returning({ id: users.id });
    const connected = key === "smallCreator";
    await db.insert(creatorProfiles).values({
      userId: creator.id,
      handle: spec.handle,
      displayName: spec.name,
      ...(connected
        ? {
            stripeAccountId: `acct_local_${spec.handle.replace(/-/g, "")}`,
            payoutsEnabled: true,
            stripeDetailsSubmitted: true,
            stripeTransfersCapability: "active",
            stripeAccountUpdatedAt: start,
          }
        : {}),
    });
    const price = spec.sales[0];
    const [listing] = await db
      .insert(listings)
      .values({
        creatorId: creator.id,
        slug: `${spec.handle}-prompt`,
        kind: "prompt",
        status: "published",
        title: `${spec.name}'s product copy prompt`,
        summary: "Writes product descriptions in any tone.",
        category: "writing",
        priceCents: price,
        preview: buildPreview(samplePromptContent),
        publishedAt: start,
        salesCount: spec.sales.length,
      })
      .returning({ id: listings.id });
    const [version] = await db
      .insert(listingVersions)
      .values({ listingId: listing.id, number: 1, content: samplePromptContent, reviewStatus: "approved", reviewedAt: start })
      .returning({ id: listingVersions.id });
    await db.update(listings).set({ currentVersionId: version.id }).where(eq(listings.id, listing.id));

    // Each sale: a buyer, a paid order and its balanced sale journal, dated inside last month.
    for (const [i, priceCents] of spec.sales.entries()) {
      const paidAt = new Date(start.getTime() + (9 + i) * 24 * 3600_000 + 12 * 3600_000);
      const [buyer] = await db
        .insert(users)
        .values({ email: `payouts-buyer-${spec.handle}-${i}@e2e.test`, name: `Buyer ${i + 1}`, passwordHash, createdAt: start })
        .returning({ id: users.id });
      const values = orderValues(buyer.id, { id: listing.id, creatorId: creator.id, versionId: version.id }, priceCents);
      const [order] = await db
        .insert(orders)
        .values({
          ...values,
          status: "paid",
          checkoutSessionId: `cs_e2e_${spec.handle.replace(/-/g, "")}_${i}`,
          paidAt,
          createdAt: paidAt,
        })
        .returning({ id: orders.id });
      const journalId = randomUUID();
      await db.insert(ledgerEntries).values(saleLines(values).map((line) => ({ journalId, ...line, kind: "sale", orderId: order.id, createdAt: paidAt })));
    }
  }
}
