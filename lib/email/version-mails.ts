// "A new version of something you own": one mail per owner, queued in the approving transaction with one statement.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "@/db/client";
import { entitledOrder } from "@/lib/orders/entitlement";
import { sendAfterResponse } from "./outbox";

/**
 * Queues the new-version mail for every owner of the listing who has not turned these mails off (banned accounts
 * get none). Returns how many were queued. Each carries a one-click unsubscribe (lib/email/render.ts).
 */
export async function queueNewVersionMails(db: Db | Tx, listingId: string, versionId: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db as Db,
    sql`insert into email_outbox (template, to_address, user_id, data)
        select 'new_version', u.email, u.id,
               jsonb_build_object('listingTitle', l.title, 'versionNumber', v.number, 'changelog', v.changelog, 'libraryUrl', '/library/' || l.id)
          from (select distinct o.buyer_id from orders o where o.listing_id = ${listingId} and ${entitledOrder("o")}) owners
          join users u on u.id = owners.buyer_id and u.status <> 'banned'
          left join email_preferences p on p.user_id = u.id
          join listings l on l.id = ${listingId}
          join listing_versions v on v.id = ${versionId} and v.listing_id = l.id
         where coalesce(p.new_version_emails, true)
        returning id`,
  );
  // A large fan-out is left to the cron sweep rather than one response's after().
  if (rows.length <= 100) sendAfterResponse(rows.map((r) => r.id));
  return rows.length;
}
