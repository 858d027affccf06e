// The email outbox: code that causes a mail calls queueEmail inside its own transaction, so a rolled-back change
// sends nothing and a committed one is never lost. Delivery happens afterwards (lib/email/deliver.ts): right
// after the response through Next's after(), and by the cron sweep for retries.
import "server-only";
import { after } from "next/server";
import type { Db, Tx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { logger } from "@/lib/observability/logger";
import { MAIL_CATEGORY, type MailRequest } from "./mail-types";
import { deliveryFor, emailPreferencesOf, nextDigestAt } from "./preferences";

export type { OutboxStatus } from "@/db/schema";
export type { MailCategory, MailOf, MailRecipient, MailRequest, MailTemplate, MailTemplates } from "./mail-types";

/**
 * Writes one mail to the outbox with `db` — pass the transaction of the change the mail announces. Optional mail
 * (sales, new versions, payouts) follows the recipient's preferences: dropped when turned off, a sale held for the
 * daily digest when they chose one. After the response, the mail is sent (when the transaction committed).
 */
export async function queueEmail(db: Db | Tx, mail: MailRequest): Promise<void> {
  const category = MAIL_CATEGORY[mail.template];
  let delivery: "now" | "digest" | "off" = "now";
  if (category && mail.userId) delivery = deliveryFor(await emailPreferencesOf(db, mail.userId), category);
  if (delivery === "off") return;
  const [row] = await db
    .insert(emailOutbox)
    .values({
      template: mail.template,
      toAddress: mail.to,
      userId: mail.userId ?? null,
      // Dates become ISO strings here, as they will be when read back.
      data: JSON.parse(JSON.stringify(mail.data)) as Record<string, unknown>,
      ...(delivery === "digest" ? { status: "digest" as const, nextAttemptAt: nextDigestAt(new Date()) } : {}),
    })
    .returning({ id: emailOutbox.id });
  if (delivery === "now") sendAfterResponse([row.id]);
}

/**
 * Asks Next to send these mails once the response is out (by then the transaction has committed or rolled
 * back; a rolled-back row is simply not found). Outside a request (scripts, tests, the cron sweep's own
 * digest) there is no after(): the next sweep sends them.
 */
export function sendAfterResponse(ids: string[]): void {
  if (ids.length === 0) return;
  try {
    after(async () => {
      const { deliverMail } = await import("./deliver");
      await deliverMail({ ids }).catch((error: unknown) => logger.error({ event: "email.delivery_failed", err: error }, "delivery after response failed"));
    });
  } catch {
    // Not in a request scope: the cron sweep delivers.
  }
}
