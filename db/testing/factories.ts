// Test data builders: real rows through the real schema, with sensible defaults.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles, listings, listingVersions, users, type Listing, type User } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/auth/actor";
import type { ListingContent } from "@/lib/listings/content";
import { buildPreview } from "@/lib/listings/preview";

const tag = () => randomBytes(4).toString("hex");

export async function createUser(db: Db, values: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  const t = tag();
  const [user] = await db
    .insert(users)
    .values({ email: `user-${t}@example.test`, name: `User ${t}`, ...values })
    .returning();
  return user;
}

export async function createCreator(db: Db, values: Partial<typeof users.$inferInsert> = {}): Promise<User & { handle: string }> {
  const user = await createUser(db, values);
  const handle = `maker-${tag()}`;
  // A fully onboarded Connect account unless the test says otherwise.
  await db.insert(creatorProfiles).values({
    userId: user.id,
    handle,
    displayName: `Maker ${handle}`,
    payoutsEnabled: true,
    stripeAccountId: `acct_test_${tag()}`,
    stripeDetailsSubmitted: true,
    stripeTransfersCapability: "active",
  });
  return { ...user, handle };
}

export const samplePromptContent: ListingContent = {
  kind: "prompt",
  template: "Write a {{tone}} product description for {{product}}.",
  variables: [
    { name: "tone", description: "Voice", example: "playful" },
    { name: "product", description: "What you sell", example: "a lamp" },
  ],
  targetModel: "gpt-4o",
  exampleOutputs: [{ input: "playful, a lamp", output: "Meet the lamp that lights up your jokes." }],
};

/** A published listing with an approved version 1 as its current version. */
export async function createPublishedListing(
  db: Db,
  creatorId: string,
  values: Partial<typeof listings.$inferInsert> = {},
  content: ListingContent = samplePromptContent,
): Promise<Listing & { versionId: string }> {
  const t = tag();
  const [listing] = await db
    .insert(listings)
    .values({
      creatorId,
      slug: `listing-${t}`,
      kind: content.kind,
      status: "published",
      title: `Listing ${t}`,
      summary: "A useful asset",
      category: "writing",
      priceCents: 1000,
      preview: buildPreview(content),
      publishedAt: new Date(),
      ...values,
    })
    .returning();
  const [version] = await db
    .insert(listingVersions)
    .values({ listingId: listing.id, number: 1, content, reviewStatus: "approved", reviewedAt: new Date() })
    .returning();
  const [updated] = await db.update(listings).set({ currentVersionId: version.id }).where(eq(listings.id, listing.id)).returning();
  return { ...updated, versionId: version.id };
}

export async function actorFor(db: Db, userId: string): Promise<Actor> {
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error(`no actor for ${userId}`);
  return actor;
}
