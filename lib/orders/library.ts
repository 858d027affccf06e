// What a buyer owns: listings with a paid (or disputed) order, newest purchase first.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles, listings, listingVersions, orders } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { ENTITLING_STATUSES } from "./entitlement";

export async function ownedListings(db: Db, actor: Actor | null) {
  const user = assertSignedIn(actor);
  return db
    .select({
      orderId: orders.id,
      purchasedAt: orders.paidAt,
      priceCents: orders.priceCents,
      currency: orders.currency,
      listingId: listings.id,
      slug: listings.slug,
      title: listings.title,
      kind: listings.kind,
      coverImageId: listings.coverImageId,
      creatorName: creatorProfiles.displayName,
      versionNumber: listingVersions.number,
    })
    .from(orders)
    .innerJoin(listings, eq(listings.id, orders.listingId))
    .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
    .innerJoin(listingVersions, eq(listingVersions.id, orders.versionId))
    .where(and(eq(orders.buyerId, user.id), inArray(orders.status, [...ENTITLING_STATUSES])))
    .orderBy(desc(orders.paidAt));
}
