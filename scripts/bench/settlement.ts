// Settlement at scale (ARCHITECTURE.md, "Where money moves"): 1,000,000 paid orders across 10,000 creators, inserted with set-based SQL
// (varied prices, refunds, Connect states and balances from fixed hashes), then one full settlement call in
// the local driver (target ≤ 60 s, peak RSS ≤ 300 MB) and a second call for the same period (a no-op, ≤ 5 s).
// Every creator's money is all in October, so cost grows with creators (claims and transfers), and the
// set-based plan reads the ledger once. Each call runs in its own process so its peak RSS is its own.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "@/db/client";
import { ledgerInvariantViolations } from "@/lib/ledger/invariants";
import { createScratchDatabase, DEFAULT_ADMIN_URL } from "../support/database";
import { runMain } from "../support/main";

const ORDERS = Number(process.env.BENCH_SETTLEMENT_ORDERS ?? 1_000_000);
const CREATORS = Number(process.env.BENCH_SETTLEMENT_CREATORS ?? 10_000);
const PERIOD = "2026-10";
const NOW = "2026-11-01T06:00:00Z";

async function main() {
  const scratch = await createScratchDatabase("agora_bench_settlement", process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL);
  const handle = await openDatabase({ url: scratch.url, poolMax: 2 });
  try {
    await handle.migrate();
    const db = handle.db;
    const seedStarted = performance.now();
    await db.transaction(async (tx) => {
      // Bulk load of consistent rows: triggers (search projection, per-row journal checks) are off for the load;
      // the invariants are checked over the whole ledger afterwards instead.
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`
        insert into users (id, email, name)
        select md5('creator' || n)::uuid, 'creator' || n || '@bench.test', 'Creator ' || n from generate_series(1, ${CREATORS}) n`);
      // Connect states: ~4% never onboarded, ~3% restricted, the rest active.
      await tx.execute(sql`
        insert into creator_profiles (user_id, handle, display_name, stripe_account_id, payouts_enabled, stripe_details_submitted, stripe_transfers_capability)
        select md5('creator' || n)::uuid, 'bench-' || n, 'Creator ' || n,
               case when abs(hashtext('acct' || n)) % 100 < 4 then null else 'acct_local_bench_' || n end,
               abs(hashtext('acct' || n)) % 100 >= 7,
               abs(hashtext('acct' || n)) % 100 >= 4,
               case when abs(hashtext('acct' || n)) % 100 < 4 then null when abs(hashtext('acct' || n)) % 100 < 7 then 'inactive' else 'active' end
          from generate_series(1, ${CREATORS}) n`);
      await tx.execute(sql`
        insert into listings (id, creator_id, slug, kind, status, title, category, price_cents, published_at)
        select md5('listing' || n)::uuid, md5('creator' || n)::uuid, 'bench-listing-' || n, 'prompt', 'published', 'Bench listing ' || n, 'writing', 1000, ${NOW}::timestamptz
          from generate_series(1, ${CREATORS}) n`);
      await tx.execute(sql`
        insert into listing_versions (id, listing_id, number, content, review_status)
        select md5('version' || n)::uuid, md5('listing' || n)::uuid, 1, '{}'::jsonb, 'approved' from generate_series(1, ${CREATORS}) n`);
      // The last 5% of creators made one small sale each (below the minimum); the rest share the other orders.
      const tail = Math.floor(CREATORS * 0.05);
      const main = CREATORS - tail;
      const buyers = Math.ceil(ORDERS / main) + 1;
      await tx.execute(sql`
        insert into users (id, email, name)
        select md5('buyer' || n)::uuid, 'buyer' || n || '@bench.test', 'Buyer ' || n from generate_series(0, ${buyers - 1}) n`);
      // Order i: creator i % main (buyer i / main, so buyer-listing pairs are unique); prices $0.50–$99.99;
      // 1.5% refunded in full; paid at any second of October.
      await tx.execute(sql`
        insert into orders (id, buyer_id, listing_id, creator_id, version_id, status, price_cents, fee_cents, creator_share_cents, refunded_cents, paid_at, created_at)
        select md5('order' || i)::uuid,
               md5('buyer' || b)::uuid,
               md5('listing' || c)::uuid,
               md5('creator' || c)::uuid,
               md5('version' || c)::uuid,
               case when refunded then 'refunded' else 'paid' end::order_status,
               price, price * 2000 / 10000, price - price * 2000 / 10000,
               case when refunded then price else 0 end,
               paid_at, paid_at
          from (
            select i,
                   case when i < ${ORDERS - tail} then i % ${main} + 1 else ${main} + 1 + (i - ${ORDERS - tail}) end as c,
                   case when i < ${ORDERS - tail} then i / ${main} else ${buyers - 1} end as b,
                   case when i < ${ORDERS - tail} then 50 + abs(hashtext('price' || i)) % 9950 else 100 + abs(hashtext('price' || i)) % 800 end as price,
                   i < ${ORDERS - tail} and abs(hashtext('refund' || i)) % 1000 < 15 as refunded,
                   '2026-10-01'::timestamptz + (abs(hashtext('when' || i)) % (31 * 86400 - 7200)) * interval '1 second' as paid_at
              from generate_series(0, ${ORDERS - 1}) i
          ) o`);
      // Sale journals (buyers −price, creator +share, platform +fee), journal id = order id.
      await tx.execute(sql`
        insert into ledger_entries (journal_id, account, amount_cents, kind, order_id, created_at)
        select o.id, x.account, x.amount, 'sale', o.id, o.paid_at
          from orders o
         cross join lateral (values ('buyers', -o.price_cents), ('creator:' || o.creator_id, o.creator_share_cents), ('platform', o.fee_cents)) x(account, amount)
         where x.amount <> 0`);
      // Full refunds a day later, still in October: the exact reverse.
      await tx.execute(sql`
        insert into ledger_entries (journal_id, account, amount_cents, kind, order_id, created_at)
        select md5('refund' || o.id)::uuid, x.account, x.amount, 'refund', o.id, least(o.paid_at + interval '1 day', '2026-10-31T23:00:00Z'::timestamptz)
          from orders o
         cross join lateral (values ('buyers', o.price_cents), ('creator:' || o.creator_id, -o.creator_share_cents), ('platform', -o.fee_cents)) x(account, amount)
         where o.status = 'refunded' and x.amount <> 0`);
    });
    await db.execute(sql`analyze`);
    const [counts] = await queryRows<{ orders: number; entries: number; creators: number }>(
      db,
      sql`select (select count(*) from orders)::int as orders, (select count(*) from ledger_entries)::int as entries, (select count(*) from creator_profiles)::int as creators`,
    );
    console.log(JSON.stringify({ bench: "settlement_seed", ...counts, seconds: Number(((performance.now() - seedStarted) / 1000).toFixed(1)) }));
    const violationsBefore = await ledgerInvariantViolations(db);

    const worker = path.join(process.cwd(), "scripts", "bench", "_settle-worker.ts");
    const runs: Record<string, unknown>[] = [];
    for (const label of ["first_call", "second_call"]) {
      const child = spawnSync("npx", ["tsx", "--conditions=react-server", worker], {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: scratch.url, BENCH_PERIOD: PERIOD, BENCH_NOW: NOW, SETTLEMENT_TIME_BUDGET_SECONDS: "3600" },
        maxBuffer: 64 * 1024 * 1024,
      });
      if (child.status !== 0) throw new Error(`settlement worker failed: ${child.stderr}`);
      const result = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as Record<string, unknown>;
      runs.push(result);
      console.log(JSON.stringify({ bench: `settlement_${label}`, ...result, target_seconds: label === "first_call" ? 60 : 5, target_peak_rss_mb: 300 }));
    }

    const violations = await ledgerInvariantViolations(db);
    const [check] = await queryRows<{ payouts: number; transfers: number; duplicate_transfers: number; paid: number }>(
      db,
      sql`select (select count(*) from payouts)::int as payouts,
                 (select count(*) from local_stripe_transfers)::int as transfers,
                 (select count(*) from (select 1 from local_stripe_transfers group by metadata->>'payout_id' having count(*) > 1) d)::int as duplicate_transfers,
                 (select count(*) from payouts where status = 'paid')::int as paid`,
    );
    console.log(
      JSON.stringify({
        bench: "settlement_check",
        ...check,
        ledger_violations_before: violationsBefore.length,
        ledger_violations_after: violations.length,
        exactly_once: check.duplicate_transfers === 0 && check.transfers === check.paid && violations.length === 0,
      }),
    );
    if (violations.length || check.duplicate_transfers) process.exitCode = 1;
  } finally {
    await handle.close();
    await scratch.drop();
  }
}

runMain(main);
