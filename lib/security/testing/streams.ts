// Request bodies for size-limit tests: chunked streams that count what was read, and a POST carrying one.

/** A chunked body of `chunks` × `size` bytes that records how many chunks were pulled from it. */
export function countingStream(chunks: number, size: number) {
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

/** A POST to the Stripe webhook's address with `body` streamed. */
export const postToWebhook = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://test.local/api/webhooks/stripe", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/**
 * A body that trickles `chunks` × `size` bytes and then either stalls (sends nothing more, never ends) or breaks off
 * with an error, as a client whose connection hangs or drops mid-upload.
 */
export function brokenStream(chunks: number, size: number, ending: "stall" | "error") {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled < chunks) {
          state.pulled += 1;
          controller.enqueue(new Uint8Array(size).fill(0x41));
          return;
        }
        if (ending === "error") return controller.error(new TypeError("terminated: other side closed"));
        return new Promise<void>(() => {});
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, state };
}
