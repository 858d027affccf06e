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

  it("reaches V8's collector in this runtime, and collecting frees an unreferenced buffer", async () => {
    const collect = collector();
    expect(collect).toBeTypeOf("function");
    let freed = false;
    const registry = new FinalizationRegistry(() => (freed = true));
    (() => registry.register(Buffer.alloc(COLLECT_EVERY_BYTES), "buffer"))();
    for (let i = 0; i < 10 && !freed; i++) {
      collect?.({ type: i < 5 ? "minor" : "major" });
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(freed).toBe(true);
  });
});
