// One settlement call in a process of its own (the settlement bench measures its time and peak RSS).
import { getDb, closeDatabase } from "@/db/client";
import { createLocalDriver } from "@/lib/payments/local-driver";
import { settlePeriod } from "@/lib/settlement/settle";
import { runMain } from "../support/main";

async function main() {
  const now = new Date(process.env.BENCH_NOW ?? Date.now());
  const db = await getDb();
  const driver = createLocalDriver({ clock: () => now, db: async () => db });
  const started = performance.now();
  const summary = await settlePeriod(db, driver, { period: process.env.BENCH_PERIOD, now });
  const seconds = (performance.now() - started) / 1000;
  await closeDatabase();
  console.log(
    JSON.stringify({
      seconds: Number(seconds.toFixed(2)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      status: summary.status,
      call: summary.call,
      run: summary.run,
    }),
  );
}

runMain(main);
