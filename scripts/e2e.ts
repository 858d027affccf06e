// `npm run test:e2e`: a production build on a free port with its own freshly seeded database, then Playwright.
import { spawn } from "node:child_process";
import { openDatabase } from "@/db/client";
import { seedE2eFixtures } from "@/e2e/fixtures";
import { seedDatabase } from "@/lib/demo-data/seed";
import { serveTestBucket } from "@/lib/storage/testing/s3-server";
import { createScratchDatabase } from "./support/database";
import { serveMailFeed } from "./support/mail-feed";
import { clearDataCache, ensureBuild, startNextServer } from "./support/server";
import { runMain } from "./support/main";

async function main() {
  const scratch = await createScratchDatabase("agora_e2e", process.env.DATABASE_URL);
  let status = 1;
  try {
    const handle = await openDatabase({ url: scratch.url, pgliteDir: scratch.pgliteDir });
    await handle.migrate();
    await seedDatabase(handle.db, { listings: 80, log: () => {} });
    await seedE2eFixtures(handle.db);
    await handle.close();

    ensureBuild();
    // Rows with new ids in this fresh database would otherwise meet cached pages that name the old ones.
    clearDataCache();
    // Journeys run against the bucket driver: a local S3-protocol server the browser uploads to and downloads from.
    const bucket = await serveTestBucket("agora-e2e");
    const server = await startNextServer({
      DATABASE_URL: scratch.url ?? "",
      PGLITE_DIR: scratch.pgliteDir ?? "",
      CRON_SECRET: "e2e-cron-secret",
      // On Postgres the journeys run against two server processes, as a multi-core machine runs `npm start`: what one
      // process changes (a removal, a new price) must show on the other at once.
      ...(scratch.url ? { SERVER_WORKERS: "2" } : {}),
      ...bucket.env,
    });
    const mailFeed = await serveMailFeed(server.mails);
    try {
      // Not spawnSync: this process serves the journeys' SMTP sink (scripts/support/server.ts) while they run.
      const run = spawn("npx", ["playwright", "test", ...process.argv.slice(2)], {
        stdio: "inherit",
        env: { ...process.env, E2E_BASE_URL: server.url, E2E_DATABASE_URL: scratch.url ?? "", E2E_MAIL_URL: mailFeed.url },
      });
      status = await new Promise<number>((resolve) => run.on("close", (code) => resolve(code ?? 1)));
    } finally {
      await mailFeed.stop();
      await server.stop();
      await bucket.stop();
    }
  } finally {
    await scratch.drop();
  }
  process.exit(status);
}

runMain(main);
