// Figures read from Postgres when /api/metrics is scraped: the same for every instance, so they need no sharing.
// Each query stands alone: a table another feature has not migrated yet leaves its figures out, not the scrape.
import "server-only";
import { sql } from "drizzle-orm";
import { connectionsPerProcess, queryRows, type Db } from "@/db/client";
import { env } from "@/lib/env";
import { logger } from "./logger";

type Sample = { labels?: Record<string, string>; value: number };
export type Figure = { name: string; help: string; type: "gauge" | "counter"; samples: Sample[] };

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[] | null> {
  try {
    return await queryRows<T>(db, query);
  } catch (error) {
    logger.warn({ event: "metrics.figure_failed", err: error }, "a metrics query failed; its figures are left out");
    return null;
  }
}

async function settlementFigures(db: Db): Promise<Figure[]> {
  // The latest run: progress of the current month's settlement, and the money it moved.
  const runs = await rows<{ period: string; paid: number; carried: number; failed: number; remaining: number; cents: string; finished: boolean }>(
    db,
    sql`select period, creators_paid as paid, creators_carried as carried, creators_failed as failed, creators_remaining as remaining,
               total_paid_cents::text as cents, finished_at is not null as finished
        from settlement_runs order by period desc limit 1`,
  );
  const payouts = await rows<{ status: string; n: number; cents: string }>(
    db,
    sql`select status, count(*)::int as n, coalesce(sum(amount_cents), 0)::text as cents from payouts group by status`,
  );
  const stuck = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from payouts where status = 'processing' and coalesce(claimed_at, created_at) < now() - interval '1 day'`,
  );
  const figures: Figure[] = [];
  const run = runs?.[0];
  if (run) {
    const labels = { period: run.period };
    figures.push(
      {
        name: "agora_settlement_latest_creators",
        help: "Creators in the latest settlement run, by outcome.",
        type: "gauge",
        samples: [
          { labels: { ...labels, outcome: "paid" }, value: Number(run.paid) },
          { labels: { ...labels, outcome: "carried" }, value: Number(run.carried) },
          { labels: { ...labels, outcome: "failed" }, value: Number(run.failed) },
          { labels: { ...labels, outcome: "remaining" }, value: Number(run.remaining) },
        ],
      },
      {
        name: "agora_settlement_latest_paid_cents",
        help: "Cents paid out by the latest settlement run.",
        type: "gauge",
        samples: [{ labels, value: Number(run.cents) }],
      },
      {
        name: "agora_settlement_latest_finished",
        help: "1 when the latest settlement run has finished.",
        type: "gauge",
        samples: [{ labels, value: run.finished ? 1 : 0 }],
      },
    );
  }
  if (payouts) {
    figures.push(
      { name: "agora_payouts", help: "Payouts by status.", type: "gauge", samples: payouts.map((p) => ({ labels: { status: p.status }, value: Number(p.n) })) },
      {
        name: "agora_payouts_cents",
        help: "Payout amounts in cents by status.",
        type: "gauge",
        samples: payouts.map((p) => ({ labels: { status: p.status }, value: Number(p.cents) })),
      },
    );
  }
  if (stuck) {
    figures.push({
      name: "agora_payouts_processing_over_a_day",
      help: "Payouts left processing for over a day (need reconciliation).",
      type: "gauge",
      samples: [{ value: Number(stuck[0]?.n ?? 0) }],
    });
  }
  return figures;
}

async function outboxFigures(db: Db): Promise<Figure[]> {
  // The email outbox (lib/email): how much mail waits, how much gave up, how old the oldest waiting mail is.
  const byStatus = await rows<{ status: string; n: number }>(db, sql`select status, count(*)::int as n from email_outbox group by status`);
  const oldest = await rows<{ seconds: number | null }>(
    db,
    sql`select extract(epoch from now() - min(created_at))::float8 as seconds from email_outbox where status in ('pending', 'sending')`,
  );
  if (!byStatus) return [];
  const count = (status: string) => Number(byStatus.find((r) => r.status === status)?.n ?? 0);
  return [
    {
      name: "agora_email_outbox",
      help: "Mail in the outbox by status.",
      type: "gauge",
      samples: byStatus.map((r) => ({ labels: { status: r.status }, value: Number(r.n) })),
    },
    {
      name: "agora_email_outbox_depth",
      help: "Mail waiting to be sent (pending or being sent).",
      type: "gauge",
      samples: [{ value: count("pending") + count("sending") }],
    },
    { name: "agora_email_outbox_failed", help: "Mail that gave up after its last attempt.", type: "gauge", samples: [{ value: count("failed") }] },
    {
      name: "agora_email_outbox_oldest_waiting_seconds",
      help: "Age of the oldest mail still waiting.",
      type: "gauge",
      samples: [{ value: Number(oldest?.[0]?.seconds ?? 0) }],
    },
  ];
}

async function connectionFigures(db: Db): Promise<Figure[]> {
  // Saturation as Postgres sees it, across every instance: connections in use against max_connections.
  const activity = await rows<{ active: number; idle: number; total: number; max: number }>(
    db,
    sql`select count(*) filter (where state = 'active')::int as active,
               count(*) filter (where state like 'idle%')::int as idle,
               count(*)::int as total,
               current_setting('max_connections')::int as max
        from pg_stat_activity where backend_type = 'client backend'`,
  );
  const figures: Figure[] = [
    {
      name: "agora_db_pool_max",
      help: "Connections one server process may open (DATABASE_POOL_MAX, plus the catalog pool on a direct connection).",
      type: "gauge",
      samples: [{ value: connectionsPerProcess(env().DATABASE_URL, env().DATABASE_POOL_MAX) }],
    },
  ];
  const a = activity?.[0];
  if (a) {
    figures.push(
      {
        name: "agora_db_connections",
        help: "Client connections to the database, by state (all instances).",
        type: "gauge",
        samples: [
          { labels: { state: "active" }, value: Number(a.active) },
          { labels: { state: "idle" }, value: Number(a.idle) },
          { labels: { state: "total" }, value: Number(a.total) },
        ],
      },
      { name: "agora_db_max_connections", help: "The database's max_connections.", type: "gauge", samples: [{ value: Number(a.max) }] },
      {
        name: "agora_db_connection_saturation",
        help: "Client connections / max_connections (1 = full).",
        type: "gauge",
        samples: [{ value: a.max ? Number(a.total) / Number(a.max) : 0 }],
      },
    );
  }
  return figures;
}

/** Every scrape-time figure, each group independent of the others. */
export async function databaseFigures(db: Db): Promise<Figure[]> {
  const groups = await Promise.all([settlementFigures(db), outboxFigures(db), connectionFigures(db)]);
  return groups.flat();
}

const escapeLabel = (value: string) => value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

/** Figures in the Prometheus text format, appended after prom-client's own output. */
export function formatFigures(figures: Figure[]): string {
  return figures
    .map((figure) => {
      const lines = [`# HELP ${figure.name} ${figure.help}`, `# TYPE ${figure.name} ${figure.type}`];
      for (const sample of figure.samples) {
        const labels = Object.entries({ service: "agora", ...sample.labels })
          .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
          .join(",");
        lines.push(`${figure.name}{${labels}} ${Number.isFinite(sample.value) ? sample.value : 0}`);
      }
      return lines.join("\n");
    })
    .join("\n");
}
