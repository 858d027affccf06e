// The listing's rating aggregate, moved by deltas in SQL inside the caller's transaction (never read-modify-write).
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listings } from "@/db/schema";

/** Adds `sumDelta` stars and `countDelta` reviews to the listing; the row lock serialises concurrent writers. */
export async function adjustRating(tx: Db, listingId: string, sumDelta: number, countDelta: number): Promise<void> {
  if (sumDelta === 0 && countDelta === 0) return;
  await tx
    .update(listings)
    .set({
      ratingSum: sql`${listings.ratingSum} + ${sumDelta}`,
      ratingCount: sql`${listings.ratingCount} + ${countDelta}`,
      // Rating changes are not edits of the listing: keep updated_at as it was.
      updatedAt: sql`${listings.updatedAt}`,
    })
    .where(eq(listings.id, listingId));
}
