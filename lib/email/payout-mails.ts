// Payout mail (sent, held, failed), queued with the settlement change that decides it (lib/settlement calls these).
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "@/db/client";
import type { MailTemplates } from "./mail-types";
import { sendAfterResponse } from "./outbox";

export type PayoutMail = { creatorId: string; template: "payout_held" | "payout_failed" } & MailTemplates["payout_held"];

/**
 * Held or failed payouts: one mail each to the creator (unless they turned payout emails off), in one INSERT …
 * SELECT however many creators a settlement batch holds.
 */
export async function queuePayoutMails(db: Db | Tx, mails: PayoutMail[]): Promise<void> {
  if (mails.length === 0) return;
  const rows = JSON.stringify(mails.map(({ creatorId, template, ...data }) => ({ creator_id: creatorId, template, data })));
  const queued = await queryRows<{ id: string }>(
    db as Db,
    sql`insert into email_outbox (template, to_address, user_id, data)
        select v.template, u.email, u.id, v.data
          from jsonb_to_recordset(${rows}::jsonb) as v(creator_id uuid, template text, data jsonb)
          join users u on u.id = v.creator_id
          left join email_preferences p on p.user_id = u.id
         where coalesce(p.payout_emails, true)
        returning id`,
  );
  if (queued.length <= 100) sendAfterResponse(queued.map((q) => q.id));
}

/**
 * "Payout sent" for every payout a statement just moved to paid, as one more CTE of that statement
 * (markPayoutsPaid in lib/settlement/transfer.ts): `from` names the CTE returning the moved payouts' `id`. The
 * cron sweep delivers them.
 */
export function payoutSentMailsSql(from: string): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(from)) throw new RangeError(`not a CTE name: ${from}`);
  return sql`insert into email_outbox (template, to_address, user_id, data)
    select 'payout_sent', u.email, u.id, jsonb_build_object('period', p.period, 'amountCents', p.amount_cents, 'currency', p.currency)
      from ${sql.raw(from)} m
      join payouts p on p.id = m.id
      join users u on u.id = p.creator_id
      left join email_preferences ep on ep.user_id = u.id
     where coalesce(ep.payout_emails, true)`;
}
