// POST /api/webhooks/stripe refuses an oversized body while reading it (413), before any signature work.
import { describe, expect, it } from "vitest";
import { POST as webhook } from "./route";
import { countingStream, postToWebhook as post } from "@/lib/security/testing/streams";

describe("POST /api/webhooks/stripe body limit", () => {
  it("answers 413 with the JSON error shape for a chunked body over 1 MB, before any signature work", async () => {
    const { body, state } = countingStream(2000, 1024);
    const response = await webhook(post(body, { "stripe-signature": "t=1,v1=abc" }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "request.too_large", message: expect.stringContaining("1 MB") });
    expect(state.pulled).toBeLessThan(1100);
  });
});
