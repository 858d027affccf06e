// What admins read about reports: the queue (open first, oldest first) and one case with its target in context.
import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db } from "@/db/client";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { countedPage, pageOffset, pageParamSchema, searchParamSchema, type CountedPage } from "@/lib/paging";
import { isUuid } from "@/lib/uuid";
import { containsPattern } from "@/lib/like-pattern";
import { REPORT_TARGET_TYPES, type ReportReason, type ReportTargetType } from "./reasons";

export const reportQueueFilterSchema = z.object({
  status: z.enum(["open", "resolved", "dismissed"]).catch("open"),
  target: z.enum(REPORT_TARGET_TYPES).optional().catch(undefined),
  /** Words of the reported listing's title, the creator's name or handle, the reporter's name or email; or an id: of the report, the listing, or an account (reports it filed, about it, its listings or its reviews). */
  q: searchParamSchema,
  /** The queue's page (REPORTS_PAGE_SIZE rows each); anything else is the first page. */
  page: pageParamSchema,
});

/** Reports a page of the queue shows. */
export const REPORTS_PAGE_SIZE = 25;
export type ReportQueueFilter = z.infer<typeof reportQueueFilterSchema>;

export type ReportRow = {
  id: string;
  targetType: ReportTargetType;
  reason: ReportReason;
  details: string;
  status: "open" | "resolved" | "dismissed";
  resolution: string | null;
  createdAt: string;
  reporterName: string;
  /** What was reported, in words: a listing title, "Review of …", a creator's name. */
  targetLabel: string;
  /** The creator's answer reopened this case. */
  counterNotice: boolean;
};

const TS = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const TARGET_LABEL = sql.raw(`case r.target_type
  when 'listing' then coalesce(l.title, 'Deleted listing')
  when 'review' then 'Review of ' || coalesce(l.title, 'a deleted listing')
  else coalesce(cp.display_name || ' (@' || cp.handle || ')', 'Deleted creator') end`);

const FROM = sql.raw(`reports r
  join users ru on ru.id = r.reporter_id
  left join listings l on l.id = r.listing_id
  left join creator_profiles cp on cp.user_id = coalesce(r.creator_id, l.creator_id)
  left join reviews rv on rv.id = r.review_id`);

/**
 * One page of the reports in one status, oldest first for open ones (first come, first decided), newest first
 * otherwise, and how many there are in all under the filter. A page past the end has no rows and the same total.
 */
export async function reportQueue(db: Db, actor: Actor | null, filter: ReportQueueFilter = { status: "open" }, page = 1): Promise<CountedPage<ReportRow>> {
  assertAdmin(actor);
  const at = pageOffset(page, REPORTS_PAGE_SIZE);
  const order = filter.status === "open" ? sql.raw(`r.created_at asc, r.id asc`) : sql.raw(`r.resolved_at desc nulls last, r.id desc`);
  const q = filter.q ?? null;
  const found = q ? containsPattern(q.replace(/^@/, "")) : null;
  const where = sql`r.status = ${filter.status} and (${filter.target ?? null}::text is null or r.target_type = ${filter.target ?? null})
    and (${q}::text is null or ${q && isUuid(q) ? q : null}::uuid in (r.id, r.listing_id, r.reporter_id, r.creator_id, l.creator_id, rv.author_id) or l.title ilike ${found} or cp.display_name ilike ${found}
         or cp.handle ilike ${found} or ru.name ilike ${found} or ru.email ilike ${found})`;
  const [rows, [count]] = await Promise.all([
    queryRows<ReportRow>(
      db,
      sql`select r.id, r.target_type as "targetType", r.reason, r.details, r.status, r.resolution, ${TS("r.created_at")} as "createdAt",
                 ru.name as "reporterName", ${TARGET_LABEL} as "targetLabel", (r.counter_notice_at is not null) as "counterNotice"
            from ${FROM}
           where ${where}
           order by ${order} limit ${REPORTS_PAGE_SIZE} offset ${at.offset}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${FROM} where ${where}`),
  ]);
  return countedPage(rows, at.page, Number(count?.total ?? 0), REPORTS_PAGE_SIZE);
}

export type ReportCase = ReportRow & {
  reporterId: string;
  reporterEmail: string;
  claimedWork: string | null;
  claimantContact: string | null;
  goodFaithAt: string | null;
  resolutionNote: string | null;
  resolvedAt: string | null;
  resolvedByName: string | null;
  counterNoticeText: string | null;
  counterNoticeAt: string | null;
  listing: { id: string; slug: string; title: string; status: string; summary: string; statusReason: string | null } | null;
  review: { id: string; rating: number; body: string; authorName: string; authorId: string; hidden: boolean } | null;
  /** The person the report is about: the listing's creator, the review's author, the reported creator. */
  subject: { id: string; name: string; email: string; status: string; handle: string | null } | null;
  /** Other open reports about the same target. */
  otherOpen: number;
};

/** One report with its target in context (listing, review text, the creator), or null. */
export async function reportCase(db: Db, actor: Actor | null, reportId: string): Promise<ReportCase | null> {
  assertAdmin(actor);
  if (!isUuid(reportId)) return null;
  const [row] = await queryRows<
    ReportRow &
      Omit<ReportCase, "listing" | "review" | "subject"> & {
        listingId: string | null;
        listingSlug: string | null;
        listingTitle: string | null;
        listingStatus: string | null;
        listingSummary: string | null;
        listingStatusReason: string | null;
        reviewId: string | null;
        reviewRating: number | null;
        reviewBody: string | null;
        reviewAuthorName: string | null;
        reviewAuthorId: string | null;
        reviewHidden: boolean | null;
        subjectId: string | null;
        subjectName: string | null;
        subjectEmail: string | null;
        subjectStatus: string | null;
        subjectHandle: string | null;
      }
  >(
    db,
    sql`select r.id, r.target_type as "targetType", r.reason, r.details, r.status, r.resolution, ${TS("r.created_at")} as "createdAt",
               ru.name as "reporterName", ${TARGET_LABEL} as "targetLabel", (r.counter_notice_at is not null) as "counterNotice",
               r.reporter_id as "reporterId", ru.email as "reporterEmail", r.claimed_work as "claimedWork", r.claimant_contact as "claimantContact",
               ${TS("r.good_faith_at")} as "goodFaithAt", r.resolution_note as "resolutionNote", ${TS("r.resolved_at")} as "resolvedAt",
               rb.name as "resolvedByName", r.counter_notice as "counterNoticeText", ${TS("r.counter_notice_at")} as "counterNoticeAt",
               l.id as "listingId", l.slug as "listingSlug", l.title as "listingTitle", l.status::text as "listingStatus",
               l.summary as "listingSummary", l.status_reason as "listingStatusReason",
               rv.id as "reviewId", rv.rating::int as "reviewRating", rv.body as "reviewBody", ra.name as "reviewAuthorName",
               rv.author_id as "reviewAuthorId", (rv.hidden_at is not null) as "reviewHidden",
               su.id as "subjectId", su.name as "subjectName", su.email as "subjectEmail", su.status::text as "subjectStatus", sp.handle as "subjectHandle",
               (select count(*)::int from reports o where o.status = 'open' and o.id <> r.id and o.target_type = r.target_type
                  and coalesce(o.review_id, o.listing_id, o.creator_id) = coalesce(r.review_id, r.listing_id, r.creator_id)) as "otherOpen"
          from ${FROM}
          left join users rb on rb.id = r.resolved_by
          left join users ra on ra.id = rv.author_id
          left join users su on su.id = case r.target_type when 'listing' then l.creator_id when 'review' then rv.author_id else r.creator_id end
          left join creator_profiles sp on sp.user_id = su.id
         where r.id = ${reportId}`,
  );
  if (!row) return null;
  return {
    id: row.id,
    targetType: row.targetType,
    reason: row.reason,
    details: row.details,
    status: row.status,
    resolution: row.resolution,
    createdAt: row.createdAt,
    reporterName: row.reporterName,
    targetLabel: row.targetLabel,
    counterNotice: row.counterNotice,
    reporterId: row.reporterId,
    reporterEmail: row.reporterEmail,
    claimedWork: row.claimedWork,
    claimantContact: row.claimantContact,
    goodFaithAt: row.goodFaithAt,
    resolutionNote: row.resolutionNote,
    resolvedAt: row.resolvedAt,
    resolvedByName: row.resolvedByName,
    counterNoticeText: row.counterNoticeText,
    counterNoticeAt: row.counterNoticeAt,
    otherOpen: row.otherOpen,
    listing: row.listingId
      ? {
          id: row.listingId,
          slug: row.listingSlug ?? "",
          title: row.listingTitle ?? "",
          status: row.listingStatus ?? "",
          summary: row.listingSummary ?? "",
          statusReason: row.listingStatusReason,
        }
      : null,
    review: row.reviewId
      ? {
          id: row.reviewId,
          rating: row.reviewRating ?? 0,
          body: row.reviewBody ?? "",
          authorName: row.reviewAuthorName ?? "",
          authorId: row.reviewAuthorId ?? "",
          hidden: Boolean(row.reviewHidden),
        }
      : null,
    subject: row.subjectId
      ? { id: row.subjectId, name: row.subjectName ?? "", email: row.subjectEmail ?? "", status: row.subjectStatus ?? "", handle: row.subjectHandle }
      : null,
  };
}
