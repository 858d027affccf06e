// `npm start`'s production server (scripts/start.sh runs it): Next's own request handler, as `next start` serves it,
// behind an admission queue (admission.mjs) so that an overloaded instance answers in arrival order instead of
// working on every request at once. Vercel does not run this file: there each function instance takes its own requests.
// Arguments as `next start` takes them: -p/--port, -H/--hostname, --keepAliveTimeout (ms). Settings (README,
// "Environment"): SERVER_WORKERS (server processes sharing the port, workers.mjs), SERVER_MAX_ACTIVE_REQUESTS and
// SERVER_MAX_QUEUED_REQUESTS (per process).
import cluster from "node:cluster";
import http from "node:http";
import { createNodeLog } from "../../lib/observability/node-log.mjs";
import { createAdmission, DEFAULT_MAX_ACTIVE, DEFAULT_MAX_QUEUED } from "./admission.mjs";
import { bypassesQueue, pathOf, refuse } from "./answers.mjs";
import { runPrimary } from "./workers.mjs";

const log = createNodeLog();

/** `name`'s value from the arguments (`-p 3000`, `--port=3000`), else undefined. */
function argument(args, ...names) {
  for (const [i, arg] of args.entries()) {
    for (const name of names) {
      if (arg === name) return args[i + 1];
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    }
  }
  return undefined;
}

/** A whole number setting from the environment within [min, max], or the default; anything else stops the server. */
function setting(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    log.fatal({ event: "server.bad_setting", setting: name }, `${name} must be a whole number from ${min} to ${max} (it is "${raw}")`);
    process.exit(1);
  }
  return value;
}

async function main() {
  const workers = setting("SERVER_WORKERS", 1, 1, 64);
  if (workers > 1 && cluster.isPrimary) {
    // The embedded database lives inside one process: several would each open (and fight over) its files.
    if (!process.env.DATABASE_URL) {
      log.fatal(
        { event: "server.bad_setting", setting: "SERVER_WORKERS" },
        "SERVER_WORKERS above 1 needs DATABASE_URL: the embedded database serves one process",
      );
      process.exit(1);
    }
    runPrimary({ count: workers, log });
    return;
  }
  const args = process.argv.slice(2);
  const port = Number(argument(args, "-p", "--port") ?? process.env.PORT ?? 3000);
  const hostname = argument(args, "-H", "--hostname");
  const keepAliveTimeout = argument(args, "--keepAliveTimeout");
  const maxActive = setting("SERVER_MAX_ACTIVE_REQUESTS", DEFAULT_MAX_ACTIVE, 1, 1024);
  const maxQueued = setting("SERVER_MAX_QUEUED_REQUESTS", DEFAULT_MAX_QUEUED, 0, 1_000_000);
  process.title = "next-server (agora)";

  // As `next start` does before loading Next: production unless told otherwise (Next's own modules and React pick
  // their production builds from it at load time, hence the late import).
  process.env.NODE_ENV ||= "production";
  process.env.NEXT_RUNTIME = "nodejs";
  if (process.env.NODE_ENV !== "production") log.warn({ event: "server.not_production", nodeEnv: process.env.NODE_ENV }, "NODE_ENV is not production");
  const { default: next } = await import("next");
  const app = next({ dev: false, hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const admission = createAdmission({ maxActive, maxQueued, bypass: bypassesQueue });
  // Read by /api/metrics (lib/observability/metrics.ts): the app's modules run in this process.
  globalThis.__agoraAdmission = admission.stats;

  const serve = async (req, res) => {
    try {
      await handle(req, res);
    } catch (err) {
      log.error({ event: "server.request_failed", err, path: pathOf(req.url) }, "the request could not be handled");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      } else {
        res.destroy();
      }
    }
  };
  const server = http.createServer((req, res) => {
    if (!admission.admit(req, res, () => void serve(req, res))) refuse(req, res);
  });
  if (keepAliveTimeout) server.keepAliveTimeout = Number(keepAliveTimeout);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  log.info({ event: "server.ready", port, maxActive, maxQueued }, `ready on port ${port}`);

  // Stop taking connections, let the requests in hand (and those waiting) finish, then close Next; at most 10 s.
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    log.info({ event: "server.stopping", signal }, "stopping");
    setTimeout(() => process.exit(0), 10_000).unref();
    server.close(() => {
      app.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((err) => {
  log.fatal({ event: "server.start_failed", err }, "the server could not start");
  process.exit(1);
});
