// The admin's list of every listing, whatever its status: found by title, creator or id, filtered by status and
// creator, newest first, a page at a time.
import "server-only";
import { and, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { creatorProfiles, listings, listingStatus, type ListingStatus } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { containsPattern } from "@/lib/like-pattern";
import type { Kind } from "@/lib/listings/kinds";
import { countedPage, pageOffset, pageParamSchema, searchParamSchema, type CountedPage } from "@/lib/paging";
import { isUuid } from "@/lib/uuid";

/** Listings a page of the admin's list shows. */
export const ADMIN_LISTINGS_PAGE_SIZE = 25;

/** The list's address: search text, status, one creator (by user id) and page; anything malformed is dropped. */
export const adminListingsFilterSchema = z.object({
  q: searchParamSchema,
  status: z.enum(listingStatus.enumValues).optional().catch(undefined),
  creator: z
    .string()
    .refine((id) => isUuid(id))
    .optional()
    .catch(undefined),
  page: pageParamSchema,
});
export type AdminListingsFilter = z.infer<typeof adminListingsFilterSchema>;

export type AdminListingRow = {
  id: string;
  title: string;
  slug: string;
  kind: Kind;
  status: ListingStatus;
  priceCents: number;
  salesCount: number;
  createdAt: Date;
  creatorId: string;
  creatorName: string;
  creatorHandle: string;
};

/**
 * One page of listings in any status, newest first (id breaking ties), under the filter: `q` is words of the title,
 * the creator's display name or handle (a leading @ is ignored), or a listing id.
 */
export async function adminListingsPage(db: Db, actor: Actor | null, filter: AdminListingsFilter): Promise<CountedPage<AdminListingRow>> {
  assertAdmin(actor);
  const { page, offset } = pageOffset(filter.page ?? 1, ADMIN_LISTINGS_PAGE_SIZE);
  const q = filter.q;
  const text: SQL | undefined = q
    ? or(
        isUuid(q) ? eq(listings.id, q) : undefined,
        ilike(listings.title, containsPattern(q)),
        ilike(creatorProfiles.displayName, containsPattern(q.replace(/^@/, ""))),
        ilike(creatorProfiles.handle, containsPattern(q.replace(/^@/, ""))),
      )
    : undefined;
  const where = and(filter.status ? eq(listings.status, filter.status) : undefined, filter.creator ? eq(listings.creatorId, filter.creator) : undefined, text);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: listings.id,
        title: listings.title,
        slug: listings.slug,
        kind: listings.kind,
        status: listings.status,
        priceCents: listings.priceCents,
        salesCount: listings.salesCount,
        createdAt: listings.createdAt,
        creatorId: listings.creatorId,
        creatorName: creatorProfiles.displayName,
        creatorHandle: creatorProfiles.handle,
      })
      .from(listings)
      .innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId))
      .where(where)
      .orderBy(desc(listings.createdAt), desc(listings.id))
      .limit(ADMIN_LISTINGS_PAGE_SIZE)
      .offset(offset),
    db.select({ n: count() }).from(listings).innerJoin(creatorProfiles, eq(creatorProfiles.userId, listings.creatorId)).where(where),
  ]);
  return countedPage(rows, page, Number(total?.n ?? 0), ADMIN_LISTINGS_PAGE_SIZE);
}
