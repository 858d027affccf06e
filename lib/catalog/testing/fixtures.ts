// Test fixtures for catalog tests: creators and listings inserted directly, with any status and numbers.
import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles, listings, users, type ListingStatus, type NewListing } from "@/db/schema";

let counter = 0;

export async function makeCreator(db: Db, handle?: string): Promise<{ id: string; handle: string }> {
  const n = ++counter;
  const h = handle ?? `creator-${n}-${randomUUID().slice(0, 6)}`;
  const [user] = await db.insert(users).values({ email: `${h}@example.test`, name: `Creator ${n}` }).returning({ id: users.id });
  await db.insert(creatorProfiles).values({ userId: user.id, handle: h, displayName: `Studio ${n}`, bio: "Makes things." });
  return { id: user.id, handle: h };
}

export type ListingFixture = Partial<Omit<NewListing, "status" | "publishedAt">> & { status?: ListingStatus; creatorId: string; publishedAt?: Date | SQL | null };

export async function makeListing(db: Db, values: ListingFixture): Promise<{ id: string; slug: string }> {
  const n = ++counter;
  const status = values.status ?? "published";
  const [row] = await db
    .insert(listings)
    .values({
      kind: "prompt",
      title: `Listing ${n}`,
      category: "writing",
      summary: "",
      description: "",
      slug: `listing-${n}-${randomUUID().slice(0, 8)}`,
      publishedAt: status === "published" ? sql`now() - make_interval(secs => ${n})` : null,
      ...values,
      status,
    })
    .returning({ id: listings.id, slug: listings.slug });
  return row;
}
