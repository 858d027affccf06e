// A signed-in person reports a listing, a review or a creator they can see: one open report per person and target,
// rate limited; a copyright claim carries what a takedown notice needs.
import "server-only";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles, listings, reports, reviews } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { DomainError, parseInput } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/security/rate-limit";
import { reportInputSchema, type ReportInput } from "./reasons";

/** At most this many reports per person per hour. */
export const REPORTS_PER_HOUR = 10;

type Target = { listingId: string | null; reviewId: string | null; creatorId: string | null; ownerId: string };

/** The target as the reporter can see it: a listing that has been public, a visible review, a creator's storefront. */
async function findTarget(db: Db, targetType: ReportInput["targetType"], targetId: string): Promise<Target | null> {
  if (targetType === "listing") {
    const [row] = await db
      .select({ id: listings.id, creatorId: listings.creatorId })
      .from(listings)
      .where(and(eq(listings.id, targetId), or(eq(listings.status, "published"), eq(listings.status, "unpublished"))))
      .limit(1);
    return row ? { listingId: row.id, reviewId: null, creatorId: null, ownerId: row.creatorId } : null;
  }
  if (targetType === "review") {
    const [row] = await db
      .select({ id: reviews.id, listingId: reviews.listingId, authorId: reviews.authorId })
      .from(reviews)
      .where(and(eq(reviews.id, targetId), isNull(reviews.hiddenAt)))
      .limit(1);
    return row ? { listingId: row.listingId, reviewId: row.id, creatorId: null, ownerId: row.authorId } : null;
  }
  const [row] = await db.select({ userId: creatorProfiles.userId }).from(creatorProfiles).where(eq(creatorProfiles.userId, targetId)).limit(1);
  return row ? { listingId: null, reviewId: null, creatorId: row.userId, ownerId: row.userId } : null;
}

const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
};

export async function fileReport(db: Db, actor: Actor | null, input: ReportInput): Promise<{ reportId: string }> {
  const reporter = assertSignedIn(actor);
  const data = parseInput(reportInputSchema, input);
  const target = await findTarget(db, data.targetType, data.targetId);
  if (!target) throw new DomainError("report.target_not_found");
  if (target.ownerId === reporter.id) throw new DomainError("report.own_target");
  const targetKey = target.reviewId ?? target.listingId ?? target.creatorId;
  const [open] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.reporterId, reporter.id),
        eq(reports.targetType, data.targetType),
        eq(reports.status, "open"),
        sql`coalesce(${reports.reviewId}, ${reports.listingId}, ${reports.creatorId}) = ${targetKey}`,
      ),
    )
    .limit(1);
  if (open) throw new DomainError("report.already_open");
  await enforceRateLimit(db, `report:${reporter.id}`, REPORTS_PER_HOUR, 3600, "report.rate_limited");
  const copyright = data.reason === "copyright";
  try {
    const [row] = await db
      .insert(reports)
      .values({
        reporterId: reporter.id,
        targetType: data.targetType,
        listingId: target.listingId,
        reviewId: target.reviewId,
        creatorId: target.creatorId,
        reason: data.reason,
        details: data.details,
        claimedWork: copyright ? data.claimedWork : null,
        claimantContact: copyright ? data.claimantContact : null,
        goodFaithAt: copyright ? new Date() : null,
      })
      .returning({ id: reports.id });
    return { reportId: row.id };
  } catch (error) {
    // Two submissions at once: the unique index keeps one open report per person and target.
    if (isUniqueViolation(error)) throw new DomainError("report.already_open");
    throw error;
  }
}
