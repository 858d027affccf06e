// /api/metrics when `npm start` runs several server processes (SERVER_WORKERS, scripts/server/workers.mjs): a scrape
// reaches one of them, which asks the primary for every process's registry and adds them up (prom-client's
// AggregatorRegistry: counters and histograms summed, the queue's gauges too), so the counts are the whole server's.
// A single process (SERVER_WORKERS=1, `next dev`, Vercel) answers with its own registry.
import "server-only";
import cluster from "node:cluster";
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from "prom-client";
import { METRICS_MESSAGES } from "./cluster-messages.mjs";
import { metrics } from "./metrics";

type Part = MetricObjectWithValues<MetricValue<string>>[];
type Message = { type?: unknown; id?: unknown; parts?: unknown };

/** How long a scrape waits for the primary's answer before showing this process's figures alone. */
const ANSWER_MS = 3_000;

const g = globalThis as typeof globalThis & { __agoraClusterMetrics?: { next: number; waiting: Map<number, (parts: Part[]) => void> } };

const inWorker = () => cluster.isWorker && typeof process.send === "function";

function state() {
  if (!g.__agoraClusterMetrics) {
    const created = { next: 0, waiting: new Map<number, (parts: Part[]) => void>() };
    g.__agoraClusterMetrics = created;
    process.on("message", (message: Message) => {
      if (!message || typeof message !== "object") return;
      if (message.type === METRICS_MESSAGES.collect) {
        // The primary collects every process's figures for a scrape that reached one of them.
        void metrics()
          .registry.getMetricsAsJSON()
          .catch(() => [])
          .then((own) => process.send?.({ type: METRICS_MESSAGES.part, id: message.id, metrics: own }));
      } else if (message.type === METRICS_MESSAGES.parts && typeof message.id === "number") {
        created.waiting.get(message.id)?.(Array.isArray(message.parts) ? (message.parts as Part[]) : []);
      }
    });
  }
  return g.__agoraClusterMetrics;
}

/** In a server process of several: answer the primary's collections from now on (instrumentation, at start). */
export function answerClusterScrapes() {
  if (inWorker()) state();
}

/** The Prometheus text of this server's process figures: every process's added up when there are several. */
export async function processMetricsText(): Promise<string> {
  const own = metrics().registry;
  if (!inWorker()) return own.metrics();
  const { next, waiting } = state();
  const id = (g.__agoraClusterMetrics!.next = next + 1);
  const parts = await new Promise<Part[] | null>((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve(null);
    }, ANSWER_MS);
    waiting.set(id, (answer) => {
      clearTimeout(timer);
      waiting.delete(id);
      resolve(answer);
    });
    process.send?.({ type: METRICS_MESSAGES.request, id });
  });
  // No answer in time (the primary busy or gone): this process's own figures rather than none.
  if (!parts || parts.length === 0) return own.metrics();
  return AggregatorRegistry.aggregate(parts).metrics();
}
