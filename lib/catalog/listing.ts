// One published listing's public page data: the listing, its creator, reviews, versions and neighbours.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { entitledOrder } from "@/lib/orders/entitlement";
import type { ListingPreview } from "@/lib/listings/preview";
import type { ModelFileReport } from "@/lib/files/model-inspect";
import { readModelCheck } from "@/lib/files/model-inspect-store";
import { readLicense, type License } from "@/lib/licenses/licenses";
import type { ListingCard } from "./cards";
import { CARD_COLUMNS, CARD_FROM, PUBLISHED } from "./filters";
import { toCard } from "./search";

export type ListingDetail = ListingCard & {
  description: string;
  tags: string[];
  preview: ListingPreview | null;
  creatorId: string;
  creatorBio: string;
  creatorAvatarImageId: string | null;
  updatedAt: string;
  /** The live version's license (what a buyer gets today); null only for rows from before licenses, none left after 0020. */
  license: License | null;
  /** What the model file check found in a model listing's live file, with the file's hash. */
  modelFile: (ModelFileReport & { sha256: string }) | null;
};

export type VersionEntry = { number: number; changelog: string; releasedAt: string };
export type ReviewEntry = { id: string; rating: number; body: string; authorName: string; createdAt: string; creatorReply: string | null };
export type CreatorTotals = { listings: number; sales: number; ratingAvg: number; ratingCount: number };

const TS = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/** A published listing by slug, or null (drafts, pending, rejected, unpublished and removed are not public). */
export async function publicListingBySlug(db: Db, slug: string): Promise<ListingDetail | null> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 200) return null;
  const [row] = await queryRows<ListingDetail & { inspection: unknown; fileSha256: string | null }>(
    db,
    sql`select ${CARD_COLUMNS}, l.description, l.tags, l.preview, l.creator_id as "creatorId", c.bio as "creatorBio",
               c.avatar_image_id as "creatorAvatarImageId", ${TS("l.updated_at")} as "updatedAt",
               v.license, f.inspection, f.sha256 as "fileSha256"
        from ${CARD_FROM}
        left join listing_versions v on v.id = l.current_version_id
        left join files f on f.id = v.file_id
        where ${PUBLISHED} and l.slug = ${slug} limit 1`,
  );
  if (!row) return null;
  return {
    ...toCard(row),
    description: row.description,
    tags: row.tags ?? [],
    preview: asPreview(row.preview),
    creatorId: row.creatorId,
    creatorBio: row.creatorBio,
    creatorAvatarImageId: row.creatorAvatarImageId,
    updatedAt: row.updatedAt,
    license: readLicense(row.license),
    modelFile: modelFileFacts(row.inspection, row.fileSha256),
  };
}

function modelFileFacts(inspection: unknown, sha256: string | null): ListingDetail["modelFile"] {
  const check = readModelCheck(inspection);
  return check?.ok && sha256 ? { ...check.report, sha256 } : null;
}

/** Only a well-formed preview of a known kind is shown; anything else is treated as absent. */
function asPreview(value: unknown): ListingPreview | null {
  if (!value || typeof value !== "object" || !("kind" in value)) return null;
  const kind = (value as { kind: unknown }).kind;
  return ["prompt", "preset", "template", "test", "model"].includes(String(kind)) ? (value as ListingPreview) : null;
}

/** Approved versions, newest first: number, changelog and release date (never the content). */
export async function listingVersionHistory(db: Db, listingId: string): Promise<VersionEntry[]> {
  return queryRows<VersionEntry>(
    db,
    sql`select number, changelog, ${TS("coalesce(reviewed_at, created_at)")} as "releasedAt"
        from listing_versions where listing_id = ${listingId} and review_status = 'approved' order by number desc limit 50`,
  );
}

export type ReviewSummary = { average: number; count: number; histogram: Record<1 | 2 | 3 | 4 | 5, number>; reviews: ReviewEntry[] };

/** Visible reviews (hidden ones excluded), newest first, with the star histogram. */
export async function listingReviews(db: Db, listingId: string, limit = 10): Promise<ReviewSummary> {
  const [reviews, histogram] = await Promise.all([
    queryRows<ReviewEntry>(
      db,
      sql`select r.id, r.rating::int as rating, r.body, u.name as "authorName", ${TS("r.created_at")} as "createdAt", r.creator_reply as "creatorReply"
          from reviews r join users u on u.id = r.author_id
          where r.listing_id = ${listingId} and r.hidden_at is null order by r.created_at desc, r.id desc limit ${limit}`,
    ),
    queryRows<{ rating: number; n: number }>(
      db,
      sql`select rating::int as rating, count(*)::int as n from reviews where listing_id = ${listingId} and hidden_at is null group by rating`,
    ),
  ]);
  const hist = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<1 | 2 | 3 | 4 | 5, number>;
  let sum = 0;
  let count = 0;
  for (const h of histogram) {
    hist[h.rating as 1 | 2 | 3 | 4 | 5] = Number(h.n);
    sum += h.rating * Number(h.n);
    count += Number(h.n);
  }
  return { average: count ? Math.round((sum / count) * 100) / 100 : 0, count, histogram: hist, reviews };
}

/** How many of a category's best sellers a listing page ranks by shared tags. */
export const RELATED_POOL = 200;

/**
 * Listings like this one: among its category's RELATED_POOL best sellers, those sharing a tag first, then the rest;
 * most bought first. The pool is read from the top of listing_search_category_popular_idx, so a page costs the same
 * at any catalog size: ranking the whole category by shared tags read every listing in it (about 400 ms at 100k
 * listings, on every listing page the cache had not seen).
 */
export async function relatedListings(db: Db, listing: Pick<ListingDetail, "id" | "category" | "tags">, limit = 4): Promise<ListingCard[]> {
  const tags = `{${listing.tags.map((t) => `"${t.replace(/["\\]/g, "")}"`).join(",")}}`;
  const rows = await queryRows<ListingCard>(
    db,
    sql`select ${CARD_COLUMNS}
        from (select s.listing_id, s.sales_count from listing_search s
              where s.category = ${listing.category} and s.listing_id <> ${listing.id}
              order by s.sales_count desc nulls last, s.listing_id desc nulls last limit ${RELATED_POOL}) top
        join ${CARD_FROM} on l.id = top.listing_id
        where ${PUBLISHED}
        order by (l.tags && ${tags}::text[]) desc, top.sales_count desc, top.listing_id desc limit ${limit}`,
  );
  return rows.map(toCard);
}

/** The creator's other published listings, most bought first. */
export async function moreFromCreator(db: Db, creatorId: string, exceptId: string, limit = 4): Promise<ListingCard[]> {
  const rows = await queryRows<ListingCard>(
    db,
    sql`select ${CARD_COLUMNS} from ${CARD_FROM}
        where ${PUBLISHED} and l.creator_id = ${creatorId} and l.id <> ${exceptId}
        order by l.sales_count desc, l.id desc limit ${limit}`,
  );
  return rows.map(toCard);
}

/**
 * creatorTotals' statement: it reads only what listings_creator_totals_idx holds (migration 0033), so it is an
 * index-only scan — a column summed here must be in that index's INCLUDE list too.
 */
export function creatorTotalsStatement(creatorId: string) {
  return sql`select count(*)::int as listings, coalesce(sum(sales_count), 0)::int as sales,
               coalesce(sum(rating_sum), 0)::int as rsum, coalesce(sum(rating_count), 0)::int as rcount
        from listings l where l.creator_id = ${creatorId} and ${PUBLISHED}`;
}

/** Sales and rating totals over a creator's published listings. */
export async function creatorTotals(db: Db, creatorId: string): Promise<CreatorTotals> {
  const [row] = await queryRows<{ listings: number; sales: number; rsum: number; rcount: number }>(db, creatorTotalsStatement(creatorId));
  const rcount = Number(row?.rcount ?? 0);
  return {
    listings: Number(row?.listings ?? 0),
    sales: Number(row?.sales ?? 0),
    ratingCount: rcount,
    ratingAvg: rcount ? Math.round((Number(row?.rsum ?? 0) / rcount) * 100) / 100 : 0,
  };
}

/** Whether this person may use the listing without buying it: an entitled order, or they made it. */
export async function viewerRelation(db: Db, userId: string, listing: Pick<ListingDetail, "id" | "creatorId">): Promise<"creator" | "owner" | null> {
  if (userId === listing.creatorId) return "creator";
  const [row] = await queryRows<{ owned: boolean }>(
    db,
    sql`select exists (select 1 from orders where buyer_id = ${userId} and listing_id = ${listing.id} and ${entitledOrder()}) as owned`,
  );
  return row?.owned ? "owner" : null;
}
