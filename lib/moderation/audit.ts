// The audit trail: every admin action records who did what to which object, in the same transaction.
import "server-only";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

/** What an audit entry can be about (the audit log page filters by these). */
export const AUDIT_TARGET_TYPES = ["user", "listing", "listing_version", "review", "report", "order", "payout", "settlement_run", "email"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType: AuditTargetType;
  targetId: string;
  details?: Record<string, unknown>;
};

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details ?? {},
  });
}
