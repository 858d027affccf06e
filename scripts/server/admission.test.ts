// The production server's admission queue over real HTTP: a server whose handler answers only when the test says so,
// and real clients (each on its own connection).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createAdmission, type Admission } from "./admission.mjs";

type Held = { path: string; res: ServerResponse };

/** A server behind `admission` whose requests wait in `held` until the test ends them (or answers at once for /fast). */
async function serverWith(options: Parameters<typeof createAdmission>[0]) {
  const admission: Admission = createAdmission(options);
  const held: Held[] = [];
  const started: string[] = [];
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const ok = admission.admit(req, res, () => {
      started.push(req.url ?? "");
      if (req.url?.startsWith("/fast") || req.url === "/health") res.end(`done ${req.url}`);
      else held.push({ path: req.url ?? "", res });
    });
    if (!ok) {
      res.writeHead(503, { "Retry-After": "5" });
      res.end("busy");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  /** One request on its own connection: its status and body once answered; `abort` hangs up before the answer. */
  const request = (path: string) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on("response", (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
    });
    return { answer, abort: () => req.destroy() };
  };
  const close = () =>
    new Promise<void>((resolve) => {
      for (const h of held) h.res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { admission, held, started, request, close };
}

const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

let current: Awaited<ReturnType<typeof serverWith>> | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

describe("admission queue", () => {
  it("serves at most maxActive requests at once and starts the waiting ones in arrival order", async () => {
    current = await serverWith({ maxActive: 2, maxQueued: 10 });
    const { held, started, request, admission } = current;
    const first = request("/a");
    const second = request("/b");
    await until(() => held.length === 2, "two requests served");
    const waiting = [];
    for (const path of ["/c", "/d", "/e"]) {
      waiting.push(request(path));
      // Each reaches the server before the next is sent, so arrival order is known.
      await until(() => admission.stats.queued === waiting.length, `${path} queued`);
    }
    expect(admission.stats).toMatchObject({ active: 2, queued: 3 });
    expect(started).toEqual(["/a", "/b"]);

    held.shift()?.res.end("a");
    expect(await first.answer).toEqual({ status: 200, body: "a" });
    await until(() => started.length === 3, "the first waiting request started");
    expect(started[2]).toBe("/c");
    held.shift()?.res.end("b");
    await until(() => started.length === 4, "the second waiting request started");
    expect(started).toEqual(["/a", "/b", "/c", "/d"]);
    expect((await second.answer).body).toBe("b");
    expect(admission.stats).toMatchObject({ active: 2, queued: 1 });

    while (held.length) held.shift()?.res.end("later");
    await until(() => held.length === 1 && started.length === 5, "the last request started");
    held.shift()?.res.end("last");
    const answers = await Promise.all(waiting.map((w) => w.answer));
    expect(answers.map((a) => a.body)).toEqual(["later", "later", "last"]);
    expect(admission.stats).toMatchObject({ active: 0, queued: 0, admitted: 5, refused: 0 });
  });

  it("refuses with 503 once the queue is full, and serves again when it drains", async () => {
    current = await serverWith({ maxActive: 1, maxQueued: 1 });
    const { held, request, admission } = current;
    const busy = request("/slow");
    await until(() => held.length === 1, "the slow request served");
    const waiting = request("/fast-1");
    await until(() => admission.stats.queued === 1, "one request waiting");
    expect(await request("/fast-2").answer).toEqual({ status: 503, body: "busy" });
    expect(admission.stats.refused).toBe(1);

    held.shift()?.res.end("slow");
    expect((await busy.answer).status).toBe(200);
    expect(await waiting.answer).toEqual({ status: 200, body: "done /fast-1" });
    expect(await request("/fast-3").answer).toEqual({ status: 200, body: "done /fast-3" });
  });

  it("skips a request whose client hung up while it waited", async () => {
    current = await serverWith({ maxActive: 1, maxQueued: 10 });
    const { held, started, request, admission } = current;
    const busy = request("/slow");
    await until(() => held.length === 1, "the slow request served");
    const gone = request("/gone");
    gone.answer.catch(() => {});
    await until(() => admission.stats.queued === 1, "the request waiting");
    const stays = request("/fast-stays");
    await until(() => admission.stats.queued === 2, "the second request waiting");
    gone.abort();
    await until(() => admission.stats.abandoned === 1, "the hang-up noticed");
    expect(admission.stats.queued).toBe(1);

    held.shift()?.res.end("slow");
    await busy.answer;
    expect(await stays.answer).toEqual({ status: 200, body: "done /fast-stays" });
    expect(started).toEqual(["/slow", "/fast-stays"]);
  });

  it("gives a slot back when a request outlives its lease, without ending that request", async () => {
    current = await serverWith({ maxActive: 1, maxQueued: 10, leaseMs: 150 });
    const { held, request, admission } = current;
    const long = request("/long");
    await until(() => held.length === 1, "the long request served");
    const next = request("/fast-next");
    expect(await next.answer).toEqual({ status: 200, body: "done /fast-next" });
    expect(admission.stats.released).toBe(1);
    // The long request is still being served, and answers normally.
    held.shift()?.res.end("long");
    expect(await long.answer).toEqual({ status: 200, body: "long" });
    expect(admission.stats.active).toBe(0);
  });

  it("lets bypassing requests through while the queue is full", async () => {
    current = await serverWith({ maxActive: 1, maxQueued: 0, bypass: (req) => req.url === "/health" });
    const { held, request, admission } = current;
    const busy = request("/slow");
    await until(() => held.length === 1, "the slow request served");
    expect((await request("/fast").answer).status).toBe(503);
    expect(await request("/health").answer).toEqual({ status: 200, body: "done /health" });
    expect(admission.stats).toMatchObject({ active: 1, admitted: 1, refused: 1 });
    held.shift()?.res.end("slow");
    await busy.answer;
  });

  it("rejects settings that would admit nothing", () => {
    expect(() => createAdmission({ maxActive: 0, maxQueued: 10 })).toThrow(new RangeError("maxActive must be a positive integer"));
    expect(() => createAdmission({ maxActive: 2.5, maxQueued: 10 })).toThrow(new RangeError("maxActive must be a positive integer"));
    expect(() => createAdmission({ maxActive: 2, maxQueued: -1 })).toThrow(new RangeError("maxQueued must be a non-negative integer"));
  });
});
