// workers.mjs's primary as `npm start` runs it, over stand-in workers (for workers.test.ts): tiny HTTP servers without
// Next that answer their pid, die on /die, and take part in the metrics relay as a server process does
// (lib/observability/cluster-metrics.ts): /parts asks the primary for every worker's part and answers what came back.
// Settings: HARNESS_PORT, HARNESS_WORKERS, HARNESS_FAIL_START=1 (a worker that exits before it listens).
import cluster from "node:cluster";
import http from "node:http";
import { METRICS_MESSAGES } from "../../../lib/observability/cluster-messages.mjs";
import { createNodeLog } from "../../../lib/observability/node-log.mjs";
import { runPrimary } from "../workers.mjs";

if (cluster.isPrimary) {
  runPrimary({ count: Number(process.env.HARNESS_WORKERS), log: createNodeLog() });
} else if (process.env.HARNESS_FAIL_START === "1") {
  process.exit(3);
} else {
  const waiting = new Map();
  let next = 0;
  process.on("message", (message) => {
    if (message?.type === METRICS_MESSAGES.collect) {
      process.send({ type: METRICS_MESSAGES.part, id: message.id, metrics: [{ pid: process.pid }] });
    } else if (message?.type === METRICS_MESSAGES.parts) {
      waiting.get(message.id)?.(message.parts);
    }
  });
  const server = http.createServer((req, res) => {
    if (req.url === "/die") process.exit(1);
    if (req.url === "/parts") {
      const id = ++next;
      waiting.set(id, (parts) => res.end(JSON.stringify({ pid: process.pid, parts })));
      process.send({ type: METRICS_MESSAGES.request, id });
      return;
    }
    res.end(String(process.pid));
  });
  server.listen(Number(process.env.HARNESS_PORT), "127.0.0.1");
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
