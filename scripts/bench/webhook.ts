// Webhook ingest: 2,000 distinct signed checkout.session.completed events at 32 concurrent requests
// against `next start` on Postgres, then the exactly-once check (and a wave of redeliveries).
import { randomUUID } from "node:crypto";
import http from "node:http";
import { sql } from "drizzle-orm";
import Stripe from "stripe";
import { openDatabase, queryRows } from "@/db/client";
import { creatorProfiles, listings, listingVersions, orders, users } from "@/db/schema";
import { ledgerInvariantViolations } from "@/lib/ledger/invariants";
import { splitPrice } from "@/lib/orders/pricing";
import { checkoutSessionObject, localEvent } from "@/lib/payments/local-events";
import { createScratchDatabase, DEFAULT_ADMIN_URL, loadLoop, percentile } from "../support/database";
import { ensureBuild, startNextServer } from "../support/server";
import { runMain } from "../support/main";

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 2000);
// Sales spread over this many listings (1 = every sale hits the same listing row, the worst case).
const LISTINGS = Math.max(1, Number(process.env.BENCH_WEBHOOK_LISTINGS ?? 100));
const CONCURRENCY = 32;
const SECRET = "whsec_bench_webhook_secret";

async function main() {
  const scratch = await createScratchDatabase("agora_bench_webhook", process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL);
  const handle = await openDatabase({ url: scratch.url, poolMax: 4 });
  try {
    await handle.migrate();
    const db = handle.db;
    const creatorId = randomUUID();
    await db.insert(users).values({ id: creatorId, email: "bench-creator@example.test", name: "Bench Creator" });
    await db.insert(creatorProfiles).values({ userId: creatorId, handle: "bench-creator", displayName: "Bench Creator" });
    const catalog = Array.from({ length: LISTINGS }, (_, i) => ({ listingId: randomUUID(), versionId: randomUUID(), slug: `bench-listing-${i}` }));
    await db.insert(listings).values(
      catalog.map((c) => ({
        id: c.listingId,
        creatorId,
        slug: c.slug,
        kind: "prompt" as const,
        status: "published" as const,
        title: `Bench listing ${c.slug}`,
        category: "writing",
        priceCents: 1000,
        publishedAt: new Date(),
      })),
    );
    await db
      .insert(listingVersions)
      .values(catalog.map((c) => ({ id: c.versionId, listingId: c.listingId, number: 1, content: {}, reviewStatus: "approved" as const })));
    const split = splitPrice(1000, 2000);
    const buyers = Array.from({ length: EVENTS }, (_, i) => ({ id: randomUUID(), email: `bench-buyer-${i}@example.test`, name: `Buyer ${i}` }));
    const pending = buyers.map((b, i) => {
      const { listingId, versionId } = catalog[i % LISTINGS];
      return { id: randomUUID(), buyerId: b.id, listingId, creatorId, versionId, checkoutSessionId: `cs_bench_${i.toString().padStart(6, "0")}`, ...split };
    });
    for (let i = 0; i < EVENTS; i += 1000) {
      await db.insert(users).values(buyers.slice(i, i + 1000));
      await db.insert(orders).values(pending.slice(i, i + 1000));
    }

    const bodies = pending.map((o) => JSON.stringify(localEvent("checkout.session.completed", checkoutSessionObject({ ...o, currency: "usd" }, "paid"))));
    ensureBuild({ reuse: true });
    const server = await startNextServer(
      {
        DATABASE_URL: scratch.url ?? "",
        STRIPE_WEBHOOK_SECRET: SECRET,
        PGLITE_DIR: "",
        ...(process.env.DATABASE_POOL_MAX ? { DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX } : {}),
      },
      { quiet: true },
    );
    try {
      const statuses = new Map<number, number>();
      // Keep-alive sockets and signatures made before the clock starts: signing is Stripe's work, not ours,
      // and a heavy client on this 2-core machine would measure itself instead of the server.
      const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      const signed = bodies.map((body) => ({ body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET }) }));
      const post = ({ body, signature }: { body: string; signature: string }) =>
        new Promise<void>((resolve, reject) => {
          const req = http.request(
            `${server.url}/api/webhooks/stripe`,
            {
              method: "POST",
              agent,
              headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), "Stripe-Signature": signature },
            },
            (res) => {
              statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
              res.resume();
              res.on("end", resolve);
            },
          );
          req.on("error", reject);
          req.end(body);
        });
      // Warm the route (first request compiles nothing in production, but opens the pool).
      await fetch(`${server.url}/api/health`);
      const started = performance.now();
      const latencies = await loadLoop(EVENTS, CONCURRENCY, (i) => post(signed[i]));
      const seconds = (performance.now() - started) / 1000;
      // Redeliver 10% of them: must change nothing.
      await loadLoop(Math.floor(EVENTS / 10), CONCURRENCY, (i) => post(signed[i]));
      agent.destroy();

      const [counts] = await queryRows<{ paid: number; sales: number; events: number }>(
        db,
        sql`select (select count(*)::int from orders where status = 'paid') as paid,
                   (select count(distinct journal_id)::int from ledger_entries where kind = 'sale') as sales,
                   (select count(*)::int from stripe_events) as events`,
      );
      const violations = await ledgerInvariantViolations(db);
      const exactlyOnce = counts.paid === EVENTS && counts.sales === EVENTS && counts.events === EVENTS && violations.length === 0;
      console.log(
        JSON.stringify({
          bench: "webhook_ingest",
          events: EVENTS,
          listings: LISTINGS,
          concurrency: CONCURRENCY,
          seconds: Number(seconds.toFixed(2)),
          events_per_second: Math.round(EVENTS / seconds),
          target_events_per_second: 300,
          p50_ms: Number(percentile(latencies, 50).toFixed(1)),
          p95_ms: Number(percentile(latencies, 95).toFixed(1)),
          statuses: Object.fromEntries(statuses),
          paid_orders: counts.paid,
          sale_journals: counts.sales,
          stored_events: counts.events,
          ledger_violations: violations.length,
          exactly_once: exactlyOnce,
        }),
      );
      if (!exactlyOnce) process.exitCode = 1;
    } finally {
      await server.stop();
    }
  } finally {
    await handle.close();
    await scratch.drop();
  }
}

runMain(main);
