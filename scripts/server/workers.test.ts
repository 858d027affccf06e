// `npm start` with SERVER_WORKERS: the primary (workers.mjs) runs that many server processes on one port, starts a
// dead one again, stops when one cannot start, relays a metrics scrape to every process, and stops them all on
// SIGTERM. Run over stand-in workers (testing/cluster-harness.mjs): Next is not needed to test the primary.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../support/server";

const HARNESS = path.join(import.meta.dirname, "testing", "cluster-harness.mjs");

type Primary = { child: ChildProcess; port: number; lines: Record<string, unknown>[]; exited: Promise<number | null> };
const started: Primary[] = [];

afterEach(() => {
  for (const { child } of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

async function startPrimary(env: Record<string, string>): Promise<Primary> {
  const port = await freePort();
  const child = spawn(process.execPath, [HARNESS], {
    env: { ...process.env, HARNESS_PORT: String(port), HARNESS_WORKERS: "2", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split("\n");
    buffered = complete.pop() ?? "";
    for (const line of complete) if (line.trim()) lines.push(JSON.parse(line));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const primary = { child, port, lines, exited };
  started.push(primary);
  return primary;
}

/** GET on a new connection: the body, or null when the connection failed or was cut. */
function get(port: number, pathname: string): Promise<string | null> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: pathname, agent: false }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve(body));
      res.on("error", () => resolve(null));
    });
    req.on("error", () => resolve(null));
    req.setTimeout(5_000, () => req.destroy());
  });
}

async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The pids answering on the port, from batches of simultaneous new connections, once `count` distinct ones answered. */
async function answeringPids(port: number, count: number): Promise<Set<number>> {
  const pids = new Set<number>();
  await until(async () => {
    const bodies = await Promise.all(Array.from({ length: 8 }, () => get(port, "/")));
    for (const body of bodies) if (body && /^\d+$/.test(body)) pids.add(Number(body));
    return pids.size >= count;
  }, `${count} processes answering`);
  return pids;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start with several server processes", () => {
  it("serves one port from that many processes, and a scrape reaching one of them gets every process's figures", async () => {
    const primary = await startPrimary({});
    const pids = await answeringPids(primary.port, 2);
    expect(pids.size).toBe(2);
    expect(pids.has(primary.child.pid!)).toBe(false);

    const relayed = JSON.parse((await get(primary.port, "/parts"))!) as { pid: number; parts: { pid: number }[][] };
    expect(new Set(relayed.parts.map(([part]) => part.pid))).toEqual(pids);
  });

  it("starts a process again when one dies, and keeps answering", async () => {
    const primary = await startPrimary({});
    const before = await answeringPids(primary.port, 2);
    await get(primary.port, "/die");
    const exited = await until(async () => primary.lines.find((l) => l.event === "server.worker_exited"), "the exit logged");
    expect(before.has(Number(exited.pid))).toBe(true);
    // Two processes again, one of them new; the scrape relay counts both.
    const after = await until(async () => {
      const relayed = JSON.parse((await get(primary.port, "/parts")) ?? "null") as { parts: { pid: number }[][] } | null;
      const pids = new Set(relayed?.parts.map(([part]) => part.pid));
      return pids.size === 2 && !pids.has(Number(exited.pid)) && pids;
    }, "a new process in the dead one's place");
    expect([...after].filter((pid) => !before.has(pid))).toHaveLength(1);
    expect(primary.child.exitCode).toBeNull();
  });

  it("stops with an error when a process cannot start, rather than starting it again and again", async () => {
    const primary = await startPrimary({ HARNESS_FAIL_START: "1" });
    expect(await primary.exited).toBe(1);
    expect(primary.lines.some((l) => l.event === "server.worker_start_failed")).toBe(true);
    expect(primary.lines.some((l) => l.event === "server.worker_exited")).toBe(false);
  });

  it("on SIGTERM stops every process and exits cleanly", async () => {
    const primary = await startPrimary({});
    const pids = await answeringPids(primary.port, 2);
    primary.child.kill("SIGTERM");
    expect(await primary.exited).toBe(0);
    await until(async () => [...pids].every((pid) => !alive(pid)), "every process gone", 5_000);
    expect(await get(primary.port, "/")).toBeNull();
  });
});

describe("SERVER_WORKERS", () => {
  /** The server's exit status and the messages of its log lines. */
  const runServer = (env: Record<string, string | undefined>) => {
    const run = spawnSync(process.execPath, [path.join(import.meta.dirname, "index.mjs")], {
      env: { ...process.env, DATABASE_URL: "", ...env },
      encoding: "utf8",
      timeout: 20_000,
    });
    const messages = run.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => String((JSON.parse(line) as { message?: unknown }).message));
    return { status: run.status, messages };
  };

  it("above 1 refuses to start on the embedded database, which one process serves", () => {
    const run = runServer({ SERVER_WORKERS: "2", DATABASE_URL: "" });
    expect(run.status).toBe(1);
    expect(run.messages).toEqual(["SERVER_WORKERS above 1 needs DATABASE_URL: the embedded database serves one process"]);
  });

  it("refuses a value that is not a whole number from 1 to 64", () => {
    for (const value of ["0", "2.5", "lots", "65"]) {
      const run = runServer({ SERVER_WORKERS: value });
      expect(run.status).toBe(1);
      expect(run.messages).toEqual([`SERVER_WORKERS must be a whole number from 1 to 64 (it is "${value}")`]);
    }
  });
});
