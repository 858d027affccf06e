// The outbox for admins: how much mail waits or failed, the failed mails with their last error, and sending one again.
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { writeAudit } from "@/lib/moderation/audit";
import { sendAfterResponse } from "./outbox";

export type OutboxSummary = { due: number; retrying: number; sending: number; failed: number; sentLastDay: number; oldestDueAt: Date | null };

export async function outboxSummary(db: Db, actor: Actor | null): Promise<OutboxSummary> {
  assertAdmin(actor);
  const [row] = await queryRows<{ due: number; retrying: number; sending: number; failed: number; sent_last_day: number; oldest_due_at: string | null }>(
    db,
    sql`select count(*) filter (where status = 'pending' and attempts = 0)::int as due,
               count(*) filter (where status = 'pending' and attempts > 0)::int as retrying,
               count(*) filter (where status = 'sending')::int as sending,
               count(*) filter (where status = 'failed')::int as failed,
               count(*) filter (where status = 'sent' and sent_at > now() - interval '1 day')::int as sent_last_day,
               min(created_at) filter (where status in ('pending', 'sending')) as oldest_due_at
          from email_outbox
         where status in ('pending', 'sending', 'failed') or (status = 'sent' and sent_at > now() - interval '1 day')`,
  );
  return {
    due: row.due,
    retrying: row.retrying,
    sending: row.sending,
    failed: row.failed,
    sentLastDay: row.sent_last_day,
    oldestDueAt: row.oldest_due_at ? new Date(row.oldest_due_at) : null,
  };
}

export type FailedMail = { id: string; template: string; toAddress: string; attempts: number; lastError: string | null; createdAt: Date };

/** Failed mails, newest first. */
export async function failedMails(db: Db, actor: Actor | null, limit = 50): Promise<FailedMail[]> {
  assertAdmin(actor);
  return db
    .select({
      id: emailOutbox.id,
      template: emailOutbox.template,
      toAddress: emailOutbox.toAddress,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.status, "failed"))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(Math.min(Math.max(limit, 1), 200));
}

/** Sends a failed mail again with a fresh set of attempts (after the cause is fixed); audited. */
export async function retryFailedMail(db: Db, actor: Actor | null, mailId: string): Promise<void> {
  const admin = assertAdmin(actor);
  if (!/^[0-9a-f-]{36}$/i.test(mailId)) throw new DomainError("not_found");
  await db.transaction(async (tx) => {
    const [mail] = await tx
      .update(emailOutbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()`, lockedUntil: null })
      .where(and(eq(emailOutbox.id, mailId), eq(emailOutbox.status, "failed")))
      .returning({ id: emailOutbox.id, template: emailOutbox.template, to: emailOutbox.toAddress });
    if (!mail) throw new DomainError("not_found");
    await writeAudit(tx, {
      actorId: admin.id,
      action: "email.retry",
      targetType: "email",
      targetId: mail.id,
      details: { template: mail.template, to: mail.to },
    });
  });
  sendAfterResponse([mailId]);
}
