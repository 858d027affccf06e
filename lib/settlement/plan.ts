import "server-only";
// The plan step of a settlement (ARCHITECTURE.md, "Where money moves"): once per period, every creator with money or an open payout
// gets one payout row for the period, with their balance when the period closed. Set-based over the ledger.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { periodBounds } from "./periods";
import { at } from "./sql-time";

export type PlanResult = { runId: string; plannedNow: boolean; considered: number };

/**
 * Creates the period's run and payout rows unless an earlier call already did. Concurrent calls for one
 * period queue on an advisory lock; the first plans, the others find `planned_at` set and return.
 * Older open (held or failed) payouts of the same creators are carried into this period: its row now
 * stands for that money, so it can never be paid twice.
 */
/**
 * Refuses to start `period` when a newer month is already planned: planning an older month after a newer one would
 * measure balances the newer run already paid from. An admin's run checks this before it is audited, so a refused
 * run leaves no entry; planPeriod checks again under the lock.
 */
export async function assertNotSuperseded(db: Db, period: string): Promise<void> {
  const [planned] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from settlement_runs where period = ${period} and planned_at is not null`);
  if (planned.n > 0) return;
  const [newer] = await queryRows<{ period: string }>(
    db,
    sql`select period from settlement_runs where period > ${period} and planned_at is not null order by period desc limit 1`,
  );
  if (newer) throw new DomainError("settlement.superseded", { newer: newer.period, period });
}

export async function planPeriod(db: Db, period: string, now: Date): Promise<PlanResult> {
  const { end } = periodBounds(period);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`settlement:${period}`}))`);
    await tx.execute(sql`insert into settlement_runs (period, started_at) values (${period}, ${at(now)}) on conflict (period) do nothing`);
    const [run] = await queryRows<{ id: string; planned_at: Date | null; creators_considered: number }>(
      tx,
      sql`select id, planned_at, creators_considered from settlement_runs where period = ${period}`,
    );
    if (run.planned_at) return { runId: run.id, plannedNow: false, considered: run.creators_considered };

    await assertNotSuperseded(tx, period);

    const inserted = await queryRows<{ n: number }>(
      tx,
      sql`
        with balances as (
          select substring(account from 9)::uuid as creator_id,
                 coalesce(sum(amount_cents) filter (where created_at < ${at(end)}), 0)::bigint as at_end,
                 sum(amount_cents)::bigint as now_balance
            from ledger_entries
           where account like 'creator:%'
           group by account
        ),
        open_rows as (
          select distinct creator_id from payouts where period < ${period} and status in ('held', 'failed')
        ),
        candidates as (
          select coalesce(b.creator_id, o.creator_id) as creator_id,
                 coalesce(b.at_end, 0) as at_end,
                 coalesce(b.now_balance, 0) as now_balance
            from balances b full join open_rows o on o.creator_id = b.creator_id
           where coalesce(b.at_end, 0) <> 0 or o.creator_id is not null
        ),
        ins as (
          insert into payouts (creator_id, settlement_run_id, period, amount_cents, period_end_balance_cents, status, created_at, updated_at)
          select c.creator_id, ${run.id}, ${period}, least(c.at_end, c.now_balance), c.at_end, 'pending', ${at(now)}, ${at(now)}
            from candidates c
              on conflict (creator_id, period) do nothing
          returning creator_id
        ),
        carried as (
          update payouts p set status = 'carried', carried_into_period = ${period}, lease_until = null, updated_at = ${at(now)}
            from ins where p.creator_id = ins.creator_id and p.period < ${period} and p.status in ('held', 'failed')
          returning p.id
        )
        select (select count(*) from ins)::int as n, (select count(*) from carried)::int as carried`,
    );
    const considered = inserted[0]?.n ?? 0;
    await tx.execute(sql`
      update settlement_runs
         set planned_at = ${at(now)}, creators_considered = (select count(*) from payouts where period = ${period}),
             creators_remaining = (select count(*) from payouts where period = ${period} and status in ('pending', 'processing'))
       where id = ${run.id}`);
    return { runId: run.id, plannedNow: true, considered };
  });
}
