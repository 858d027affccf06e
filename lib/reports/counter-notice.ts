// The creator's one answer to the removal of their listing: a counter-notice that reopens the case for an admin.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { listings, reports } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { DomainError, parseInput } from "@/lib/errors";
import { writeAudit } from "@/lib/moderation/audit";
import { uuidSchema } from "@/lib/uuid";

export const counterNoticeSchema = z.object({
  listingId: uuidSchema(),
  text: z.string().trim().min(20, "Explain why the listing should be restored (20 characters or more).").max(4000, "Keep your answer under 4,000 characters."),
});

export type RemovalCase = { reportId: string; reason: string; counterNotice: string | null; counterNoticeAt: Date | null; reopened: boolean };

/** The case behind the removal of the actor's own listing (what the editor shows), or null. */
export async function removalCase(db: Db, actor: Actor | null, listingId: string): Promise<RemovalCase | null> {
  const creator = assertSignedIn(actor);
  const [row] = await db
    .select({ report: reports, statusReason: listings.statusReason })
    .from(reports)
    .innerJoin(listings, eq(listings.id, reports.listingId))
    .where(
      and(eq(reports.listingId, listingId), eq(listings.creatorId, creator.id), eq(reports.targetType, "listing"), eq(reports.resolution, "listing_removed")),
    )
    .orderBy(desc(reports.resolvedAt))
    .limit(1);
  if (!row) return null;
  return {
    reportId: row.report.id,
    reason: row.statusReason ?? row.report.resolutionNote ?? "",
    counterNotice: row.report.counterNotice,
    counterNoticeAt: row.report.counterNoticeAt,
    reopened: row.report.status === "open",
  };
}

/** Sends the counter-notice (once per removal) and reopens the case; the listing stays removed until an admin decides. */
export async function sendCounterNotice(db: Db, actor: Actor | null, input: z.input<typeof counterNoticeSchema>): Promise<{ reportId: string }> {
  // A suspended creator may still answer: suspension can be the very thing being contested.
  const creator = assertSignedIn(actor);
  const data = parseInput(counterNoticeSchema, input);
  return db.transaction(async (tx) => {
    const [listing] = await tx
      .select({ id: listings.id, status: listings.status })
      .from(listings)
      .where(and(eq(listings.id, data.listingId), eq(listings.creatorId, creator.id)))
      .for("update")
      .limit(1);
    if (!listing) throw new DomainError("listing.not_found");
    if (listing.status !== "removed") throw new DomainError("report.counter_notice_unavailable");
    const [report] = await tx
      .select()
      .from(reports)
      .where(and(eq(reports.listingId, listing.id), eq(reports.targetType, "listing"), eq(reports.resolution, "listing_removed")))
      .orderBy(desc(reports.resolvedAt))
      .for("update")
      .limit(1);
    if (!report) throw new DomainError("report.counter_notice_unavailable");
    if (report.counterNoticeAt) throw new DomainError("report.counter_notice_sent");
    await tx.update(reports).set({ counterNotice: data.text, counterNoticeAt: new Date(), status: "open" }).where(eq(reports.id, report.id));
    await writeAudit(tx, {
      actorId: creator.id,
      action: "report.counter_notice",
      targetType: "report",
      targetId: report.id,
      details: { listingId: listing.id },
    });
    return { reportId: report.id };
  });
}
