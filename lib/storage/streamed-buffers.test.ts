import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { collector, COLLECT_EVERY_BYTES, streamedBufferReleaser } from "./streamed-buffers";

describe("streamed buffer releaser", () => {
  it("asks for a young-generation collection once per COLLECT_EVERY_BYTES streamed, whatever the chunk sizes", () => {
    const calls: unknown[] = [];
    const release = streamedBufferReleaser((options) => calls.push(options));
    const chunk = 64 * 1024;
    for (let streamed = 0; streamed < 5 * COLLECT_EVERY_BYTES; streamed += chunk) release(chunk);
    expect(calls).toEqual(Array.from({ length: 5 }, () => ({ type: "minor" })));
    // One chunk larger than the interval is one collection, not several.
    release(3 * COLLECT_EVERY_BYTES);
    expect(calls).toHaveLength(6);
  });

  it("keeps the network buffers of a long stream from piling up: 64 MB hashed in fresh 64 KB reads holds a few MB at most", async () => {
    expect(collector()).toBeTypeOf("function");
    const release = streamedBufferReleaser();
    const hash = createHash("sha256");
    // Growth over what the test runner already holds.
    const start = process.memoryUsage().arrayBuffers;
    let peak = start;
    for (let i = 0; i < 1024; i++) {
      // What a socket read hands over: a fresh buffer of its own, dropped once hashed.
      const chunk = Buffer.allocUnsafeSlow(64 * 1024);
      hash.update(chunk);
      release(chunk.byteLength);
      if (i % 32 === 0) await new Promise((r) => setImmediate(r));
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }
    hash.digest();
    // Without the collections V8 lets ~32–64 MB of them wait for its external-memory trigger.
    expect(peak - start).toBeLessThan(4 * COLLECT_EVERY_BYTES);
  });
});
