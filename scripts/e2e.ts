// `npm run test:e2e`: a production build on a free port with its own freshly seeded database, then Playwright.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { seedE2eFixtures } from "@/e2e/fixtures";
import { seedDatabase } from "@/scripts/seed/seed";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited early with code ${server.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not become healthy at ${url} within ${timeoutMs / 1000}s`);
}

async function main() {
  const root = process.cwd();
  const adminUrl = process.env.DATABASE_URL;
  const dbName = `agora_e2e_${Date.now().toString(36)}`;
  let databaseUrl: string | undefined;
  let pgliteDir: string | undefined;
  if (adminUrl) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${dbName}"`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  } else {
    pgliteDir = mkdtempSync(path.join(tmpdir(), "agora-e2e-"));
  }

  const handle = await openDatabase({ url: databaseUrl, pgliteDir });
  await handle.migrate();
  await seedDatabase(handle.db, { listings: 80, log: () => {} });
  await seedE2eFixtures(handle.db);
  await handle.close();

  if (process.env.E2E_SKIP_BUILD !== "1" || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: baseUrl,
    AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
    AUTH_URL: baseUrl,
    DATABASE_URL: databaseUrl ?? "",
    PGLITE_DIR: pgliteDir ?? "",
    STRIPE_SECRET_KEY: "",
    CRON_SECRET: "e2e-cron-secret",
  };
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { env: serverEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  server.stdout?.on("data", (d: Buffer) => process.env.E2E_VERBOSE && process.stdout.write(d));
  server.stderr?.on("data", (d: Buffer) => process.stderr.write(d));

  let status = 1;
  try {
    await waitForHealth(baseUrl, server);
    const args = ["playwright", "test", ...process.argv.slice(2)];
    const run = spawnSync("npx", args, { stdio: "inherit", env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_DATABASE_URL: databaseUrl ?? "" } });
    status = run.status ?? 1;
  } finally {
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
    if (adminUrl) {
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => {});
      await admin.end();
    }
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  }
  process.exit(status);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
