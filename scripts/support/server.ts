// Starting the production server (`npm start`: scripts/start.sh, scripts/server) for journeys and benchmarks: a free
// port, a production build, a health wait.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { startSmtpSink, type ReceivedMail } from "@/lib/email/testing/smtp-sink";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Builds once unless a build exists and reuse is allowed (E2E_SKIP_BUILD=1 or `reuse`). */
export function ensureBuild(opts: { reuse?: boolean } = {}) {
  const built = existsSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"));
  if (built && (opts.reuse || process.env.E2E_SKIP_BUILD === "1")) return;
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) throw new Error("next build failed");
}

/**
 * Empties Next's data cache (unstable_cache: listing pages, storefronts). It outlives the build and the last run's
 * database: journeys would meet cached pages naming another database's rows, and a benchmark's "unique" requests would
 * be answered from the last run's entries.
 */
export function clearDataCache(distDir = process.env.NEXT_DIST_DIR || ".next"): void {
  rmSync(path.join(process.cwd(), distDir, "cache", "fetch-cache"), { recursive: true, force: true });
}

export type RunningServer = { url: string; process: ChildProcess; stop: () => Promise<void>; mails: () => ReceivedMail[] };

export async function startNextServer(env: Record<string, string>, opts: { quiet?: boolean } = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Production needs a mail server: a local SMTP sink takes the mail (the outbox keeps what was sent).
  const smtp = await startSmtpSink();
  // As `npm start` runs it (scripts/start.sh: the server's memory settings).
  const child = spawn("bash", [path.join(process.cwd(), "scripts/start.sh"), "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      PORT: String(port),
      APP_URL: url,
      AUTH_URL: url,
      AUTH_SECRET: "test-auth-secret-0123456789abcdef0123456789",
      STRIPE_SECRET_KEY: "",
      // A production server on purpose without Stripe or (with PGlite) a database server: say so (DESIGN.md §9).
      PAYMENTS_DRIVER: "local",
      AGORA_DEMO: "1",
      SMTP_URL: smtp.url,
      EMAIL_FROM: "Agora <no-reply@agora.test>",
      ...env,
      NODE_ENV: "production",
    } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (d: Buffer) => (opts.quiet ? undefined : process.env.E2E_VERBOSE && process.stdout.write(d)));
  child.stderr?.on("data", (d: Buffer) => process.stderr.write(d));
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 800));
    }
    await smtp.stop();
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, process: child, stop, mails: () => smtp.mails };
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited early with code ${server.exitCode}`);
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
