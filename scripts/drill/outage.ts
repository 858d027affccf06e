// Outage drill (not part of npm test): a PRIVATE Postgres cluster (never the machine's shared one) behind `next start`
// under light load, then the database stops. Checks, one JSON line each, exit 1 on any failure:
// health answers 503; a page answers 503 with a friendly page, its request id and Retry-After (in Chromium, and the
// x-request-id header);
// signed Stripe webhooks answer 5xx (Stripe retries); the settle cron answers 503 and writes nothing. Then the cluster
// starts again: health is 200 again without restarting the app, and the webhook events sent during the outage,
// delivered again (plus a duplicate), are each processed exactly once (orders paid, one sale journal each).
// Usage: npm run drill:outage [-- --port 5499 --recover-within 30]
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import { chromium } from "@playwright/test";
import { sql } from "drizzle-orm";
import Stripe from "stripe";
import { openDatabase, queryRows, type Db } from "@/db/client";
import { users } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { UNAVAILABLE_HEADING } from "@/lib/errors/unavailable-page";
import { seedDatabase } from "@/lib/demo-data/seed";
import { startCheckout } from "@/lib/orders/checkout";
import { checkoutSessionObject, localEvent } from "@/lib/payments/local-events";
import { runMain } from "../support/main";
import { ensureBuild, startNextServer, type RunningServer } from "../support/server";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const PORT = arg("--port", 5499);
const RECOVER_WITHIN_S = arg("--recover-within", 30);
const DATA_DIR = "/tmp/drill-pg";
const BIN = "/usr/lib/postgresql/15/bin";
const DATABASE_URL = `postgres://postgres@127.0.0.1:${PORT}/postgres`;
const WEBHOOK_SECRET = "whsec_outage_drill_0123456789abcdef";
const CRON_SECRET = "outage-drill-cron-secret-0123456789";
const PENDING_ORDERS = 3;

let failures = 0;
function step(name: string, ok: boolean, details: Record<string, unknown> = {}) {
  if (!ok) failures += 1;
  console.log(JSON.stringify({ drill: "outage", step: name, ok, ...details }));
}

/** pg_ctl/initdb as the postgres user when we are root (initdb refuses root), else as ourselves. */
function pg(tool: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const run = asRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", `${BIN}/${tool}`, ...args], { encoding: "utf8" })
    : spawnSync(`${BIN}/${tool}`, args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed: ${run.stderr || run.stdout}`);
}
const startCluster = () =>
  pg("pg_ctl", ["-D", DATA_DIR, "-o", `-p ${PORT} -k /tmp -c listen_addresses=127.0.0.1`, "-l", `${DATA_DIR}/server.log`, "-w", "start"]);
const stopCluster = () => pg("pg_ctl", ["-D", DATA_DIR, "-m", "fast", "-w", "stop"]);

function createCluster() {
  if (existsSync(`${DATA_DIR}/postmaster.pid`)) stopCluster();
  rmSync(DATA_DIR, { recursive: true, force: true });
  if (process.getuid?.() === 0) {
    spawnSync("mkdir", ["-p", DATA_DIR]);
    spawnSync("chown", ["postgres", DATA_DIR]);
  }
  pg("initdb", ["-D", DATA_DIR, "-U", "postgres", "--auth=trust", "--no-sync"]);
  startCluster();
}

/** One Stripe event's bytes; each delivery signs them afresh, as Stripe does on every retry of the same event. */
function signed(payload: string) {
  return { payload };
}
async function deliver(server: RunningServer, delivery: { payload: string }) {
  const res = await fetch(`${server.url}/api/webhooks/stripe`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload: delivery.payload, secret: WEBHOOK_SECRET }),
    },
    body: delivery.payload,
  });
  return { status: res.status, body: await res.text() };
}

/** Pending local checkouts (orders waiting for checkout.session.completed) for fresh buyers. */
async function pendingOrders(db: Db, count: number) {
  const listings = await queryRows<{ id: string }>(db, sql`select id from listings where status = 'published' and price_cents > 0 order by id limit ${count}`);
  const made = [];
  for (const [i, listing] of listings.entries()) {
    const [row] = await db
      .insert(users)
      .values({ email: `drill-${Date.now()}-${i}@drill.test`, name: `Drill buyer ${i}` })
      .returning({ id: users.id });
    const buyer = await loadActor(db, row.id);
    await startCheckout(db, buyer, { listingId: listing.id, successUrl: "http://drill.test/s", cancelUrl: "http://drill.test/c" });
    const [order] = await queryRows<{ id: string; checkout_session_id: string; price_cents: number; currency: string }>(
      db,
      sql`select id, checkout_session_id, price_cents, currency from orders where buyer_id = ${row.id}`,
    );
    made.push({ id: order.id, checkoutSessionId: order.checkout_session_id, priceCents: order.price_cents, currency: order.currency });
  }
  return made;
}

async function counts(db: Db, orderIds: string[]) {
  const ids = sql.join(
    orderIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [row] = await queryRows<{ paid: number; sale_journals: number; settlement_runs: number; payouts: number; events: number }>(
    db,
    sql`select (select count(*)::int from orders where id in (${ids}) and status = 'paid') as paid,
               (select count(distinct journal_id)::int from ledger_entries where order_id in (${ids}) and kind = 'sale') as sale_journals,
               (select count(*)::int from settlement_runs) as settlement_runs,
               (select count(*)::int from payouts) as payouts,
               (select count(*)::int from stripe_events) as events`,
  );
  return row;
}

/** Light background traffic (2 connections on pages and the API) that counts answers by phase. */
function lightLoad(server: RunningServer) {
  const tally: Record<string, Record<string, number>> = {};
  let phase = "before";
  let running = true;
  const paths = ["/", "/browse", "/api/v1/listings?sort=newest", "/api/health"];
  const loops = [0, 1].map(async (k) => {
    for (let i = k; running; i++) {
      const status = await fetch(`${server.url}${paths[i % paths.length]}`)
        .then(async (r) => (await r.arrayBuffer(), r.status))
        .catch(() => 0);
      tally[phase] ??= {};
      tally[phase][status] = (tally[phase][status] ?? 0) + 1;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  return {
    phase: (name: string) => (phase = name),
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return tally;
    },
  };
}

async function main() {
  createCluster();
  process.env.DATABASE_URL = DATABASE_URL;
  process.env.PAYMENTS_DRIVER = "local";
  const handle = await openDatabase({ url: DATABASE_URL, poolMax: 2 });
  let server: RunningServer | undefined;
  try {
    await handle.migrate();
    await seedDatabase(handle.db, { listings: 300, log: () => {} });
    const orders = await pendingOrders(handle.db, PENDING_ORDERS);
    step("prepared", orders.length === PENDING_ORDERS, { cluster: DATA_DIR, port: PORT, pending_orders: orders.length, load: os.loadavg() });

    ensureBuild({ reuse: process.env.DRILL_REBUILD !== "1" });
    server = await startNextServer({ DATABASE_URL, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, CRON_SECRET, DATABASE_POOL_MAX: "4" }, { quiet: true });
    const traffic = lightLoad(server);
    const health = async () => fetch(`${server!.url}/api/health`).then(async (r) => ({ status: r.status, body: await r.text() }));
    step("healthy before", (await health()).status === 200);
    await new Promise((r) => setTimeout(r, 2000));
    const before = await counts(
      handle.db,
      orders.map((o) => o.id),
    );
    await handle.close();

    // ——— The database goes away. ———
    stopCluster();
    traffic.phase("outage");
    const t0 = performance.now();
    const down = await health();
    step("health answers 503 while the database is down", down.status === 503, {
      status: down.status,
      body: JSON.parse(down.body),
      ms: Math.round(performance.now() - t0),
    });

    // A search nobody made before, so no cached result can answer it. The health check above saw the database down,
    // so the proxy answers pages 503 (db/availability) with a page of its own: look at it as a browser shows it.
    const pagePath = `/browse?sort=newest&minPrice=${1 + Math.floor(Math.random() * 5000)}`;
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
    try {
      const tab = await browser.newPage();
      const t1 = performance.now();
      const response = await tab.goto(`${server.url}${pagePath}`);
      const ms = Math.round(performance.now() - t1);
      const requestId = (await response?.headerValue("x-request-id")) ?? "";
      const heading = tab.getByRole("heading", { name: UNAVAILABLE_HEADING });
      const shown = await heading.waitFor({ timeout: 15_000 }).then(
        () => true,
        () => false,
      );
      const text = shown ? await tab.locator("main").innerText() : "";
      const retryAfter = (await response?.headerValue("retry-after")) ?? null;
      step(
        "a page answers 503 with a friendly page, its request id and Retry-After",
        response?.status() === 503 && shown && requestId !== "" && text.includes(`Request id: ${requestId}`) && retryAfter !== null,
        {
          status: response?.status(),
          ms,
          x_request_id: requestId,
          friendly_heading: shown,
          request_id_shown: requestId !== "" && text.includes(requestId),
          retry_after: retryAfter,
        },
      );
      // "Try again" while the database is still down: the same page again, not a broken one.
      await tab.getByRole("link", { name: "Try again" }).click();
      await heading.waitFor({ timeout: 15_000 });
      step("its Try again link leads to the same page", new URL(tab.url()).pathname === "/browse", { url: tab.url().replace(server.url, "") });
    } finally {
      await browser.close();
    }

    const deliveries = orders.map((o) => signed(JSON.stringify(localEvent("checkout.session.completed", checkoutSessionObject(o, "paid")))));
    const duringOutage = await Promise.all(deliveries.map((d) => deliver(server!, d)));
    step(
      "signed webhooks answer 5xx so Stripe retries",
      duringOutage.every((r) => r.status >= 500),
      { statuses: duringOutage.map((r) => r.status) },
    );

    const cron = await fetch(`${server.url}/api/cron/settle`, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
    step("the settle cron answers 503", cron.status === 503, { status: cron.status, body: await cron.text() });

    // ——— The database comes back; the app is not restarted. ———
    startCluster();
    traffic.phase("recovery");
    const restarted = performance.now();
    let recoveredAfter: number | null = null;
    while ((performance.now() - restarted) / 1000 < RECOVER_WITHIN_S) {
      if ((await health()).status === 200) {
        recoveredAfter = Math.round((performance.now() - restarted) / 100) / 10;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    step("health is 200 again without a restart", recoveredAfter !== null, { seconds: recoveredAfter, within: RECOVER_WITHIN_S });
    traffic.phase("after");

    const check = await openDatabase({ url: DATABASE_URL, poolMax: 2 });
    try {
      const afterOutage = await counts(
        check.db,
        orders.map((o) => o.id),
      );
      step("the outage wrote nothing (settlement runs, payouts, orders, webhook events)", JSON.stringify(afterOutage) === JSON.stringify(before), {
        before,
        after: afterOutage,
      });

      // Stripe redelivers each failed event; one is delivered twice more (a retry crossing a slow answer).
      const redelivered = await Promise.all([...deliveries, deliveries[0]].map((d) => deliver(server!, d)));
      const again = await deliver(server, deliveries[0]);
      const final = await counts(
        check.db,
        orders.map((o) => o.id),
      );
      step(
        "redelivered events are processed exactly once",
        redelivered.every((r) => r.status === 200) &&
          again.status === 200 &&
          final.paid === orders.length &&
          final.sale_journals === orders.length &&
          final.events === before.events + orders.length,
        {
          statuses: [...redelivered.map((r) => r.status), again.status],
          orders_paid: final.paid,
          sale_journals: final.sale_journals,
          webhook_events_recorded: final.events - before.events,
          expected: orders.length,
        },
      );
    } finally {
      await check.close();
    }
    const tally = await traffic.stop();
    step(
      "light load by phase (status → answers)",
      (tally.after?.["200"] ?? 0) > 0 && !Object.keys(tally.after ?? {}).some((s) => Number(s) >= 500 || s === "0"),
      { tally },
    );
  } finally {
    await server?.stop();
    await handle.close().catch(() => {});
    try {
      stopCluster();
    } catch {
      // already stopped
    }
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ drill: "outage", failures, ok: failures === 0 }));
  if (failures > 0) process.exitCode = 1;
}

runMain(main);
