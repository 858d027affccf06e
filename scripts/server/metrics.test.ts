// The admission queue's figures in the Prometheus text /api/metrics serves (lib/observability/metrics.ts reads the
// queue the production server publishes on globalThis).
import { afterEach, describe, expect, it } from "vitest";
import { metrics } from "@/lib/observability/metrics";
import { createAdmission } from "./admission.mjs";

const g = globalThis as typeof globalThis & { __agoraAdmission?: unknown };
const scrape = () => metrics().registry.metrics();

/** The value of one sample line (`name{labels…} value`) whose labels include every `match`, or null. */
function sample(text: string, name: string, match: Record<string, string>): number | null {
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && Object.entries(match).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.split(" ").at(-1)) : null;
}

afterEach(() => {
  delete g.__agoraAdmission;
});

describe("admission queue metrics", () => {
  it("has no series where no queue is published (next dev, Vercel)", async () => {
    const text = await scrape();
    expect(sample(text, "agora_server_requests", { state: "active" })).toBeNull();
    expect(sample(text, "agora_server_queue_outcomes_total", { outcome: "admitted" })).toBeNull();
  });

  it("shows requests served and waiting, and the queue's totals by outcome, as the queue counts them", async () => {
    const admission = createAdmission({ maxActive: 1, maxQueued: 1 });
    g.__agoraAdmission = admission.stats;
    Object.assign(admission.stats, { active: 1, queued: 1, admitted: 7, refused: 2, abandoned: 1, released: 3 });
    const text = await scrape();
    expect(sample(text, "agora_server_requests", { state: "active" })).toBe(1);
    expect(sample(text, "agora_server_requests", { state: "queued" })).toBe(1);
    expect(sample(text, "agora_server_queue_outcomes_total", { outcome: "admitted" })).toBe(7);
    expect(sample(text, "agora_server_queue_outcomes_total", { outcome: "refused" })).toBe(2);
    expect(sample(text, "agora_server_queue_outcomes_total", { outcome: "abandoned" })).toBe(1);
    expect(sample(text, "agora_server_queue_outcomes_total", { outcome: "released" })).toBe(3);
    // A second scrape shows the same totals, not added again.
    expect(sample(await scrape(), "agora_server_queue_outcomes_total", { outcome: "admitted" })).toBe(7);
  });
});
