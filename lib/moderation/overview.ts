// The admin home's counts: accounts, versions waiting for approval and open reports.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listingVersions, reports, users } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";

export type AdminOverview = { accounts: number; versionsAwaitingApproval: number; openReports: number };

export async function adminOverview(db: Db, actor: Actor | null): Promise<AdminOverview> {
  assertAdmin(actor);
  const [[accounts], [pending], [open]] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int` }).from(users),
    // New listings and updates alike: every submitted version waits in the queue.
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(listingVersions)
      .where(eq(listingVersions.reviewStatus, "pending_review")),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(reports)
      .where(eq(reports.status, "open")),
  ]);
  return { accounts: accounts.n, versionsAwaitingApproval: pending.n, openReports: open.n };
}
