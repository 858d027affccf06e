// `npm start` with SERVER_WORKERS above 1: this process (the primary) forks that many server processes, which share
// the port (node:cluster; each takes connections from the shared socket itself, below), so one machine's cores all
// serve requests. The primary serves nothing itself. It
// - starts a worker again when one dies, at most MAX_RESTARTS times in RESTART_WINDOW_MS, and stops the whole server
//   when one could not start at all (a bad setting stops a single server too) rather than starting it again and again;
// - on SIGTERM/SIGINT asks every worker to stop (each finishes what it holds, as a single server does) and exits when
//   they have, at most STOP_MS later;
// - relays /api/metrics: the worker a scrape reaches asks for every worker's process figures and adds them up
//   (lib/observability/cluster-metrics.ts), so a scrape counts the whole server, not the one worker it reached.
import cluster from "node:cluster";
import { METRICS_MESSAGES as MESSAGES } from "../../lib/observability/cluster-messages.mjs";

export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 60_000;
export const STOP_MS = 12_000;
/** How long the primary waits for the workers' figures before answering with those it has. */
export const COLLECT_MS = 2_000;

/**
 * Runs the primary: forks `count` workers (each runs index.mjs's server) and looks after them until stopped.
 * `log` is the server's pino logger.
 */
export function runPrimary({ count, log }) {
  process.title = "next-server (agora primary)";
  // The workers take connections from the shared socket themselves. Node's default on Linux (the primary accepts and
  // hands each connection to the workers in turn) left connections waiting in the primary while the workers were busy:
  // at the start of the load tool's run (1,000 connections), 350 were still there after 5 s, and their requests, sent
  // late into the queues, timed out (163-233 of them, where one process had none). Taking them directly, 541 and 541.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  let stopping = false;
  let exitCode = 0;
  const exits = [];
  let nextCollect = 0;
  /** Pending collections by id: who asked, what came back, how many answers are awaited. */
  const collections = new Map();

  const finish = (id) => {
    const collection = collections.get(id);
    if (!collection) return;
    collections.delete(id);
    clearTimeout(collection.timer);
    if (collection.asker.isConnected()) {
      collection.asker.send({ type: MESSAGES.parts, id: collection.askerId, parts: collection.parts });
    }
  };

  const onMessage = (worker, message) => {
    if (!message || typeof message !== "object") return;
    if (message.type === MESSAGES.request) {
      const id = nextCollect++;
      const live = Object.values(cluster.workers ?? {}).filter((w) => w?.isConnected());
      collections.set(id, {
        asker: worker,
        askerId: message.id,
        parts: [],
        waiting: new Set(live.map((w) => w.id)),
        timer: setTimeout(() => finish(id), COLLECT_MS),
      });
      for (const w of live) w.send({ type: MESSAGES.collect, id });
      if (live.length === 0) finish(id);
    } else if (message.type === MESSAGES.part) {
      const collection = collections.get(message.id);
      if (!collection || !collection.waiting.delete(worker.id)) return;
      if (Array.isArray(message.metrics)) collection.parts.push(message.metrics);
      if (collection.waiting.size === 0) finish(message.id);
    }
  };

  const listening = new Set();
  cluster.on("listening", (worker) => listening.add(worker.id));

  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (message) => onMessage(worker, message));
  };

  cluster.on("exit", (worker, code, signal) => {
    // A collection waiting on the dead worker answers with the others' figures.
    for (const [id, collection] of collections) {
      if (collection.waiting.delete(worker.id) && collection.waiting.size === 0) finish(id);
    }
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    // One that never started listening could not start (a bad setting, the database's schema): as a single server
    // does then, the whole server stops.
    if (!listening.has(worker.id)) {
      log.fatal({ event: "server.worker_start_failed", pid: worker.process.pid, code, signal }, "a server process could not start; stopping");
      stop("worker_start_failed", 1);
      return;
    }
    listening.delete(worker.id);
    const now = Date.now();
    exits.push(now);
    while (exits.length && exits[0] < now - RESTART_WINDOW_MS) exits.shift();
    if (exits.length > MAX_RESTARTS) {
      log.fatal(
        { event: "server.workers_failing", exits: exits.length, windowMs: RESTART_WINDOW_MS },
        `server processes died ${exits.length} times in a minute; stopping`,
      );
      stop("workers_failing", 1);
      return;
    }
    log.error({ event: "server.worker_exited", pid: worker.process.pid, code, signal }, "a server process died; starting another");
    fork();
  });

  const stop = (reason, code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    log.info({ event: "server.stopping", signal: reason }, "stopping every server process");
    setTimeout(() => process.exit(exitCode), STOP_MS).unref();
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker?.process.kill("SIGTERM");
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  log.info({ event: "server.primary_ready", workers: count }, `starting ${count} server processes`);
  for (let i = 0; i < count; i++) fork();
}
