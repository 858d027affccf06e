// Delivery of the outbox: claim due mail (FOR UPDATE SKIP LOCKED, so two senders never take one mail), send it over
// SMTP, then mark it sent, or schedule a retry with exponential backoff, or — after the last attempt — failed.
// A claim is a lease: a sender that dies mid-send leaves its mail to be claimed again once the lease ends.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, queryRows, type Db } from "@/db/client";
import type { OutboxMail } from "@/db/schema";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { isKnownTemplate, renderMail, type RenderedMail } from "./render";
import { smtpTransport, type MailTransport } from "./transport";
import type { MailRequest } from "./mail-types";

/** Attempts before a mail is marked failed (about 14 hours of retries with the backoff below). */
export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 3_600_000;
/** How long a claim holds: longer than one batch can take with the transport's timeouts. */
const LEASE_MS = 10 * 60_000;
const BATCH = 25;
const PARALLEL = 4;

/** The wait before attempt `attempts + 1`: 1 min, 2, 4, 8 … capped at 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

export type DeliverySummary = { claimed: number; sent: number; retried: number; failed: number; kept: number };

export type DeliveryOptions = {
  db?: Db;
  /** Only these mails (the ones a request just queued); otherwise every due mail. */
  ids?: string[];
  now?: Date;
  /** Stop claiming new batches after this long (the sweep's budget). */
  budgetMs?: number;
  transport?: MailTransport | null;
  maxAttempts?: number;
};

type Row = Pick<OutboxMail, "id" | "template" | "toAddress" | "userId" | "data" | "attempts">;

/**
 * Times come from the database's clock (app servers' clocks may drift from it, and rows are stamped with its
 * now()); tests pass `now` to travel in time.
 */
type Clock = SQL;
const clockOf = (now: Date | undefined): Clock => (now ? sql`${now.toISOString()}::timestamptz` : sql`now()`);
const later = (clock: Clock, ms: number) => sql`(${clock} + ${ms} * interval '1 millisecond')`;

/** Claims up to `limit` due mails (pending and due, or a sending claim whose lease ended) for this sender. */
async function claim(db: Db, now: Clock, limit: number, ids: string[] | undefined): Promise<Row[]> {
  const only = ids ? sql`and id = any(${`{${ids.join(",")}}`}::uuid[])` : sql``;
  return queryRows<Row>(
    db,
    sql`update email_outbox o
           set status = 'sending', attempts = o.attempts + 1, locked_until = ${later(now, LEASE_MS)}
         where o.id in (
           select id from email_outbox
            where ((status = 'pending' and next_attempt_at <= ${now}) or (status = 'sending' and locked_until <= ${now})) ${only}
            order by next_attempt_at
            limit ${limit}
              for update skip locked)
     returning o.id, o.template, o.to_address as "toAddress", o.user_id as "userId", o.data, o.attempts`,
  );
}

/** Without SMTP outside production, due mail is kept for the development mail page instead of being sent. */
async function keepForDevelopment(db: Db, now: Clock, ids: string[] | undefined): Promise<number> {
  const only = ids ? sql`and id = any(${`{${ids.join(",")}}`}::uuid[])` : sql``;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update email_outbox set status = 'kept', locked_until = null
         where status = 'pending' and next_attempt_at <= ${now} ${only}
     returning id`,
  );
  return rows.length;
}

function render(row: Row): RenderedMail {
  if (!isKnownTemplate(row.template)) throw new Error(`unknown email template ${row.template}`);
  return renderMail({ template: row.template, data: row.data, userId: row.userId } as Pick<MailRequest, "template" | "data" | "userId">);
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/** Sends one claimed mail and records the outcome; only a row still claimed by this attempt is moved. */
async function sendOne(db: Db, transport: MailTransport, row: Row, now: Clock, maxAttempts: number): Promise<"sent" | "retried" | "failed"> {
  const claimed = sql`id = ${row.id} and status = 'sending' and attempts = ${row.attempts}`;
  let mail: RenderedMail;
  try {
    mail = render(row);
  } catch (error) {
    // A mail that can't be rendered never will be: failed at once, kept for someone to look at.
    await db.execute(sql`update email_outbox set status = 'failed', locked_until = null, last_error = ${errorText(error)} where ${claimed}`);
    return "failed";
  }
  try {
    await transport.send({ ...mail, id: row.id, to: row.toAddress });
  } catch (error) {
    const finished = row.attempts >= maxAttempts;
    await db.execute(
      sql`update email_outbox
             set status = ${finished ? "failed" : "pending"}, locked_until = null, next_attempt_at = ${later(now, retryDelayMs(row.attempts))}, last_error = ${errorText(error)}
           where ${claimed}`,
    );
    // The mail's id and template, never its address; the error's text is scrubbed of addresses by the logger.
    if (finished)
      logger.error({ event: "email.failed", template: row.template, mailId: row.id, attempts: row.attempts, err: error }, "mail failed after its last attempt");
    return finished ? "failed" : "retried";
  }
  await db.execute(sql`update email_outbox set status = 'sent', sent_at = ${now}, locked_until = null, last_error = null where ${claimed}`);
  return "sent";
}

/**
 * Sends due mail (or just `ids`) until none is left or the budget is spent. Safe to run from any number of
 * processes at once. Never throws for a mail server failure: that mail is retried later.
 */
export async function deliverMail(options: DeliveryOptions = {}): Promise<DeliverySummary> {
  const db = options.db ?? (await getDb());
  const now = clockOf(options.now);
  const transport = options.transport === undefined ? smtpTransport() : options.transport;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const summary: DeliverySummary = { claimed: 0, sent: 0, retried: 0, failed: 0, kept: 0 };
  if (!transport) {
    if (env().NODE_ENV === "production") throw new Error("SMTP_URL is not set: mail can't be sent in production");
    summary.kept = await keepForDevelopment(db, now, options.ids);
    return summary;
  }
  const deadline = Date.now() + (options.budgetMs ?? 50_000);
  while (Date.now() < deadline) {
    const batch = await claim(db, now, BATCH, options.ids);
    if (batch.length === 0) break;
    summary.claimed += batch.length;
    for (let i = 0; i < batch.length; i += PARALLEL) {
      const outcomes = await Promise.all(batch.slice(i, i + PARALLEL).map((row) => sendOne(db, transport, row, now, maxAttempts)));
      for (const outcome of outcomes) summary[outcome]++;
    }
  }
  return summary;
}
