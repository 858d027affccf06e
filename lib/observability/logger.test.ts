// Log lines are JSON with the request id; secrets and personal data never reach them.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, runWithRequestContext } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  process.env.LOG_LEVEL = "info";
  const logger = createLogger(stream);
  delete process.env.LOG_LEVEL;
  return { logger, lines };
}

describe("the logger", () => {
  it("writes one JSON object per line with level, time, message and the request id of the request being served", () => {
    const { logger, lines } = capture();
    runWithRequestContext({ requestId: "req-12345678", route: "health" }, () => logger.info({ event: "health.checked" }, "checked"));
    expect(lines[0]).toMatchObject({ level: "info", message: "checked", event: "health.checked", requestId: "req-12345678", service: "agora" });
    expect(typeof lines[0].time).toBe("string");
  });

  it("redacts credentials, tokens, card fields and personal data at the top and nested levels", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        authorization: "Bearer agora_secret",
        email: "ann@example.com",
        password: "hunter2",
        headers: { cookie: "authjs.session-token=abc", "stripe-signature": "t=1,v1=x", "x-request-id": "keep-me-1" },
        user: { email: "bob@example.com", id: "u1" },
        input: { token: "t", card: { number: "4242" }, cvc: "123" },
        payment: { card: "4242424242424242" },
      },
      "sensitive",
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of ["agora_secret", "ann@example.com", "hunter2", "session-token=abc", "v1=x", "bob@example.com", "4242", '"123"']) {
      expect(line, secret).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ headers: { "x-request-id": "keep-me-1" }, user: { id: "u1" } });
  });

  it("scrubs email addresses out of error messages and stacks (database errors quote the values they refused)", () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error("duplicate key value violates unique constraint: Key (email)=(carol@example.com) already exists") }, "insert failed");
    const err = lines[0].err as { message: string; stack: string; type: string };
    expect(err.message).toContain("[email]");
    expect(JSON.stringify(lines[0])).not.toContain("carol@example.com");
    expect(err.type).toBe("Error");
  });
});
