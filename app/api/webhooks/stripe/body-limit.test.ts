// POST /api/webhooks/stripe refuses an oversized body while reading it (413), before any signature work.
import { describe, expect, it } from "vitest";
import { POST as webhook } from "./route";

/** A chunked body of `chunks` × `size` bytes that records how many chunks were pulled from it. */
function countingStream(chunks: number, size: number) {
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= chunks) return controller.close();
        state.pulled += 1;
        controller.enqueue(new Uint8Array(size));
      },
    },
    { highWaterMark: 0 },
  );
  return { body, state };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://test.local/api/webhooks/stripe", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("POST /api/webhooks/stripe body limit", () => {
  it("answers 413 with the JSON error shape for a chunked body over 1 MB, before any signature work", async () => {
    const { body, state } = countingStream(2000, 1024);
    const response = await webhook(post(body, { "stripe-signature": "t=1,v1=abc" }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "request.too_large", message: expect.stringContaining("1 MB") });
    expect(state.pulled).toBeLessThan(1100);
  });
});
