// Ledger invariants (ARCHITECTURE.md, "Where money moves"), checked by tests, benchmarks and the admin health view.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

/** Every way the books disagree with themselves or with the orders and payouts; empty when all is well. */
export async function ledgerInvariantViolations(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const unbalanced = await queryRows<{ journal_id: string; total: string }>(
    db,
    sql`select journal_id, sum(amount_cents)::text as total from ledger_entries group by journal_id having sum(amount_cents) <> 0 limit 10`,
  );
  for (const j of unbalanced) problems.push(`journal ${j.journal_id} sums to ${j.total}`);

  const [whole] = await queryRows<{ total: string }>(db, sql`select coalesce(sum(amount_cents), 0)::text as total from ledger_entries`);
  if (Number(whole.total) !== 0) problems.push(`the whole ledger sums to ${whole.total}`);

  // Each creator's balance = their share of sold orders − the creator part of refunds − payouts sent.
  const mismatched = await queryRows<{ creator_id: string; ledger: string; expected: string }>(
    db,
    sql`
      with expected as (
        select creator_id, sum(amount)::bigint as amount from (
          select creator_id,
                 creator_share_cents - (refunded_cents - (case when price_cents > 0 then (refunded_cents::bigint * fee_cents) / price_cents else 0 end)) as amount
            from orders
           where status in ('paid', 'disputed', 'refunded') and price_cents > 0
          union all
          select creator_id, -(amount_cents - reversed_cents) from payouts where status in ('processing', 'paid', 'reversed')
        ) parts group by creator_id
      ),
      ledger as (
        select substring(account from 9)::uuid as creator_id, sum(amount_cents)::bigint as amount
          from ledger_entries where account like 'creator:%' group by account
      )
      select coalesce(e.creator_id, l.creator_id)::text as creator_id,
             coalesce(l.amount, 0)::text as ledger, coalesce(e.amount, 0)::text as expected
        from expected e full join ledger l on l.creator_id = e.creator_id
       where coalesce(l.amount, 0) <> coalesce(e.amount, 0)
       limit 10`,
  );
  for (const m of mismatched) problems.push(`creator ${m.creator_id} ledger balance ${m.ledger} ≠ expected ${m.expected}`);

  // The payouts account holds exactly what was claimed and not given back: sent or in flight, less reversals.
  const [payoutsAccount] = await queryRows<{ ledger: string; expected: string }>(
    db,
    sql`select (select coalesce(sum(amount_cents), 0) from ledger_entries where account = 'payouts')::text as ledger,
               (select coalesce(sum(amount_cents - reversed_cents), 0) from payouts where status in ('processing', 'paid', 'reversed'))::text as expected`,
  );
  if (payoutsAccount.ledger !== payoutsAccount.expected) {
    problems.push(`payouts account ${payoutsAccount.ledger} ≠ claimed payouts ${payoutsAccount.expected}`);
  }
  return problems;
}
