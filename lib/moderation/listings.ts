// Admin actions on a published listing: removal with a reason the creator sees (ARCHITECTURE.md, "Listings and versions": published → removed).
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { creatorProfiles, listings } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { updateSearchTermsForListing } from "@/lib/catalog/terms";
import { DomainError, parseInput } from "@/lib/errors";
import { assertMove } from "@/lib/listings/status";
import { notify } from "@/lib/notifications/notifications";
import { isUuid, uuidSchema } from "@/lib/uuid";
import { writeAudit } from "./audit";

export const removeInputSchema = z.object({
  listingId: uuidSchema(),
  reason: z.string().trim().min(10, "Say why it is removed (10 characters or more).").max(2000, "Keep the reason under 2,000 characters."),
});

export async function removeListing(
  db: Db,
  actor: Actor | null,
  input: z.input<typeof removeInputSchema>,
): Promise<{ listingId: string; slug: string; creatorHandle: string }> {
  const admin = assertAdmin(actor);
  const data = parseInput(removeInputSchema, input);
  if (!isUuid(data.listingId)) throw new DomainError("listing.not_found");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ listing: listings, handle: creatorProfiles.handle })
      .from(listings)
      .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
      .where(eq(listings.id, data.listingId))
      .for("update", { of: listings })
      .limit(1);
    if (!row) throw new DomainError("listing.not_found");
    assertMove(row.listing.status, "removed", "admin");
    await updateSearchTermsForListing(tx, row.listing.id, "unpublish");
    await tx.update(listings).set({ status: "removed", statusReason: data.reason }).where(eq(listings.id, row.listing.id));
    await notify(tx, {
      userId: row.listing.creatorId,
      type: "listing_removed",
      title: `“${row.listing.title}” was removed by a moderator`,
      body: data.reason,
      link: `/dashboard/listings/${row.listing.id}`,
      data: { listingId: row.listing.id },
    });
    await writeAudit(tx, { actorId: admin.id, action: "listing.remove", targetType: "listing", targetId: row.listing.id, details: { reason: data.reason } });
    return { listingId: row.listing.id, slug: row.listing.slug, creatorHandle: row.handle };
  });
}
