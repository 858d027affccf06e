// /api/metrics in one of several server processes (SERVER_WORKERS): the scrape adds up every process's figures, which
// the primary collects (scripts/server/workers.mjs; workers.test.ts runs that relay across real processes). Here the
// process's side: what it asks and answers over the cluster's IPC, and the sum it serves.
import cluster from "node:cluster";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { METRICS_MESSAGES } from "./cluster-messages.mjs";
import { answerClusterScrapes, processMetricsText } from "./cluster-metrics";
import { metrics } from "./metrics";

type Sent = { type: string; id: unknown; metrics?: { name: string; values: { value: number; labels: Record<string, string> }[] }[] };
let sent: Sent[] = [];
const realSend = process.send;
const wasWorker = cluster.isWorker;

/** The value of `agora_http_requests_total` for the search route in Prometheus text, or null. */
function searchRequests(text: string): number | null {
  const line = text.split("\n").find((l) => l.startsWith("agora_http_requests_total{") && l.includes('route="bench-search"'));
  return line ? Number(line.split(" ").at(-1)) : null;
}

beforeEach(() => {
  sent = [];
  metrics().httpRequests.reset();
  (cluster as { isWorker: boolean }).isWorker = true;
  process.send = ((message: Sent) => {
    sent.push(message);
    return true;
  }) as typeof process.send;
});

afterEach(() => {
  (cluster as { isWorker: boolean }).isWorker = wasWorker;
  process.send = realSend;
  vi.useRealTimers();
});

describe("metrics across several server processes", () => {
  it("answers the primary's collection with this process's own figures", async () => {
    answerClusterScrapes();
    metrics().httpRequests.inc({ route: "bench-search", method: "GET", status: "200" }, 3);
    process.emit("message", { type: METRICS_MESSAGES.collect, id: 41 }, undefined);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].type).toBe(METRICS_MESSAGES.part);
    expect(sent[0].id).toBe(41);
    const counter = sent[0].metrics!.find((m) => m.name === "agora_http_requests_total")!;
    expect(counter.values).toEqual([expect.objectContaining({ value: 3, labels: expect.objectContaining({ route: "bench-search", status: "200" }) })]);
  });

  it("serves the sum of every process's counters, asked of the primary", async () => {
    metrics().httpRequests.inc({ route: "bench-search", method: "GET", status: "200" }, 3);
    const own = await metrics().registry.getMetricsAsJSON();
    const other = structuredClone(own).map((metric) =>
      metric.name === "agora_http_requests_total" ? { ...metric, values: metric.values.map((v) => ({ ...v, value: 5 })) } : metric,
    );
    const text = processMetricsText();
    await vi.waitFor(() => expect(sent.some((m) => m.type === METRICS_MESSAGES.request)).toBe(true));
    const request = sent.find((m) => m.type === METRICS_MESSAGES.request)!;
    process.emit("message", { type: METRICS_MESSAGES.parts, id: request.id, parts: [own, other] }, undefined);
    expect(searchRequests(await text)).toBe(8);
  });

  it("serves this process's own figures when the primary does not answer in time", async () => {
    vi.useFakeTimers();
    metrics().httpRequests.inc({ route: "bench-search", method: "GET", status: "200" }, 3);
    const text = processMetricsText();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(searchRequests(await text)).toBe(3);
  });

  it("in a single process asks no one", async () => {
    (cluster as { isWorker: boolean }).isWorker = false;
    metrics().httpRequests.inc({ route: "bench-search", method: "GET", status: "200" }, 2);
    expect(searchRequests(await processMetricsText())).toBe(2);
    expect(sent).toEqual([]);
  });
});
