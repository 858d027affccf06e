// An admin decides a report: hide the review, remove the listing, warn or suspend the person it is about, or dismiss it,
// with a note. One transaction: the effect, the report(s), the audit entry and both sides told (in-app and by email).
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { listings, reports, reviews, users, type Report, type ReportResolution } from "@/db/schema";
import { changeUserStatus } from "@/lib/admin/user-access";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { queueEmail } from "@/lib/email/outbox";
import { DomainError, parseInput } from "@/lib/errors";
import { writeAudit } from "@/lib/moderation/audit";
import { removeListingInTx, restoreListingInTx } from "@/lib/moderation/listings";
import { notify } from "@/lib/notifications/notifications";
import { hideReview } from "@/lib/reviews/moderation";
import { uuidSchema } from "@/lib/uuid";
import type { ReportTargetType } from "./reasons";

export const REPORT_OUTCOMES = ["review_hidden", "listing_removed", "listing_restored", "creator_warned", "creator_suspended", "dismissed"] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

export const resolveReportSchema = z.object({
  reportId: uuidSchema(),
  outcome: z.enum(REPORT_OUTCOMES, "Choose what to do."),
  note: z.string().trim().min(10, "Write a note (10 characters or more): the people concerned read it.").max(2000, "Keep the note under 2,000 characters."),
});

/** Which outcomes fit a report, given its target and whether the creator's counter-notice reopened it. */
export function outcomesFor(targetType: ReportTargetType, reopened: boolean): ReportOutcome[] {
  if (reopened) return ["listing_removed", "listing_restored"];
  if (targetType === "listing") return ["listing_removed", "creator_warned", "creator_suspended", "dismissed"];
  if (targetType === "review") return ["review_hidden", "creator_warned", "creator_suspended", "dismissed"];
  return ["creator_warned", "creator_suspended", "dismissed"];
}

/** What the reporter is told happened. */
const REPORTER_OUTCOME: Record<ReportOutcome, string> = {
  review_hidden: "The review was hidden.",
  listing_removed: "The listing was removed.",
  listing_restored: "After the creator's answer, the listing was restored.",
  creator_warned: "We warned the person responsible.",
  creator_suspended: "The account responsible was suspended.",
  dismissed: "We looked into it and found nothing to act on.",
};

export type ResolvedReport = { reportId: string; outcome: ReportOutcome; listing: { slug: string; creatorHandle: string | null } | null };

type Locked = Report & {
  subjectId: string | null;
  subjectEmail: string | null;
  subjectStatus: string | null;
  listingTitle: string | null;
  reporterEmail: string;
};

async function lockReport(tx: Db, reportId: string): Promise<Locked> {
  const [report] = await tx.select().from(reports).where(eq(reports.id, reportId)).for("update").limit(1);
  if (!report) throw new DomainError("report.not_found");
  const [context] = await tx
    .select({
      listingTitle: listings.title,
      listingCreator: listings.creatorId,
      reviewAuthor: reviews.authorId,
      reporterEmail: sql<string>`(select email from ${users} where id = ${report.reporterId})`,
    })
    .from(reports)
    .leftJoin(listings, eq(listings.id, reports.listingId))
    .leftJoin(reviews, eq(reviews.id, reports.reviewId))
    .where(eq(reports.id, reportId));
  const subjectId = report.targetType === "listing" ? context.listingCreator : report.targetType === "review" ? context.reviewAuthor : report.creatorId;
  const [subject] = subjectId ? await tx.select({ email: users.email, status: users.status }).from(users).where(eq(users.id, subjectId)) : [];
  return {
    ...report,
    subjectId: subjectId ?? null,
    subjectEmail: subject?.email ?? null,
    subjectStatus: subject?.status ?? null,
    listingTitle: context.listingTitle,
    reporterEmail: context.reporterEmail,
  };
}

function describe(report: Locked): string {
  if (report.targetType === "listing") return `Your report about the listing “${report.listingTitle ?? "a listing"}”`;
  if (report.targetType === "review") return `Your report about a review of “${report.listingTitle ?? "a listing"}”`;
  return "Your report about a creator";
}

export async function resolveReport(db: Db, actor: Actor | null, input: z.input<typeof resolveReportSchema>): Promise<ResolvedReport> {
  const admin = assertAdmin(actor);
  const data = parseInput(resolveReportSchema, input);
  return db.transaction(async (tx) => {
    const report = await lockReport(tx, data.reportId);
    if (report.status !== "open") throw new DomainError("report.already_closed");
    const reopened = report.counterNoticeAt !== null;
    if (!outcomesFor(report.targetType, reopened).includes(data.outcome)) throw new DomainError("report.resolution_mismatch");

    let listingRef: ResolvedReport["listing"] = null;
    let resolution: ReportResolution | null = null;
    // Other open reports about the same target share the outcome when the target itself is gone.
    let closesSiblings = false;
    switch (data.outcome) {
      case "review_hidden": {
        const change = await hideReview(tx, admin, { reviewId: report.reviewId, reason: data.note.slice(0, 500) });
        listingRef = { slug: change.listing.slug, creatorHandle: change.listing.creatorHandle };
        resolution = "review_hidden";
        closesSiblings = true;
        break;
      }
      case "listing_removed": {
        resolution = "listing_removed";
        if (!reopened) {
          const removed = await removeListingInTx(tx, admin.id, report.listingId!, data.note, report.id);
          listingRef = { slug: removed.slug, creatorHandle: removed.creatorHandle };
          closesSiblings = true;
        }
        break;
      }
      case "listing_restored": {
        const restored = await restoreListingInTx(tx, admin.id, report.listingId!, data.note, report.id);
        listingRef = { slug: restored.slug, creatorHandle: restored.creatorHandle };
        break;
      }
      case "creator_warned":
        resolution = "creator_warned";
        break;
      case "creator_suspended": {
        resolution = "creator_suspended";
        // Already suspended or banned: the report is resolved without changing the account again.
        if (report.subjectId && report.subjectStatus === "active") {
          await changeUserStatus(tx, admin, { userId: report.subjectId, status: "suspended", reason: data.note.slice(0, 500) });
        }
        break;
      }
      case "dismissed":
        break;
    }

    const status = data.outcome === "dismissed" || data.outcome === "listing_restored" ? "dismissed" : "resolved";
    const decided = { status, resolution, resolutionNote: data.note, resolvedBy: admin.id, resolvedAt: new Date() } as const;
    await tx.update(reports).set(decided).where(eq(reports.id, report.id));
    const siblings = closesSiblings
      ? await tx
          .update(reports)
          .set(decided)
          .where(
            and(
              eq(reports.status, "open"),
              eq(reports.targetType, report.targetType),
              sql`coalesce(${reports.reviewId}, ${reports.listingId}, ${reports.creatorId}) = coalesce(${report.reviewId}::uuid, ${report.listingId}::uuid, ${report.creatorId}::uuid)`,
            ),
          )
          .returning({ id: reports.id, reporterId: reports.reporterId })
      : [];

    // The reporters (an admin's own removal case has no one else to tell).
    const reporterIds = [...new Set([report.reporterId, ...siblings.map((s) => s.reporterId)])].filter((id) => id !== admin.id);
    const what = describe(report);
    if (reporterIds.length) {
      await notify(
        tx,
        reporterIds.map((userId) => ({
          userId,
          type: "report_resolved" as const,
          title: `${what}: ${REPORTER_OUTCOME[data.outcome]}`,
          body: data.note,
          data: { reportId: report.id, outcome: data.outcome },
        })),
      );
      const emails = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, reporterIds));
      for (const r of emails) {
        await queueEmail(tx, {
          template: "report_outcome",
          to: r.email,
          userId: r.id,
          data: { what, outcome: REPORTER_OUTCOME[data.outcome], note: data.note },
        });
      }
    }

    // The person it is about: removal and suspension tell them in their own words (listing_removed mail, account notice).
    if (report.subjectId && report.subjectEmail && data.outcome !== "dismissed") {
      const subjectWhat =
        report.targetType === "listing" ? `Your listing “${report.listingTitle ?? ""}”` : report.targetType === "review" ? "Your review" : "Your storefront";
      const subjectOutcome: Partial<Record<ReportOutcome, string>> = {
        review_hidden: "A moderator hid it after a report.",
        creator_warned: "A moderator reviewed a report about it and is warning you.",
        creator_suspended: "A moderator suspended your account after a report.",
        listing_restored: "A moderator accepted your counter-notice: the listing is back in the catalog.",
        listing_removed: reopened ? "A moderator read your counter-notice and kept the listing removed." : undefined,
      };
      const outcome = subjectOutcome[data.outcome];
      if (outcome) {
        await notify(tx, {
          userId: report.subjectId,
          type: "report_resolved",
          title: `${subjectWhat}: ${outcome}`,
          body: data.note,
          link: report.listingId && report.targetType === "listing" ? `/dashboard/listings/${report.listingId}` : undefined,
          data: { reportId: report.id, outcome: data.outcome },
        });
        await queueEmail(tx, {
          template: "report_outcome",
          to: report.subjectEmail,
          userId: report.subjectId,
          data: { what: subjectWhat, outcome, note: data.note },
        });
      }
    }

    await writeAudit(tx, {
      actorId: admin.id,
      action: status === "dismissed" ? "report.dismiss" : "report.resolve",
      targetType: "report",
      targetId: report.id,
      details: {
        outcome: data.outcome,
        note: data.note,
        targetType: report.targetType,
        alsoClosed: siblings.map((s) => s.id).filter((id) => id !== report.id),
      },
    });
    return { reportId: report.id, outcome: data.outcome, listing: listingRef };
  });
}
