// Payout mail (sent, held, failed), queued with the settlement change that decides it (lib/settlement calls these).
import "server-only";
import { inArray, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { users } from "@/db/schema";
import { queueEmail } from "./outbox";

export type PayoutMail = {
  creatorId: string;
  template: "payout_held" | "payout_failed";
  period: string;
  amountCents: number;
  currency: string;
  reason: string;
};

/** Held or failed payouts: one mail each to the creator (unless they turned payout emails off). */
export async function queuePayoutMails(db: Db | Tx, mails: PayoutMail[]): Promise<void> {
  if (mails.length === 0) return;
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.id, [...new Set(mails.map((m) => m.creatorId))]));
  const emailOf = new Map(people.map((p) => [p.id, p.email]));
  for (const { creatorId, template, ...data } of mails) {
    const to = emailOf.get(creatorId);
    if (to) await queueEmail(db, { template, to, userId: creatorId, data });
  }
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
