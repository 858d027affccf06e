// Oversized bodies are refused before they are read (Content-Length) or as soon as they pass the limit (chunked).
import { afterEach, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { bodyReadTimeouts, readLimitedBody } from "./body-limit";
import { brokenStream, countingStream, postToWebhook as post } from "./testing/streams";

describe("readLimitedBody", () => {
  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    const { body, state } = countingStream(100, 1024);
    const error = await readLimitedBody(post(body, { "content-length": String(100 * 1024) }), 10 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("request.too_large");
    expect((error as DomainError).status).toBe(413);
    expect(state.pulled).toBe(0);
  });

  it("stops a chunked body as soon as it passes the limit, leaving the rest unread", async () => {
    const { body, state } = countingStream(1000, 1024);
    const error = await readLimitedBody(post(body), 10 * 1024).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe("request.too_large");
    expect(state.pulled).toBeLessThanOrEqual(12);
  });

  it("returns a body within the limit whole", async () => {
    const { body } = countingStream(3, 1000);
    expect((await readLimitedBody(post(body), 10 * 1024)).byteLength).toBe(3000);
  });

  describe("a body that stops arriving", () => {
    const idle = bodyReadTimeouts.idleMs;
    afterEach(() => {
      bodyReadTimeouts.idleMs = idle;
    });

    it("gives up on a body that trickles then stalls: 408 request.stalled after the idle timeout, and cancels it", async () => {
      bodyReadTimeouts.idleMs = 100;
      const { body, state } = brokenStream(3, 512, "stall");
      const started = performance.now();
      const error = await readLimitedBody(post(body), 10 * 1024).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "request.stalled", status: 408 });
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(state.pulled).toBe(3);
      expect(state.cancelled).toBe(true);
    });

    it("answers a body that breaks off with 400 request.incomplete, not the stream's own error", async () => {
      const { body } = brokenStream(2, 512, "error");
      const error = await readLimitedBody(post(body), 10 * 1024).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "request.incomplete", status: 400 });
    });
  });
});
