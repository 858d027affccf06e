// The daily sales digest: sales held for creators who chose "daily digest" become one mail per creator when their
// digest time comes (08:00 UTC). Run by the cron sweep before delivery; concurrent sweeps take different creators.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import type { MailTemplates } from "./mail-types";
import { emailPreferencesOf } from "./preferences";

type HeldSale = { id: string; userId: string; toAddress: string; data: MailTemplates["sale"] };

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * Turns every creator's due held sales into one `sale_digest` mail (or drops them if the creator has since turned
 * sale emails off). Returns how many digests were queued.
 */
export async function collectDigests(db: Db, now: Date, opts: { maxCreators?: number } = {}): Promise<number> {
  let queued = 0;
  for (let i = 0; i < (opts.maxCreators ?? 500); i++) {
    const done = await db.transaction(async (tx) => {
      // One creator at a time: lock all of that creator's due held sales; another sweep skips them and takes the next creator.
      const held = await queryRows<HeldSale>(
        tx,
        sql`select id, user_id as "userId", to_address as "toAddress", data from email_outbox
             where status = 'digest' and user_id = (
               select user_id from email_outbox where status = 'digest' and next_attempt_at <= ${at(now)} and user_id is not null
                order by next_attempt_at limit 1 for update skip locked)
               and next_attempt_at <= ${at(now)}
             order by created_at
               for update skip locked`,
      );
      if (held.length === 0) return true;
      const ids = `{${held.map((h) => h.id).join(",")}}`;
      const preferences = await emailPreferencesOf(tx, held[0].userId);
      if (preferences.saleEmails === "off") {
        await tx.execute(sql`update email_outbox set status = 'skipped' where id = any(${ids}::uuid[])`);
        return false;
      }
      const sales: MailTemplates["sale_digest"]["sales"] = held.map(({ data }) => ({
        listingTitle: data.listingTitle,
        priceCents: data.priceCents,
        shareCents: data.shareCents,
        currency: data.currency,
        paidAt: String(data.paidAt),
      }));
      const last = held[held.length - 1];
      const [digest] = await tx
        .insert(emailOutbox)
        .values({ template: "sale_digest", toAddress: last.toAddress, userId: last.userId, data: { sales } })
        .returning({ id: emailOutbox.id });
      await tx.execute(sql`update email_outbox set status = 'digested', digest_id = ${digest.id} where id = any(${ids}::uuid[])`);
      queued++;
      return false;
    });
    if (done) break;
  }
  return queued;
}
