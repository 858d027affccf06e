// `npm run bench -- storage [--size-mb N]`: a large model file through the bucket driver end to end, the way a browser
// does it. s3rver on loopback (lib/storage/testing) and `npm start` with S3_BUCKET; a safetensors-shaped file of N MiB
// (default 1024) generated to disk and streamed from it, never held in memory; uploaded through the real direct
// multipart API (create → part URLs → PUT parts, three at a time → complete) and downloaded through the owner's
// presigned redirect, its sha256 checked. The next-server process's RSS (/proc/<pid>/status VmRSS) is sampled every
// 100 ms: no large body should pass through it (target peak ≤ 150 MB). One JSON object per line.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { openDatabase } from "@/db/client";
import { DEMO_PASSWORD, seedDatabase } from "@/lib/demo-data/seed";
import { serveTestBucket } from "@/lib/storage/testing/s3-server";
import { createScratchDatabase, DEFAULT_ADMIN_URL } from "../support/database";
import { runMain } from "../support/main";
import { ensureBuild, startNextServer } from "../support/server";

const emit = (line: Record<string, unknown>) => console.log(JSON.stringify({ bench: "storage", ...line }));
const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const MIB = 1024 * 1024;
const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
const TARGET_PEAK_RSS_MB = 150;
const PART_CONCURRENCY = 3;

/**
 * Writes a safetensors file of exactly `bytes` bytes: an 8-byte header length, the JSON header (one U8 tensor covering
 * the data, padded with spaces to 8 bytes as the format allows), then random data written 1 MiB at a time.
 */
async function writeSafetensors(file: string, bytes: number): Promise<{ sha256: string }> {
  const headerFor = (dataBytes: number) =>
    JSON.stringify({ __metadata__: { format: "pt" }, weights: { dtype: "U8", shape: [dataBytes], data_offsets: [0, dataBytes] } });
  // The header's own length changes the data size by a digit at most: settle it, then pad to 8 bytes.
  let headerLength = headerFor(bytes).length;
  for (let i = 0; i < 3; i++) headerLength = Math.ceil(headerFor(bytes - 8 - headerLength).length / 8) * 8;
  const dataBytes = bytes - 8 - headerLength;
  const header = Buffer.from(headerFor(dataBytes).padEnd(headerLength, " "));
  if (header.length !== headerLength) throw new Error("safetensors header did not settle");
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(headerLength));
  const hash = createHash("sha256");
  async function* chunks() {
    for (const part of [prefix, header]) {
      hash.update(part);
      yield part;
    }
    for (let left = dataBytes; left > 0; left -= MIB) {
      const chunk = randomBytes(Math.min(MIB, left));
      hash.update(chunk);
      yield chunk;
    }
  }
  await pipeline(chunks(), createWriteStream(file));
  return { sha256: hash.digest("hex") };
}

/** The process tree under `root` (pid → comm), read from /proc. */
async function descendants(root: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // Fields after the command (which may hold spaces) start after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid) parents.set(Number(entry), ppid);
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parents) {
      if (parent !== pid) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

/** The next-server process: the node process scripts/start.sh execs (its title is next-server) or the largest under it. */
async function nextServerPid(root: number): Promise<{ pid: number; comm: string }> {
  let best = { pid: root, rss: 0, comm: "" };
  for (const pid of [root, ...(await descendants(root))]) {
    const comm = (await readFile(`/proc/${pid}/comm`, "utf8").catch(() => "")).trim();
    const rss = await rssKb(pid);
    if (comm.startsWith("next-server") || rss > best.rss) best = { pid, rss: comm.startsWith("next-server") ? Infinity : rss, comm };
  }
  return { pid: best.pid, comm: best.comm };
}

/** Samples VmRSS every 100 ms; `phase` names which part of the run each sample belongs to. */
function rssSampler(pid: number) {
  const peaks: Record<string, number> = {};
  let phase = "idle";
  const timer = setInterval(() => {
    void rssKb(pid).then((kb) => {
      peaks[phase] = Math.max(peaks[phase] ?? 0, kb);
    });
  }, 100);
  return {
    set phase(name: string) {
      phase = name;
    },
    peakMb: (name: string) => round((peaks[name] ?? 0) / 1024, 1),
    overallMb: () => round(Math.max(0, ...Object.values(peaks)) / 1024, 1),
    stop: () => clearInterval(timer),
  };
}

/** A cookie-carrying client for the app: JSON calls with the session, from the app's own origin. */
function appClient(base: string) {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const headers = (extra: Record<string, string> = {}) => ({ cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "), origin: base, ...extra });
  return {
    async signIn(email: string, password: string) {
      const csrf = await fetch(`${base}/api/auth/csrf`, { headers: headers() });
      keep(csrf);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const res = await fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        headers: headers({ "content-type": "application/x-www-form-urlencoded" }),
        body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
        redirect: "manual",
      });
      keep(res);
      const session = (await (await fetch(`${base}/api/auth/session`, { headers: headers() })).json()) as { user?: { id?: string } } | null;
      if (!session?.user?.id) throw new Error(`sign-in as ${email} gave no session`);
    },
    async json<T>(method: string, url: string, body?: unknown): Promise<T> {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: headers({ "content-type": "application/json" }),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
      return JSON.parse(text) as T;
    },
    async redirectOf(url: string): Promise<string> {
      const res = await fetch(`${base}${url}`, { headers: headers(), redirect: "manual" });
      const location = res.headers.get("location");
      if (res.status !== 302 || !location) throw new Error(`GET ${url} answered ${res.status}, not a redirect to the bucket`);
      return location;
    },
  };
}

/** PUTs bytes [start, end) of `file` to a presigned part URL, streamed from disk; returns the part's ETag. */
function putPart(url: string, file: string, start: number, end: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "PUT", headers: { "content-length": end - start } }, (res) => {
      res.resume();
      res.on("end", () => {
        const etag = res.headers.etag;
        if (res.statusCode !== 200 || !etag) reject(new Error(`part PUT answered ${res.statusCode}`));
        else resolve(etag);
      });
    });
    req.on("error", reject);
    createReadStream(file, { start, end: end - 1 })
      .on("error", reject)
      .pipe(req);
  });
}

/** GETs a URL and hashes the body as it streams; returns sha256 and size. */
function hashDownload(url: string): Promise<{ sha256: string; bytes: number; filename: string | null }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`download answered ${res.statusCode}`));
        const hash = createHash("sha256");
        let bytes = 0;
        res.on("data", (chunk: Buffer) => {
          hash.update(chunk);
          bytes += chunk.length;
        });
        res.on("end", () =>
          resolve({ sha256: hash.digest("hex"), bytes, filename: /filename="([^"]+)"/.exec(res.headers["content-disposition"] ?? "")?.[1] ?? null }),
        );
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

async function main() {
  const sizeMb = Number(arg("--size-mb") ?? 1024);
  if (!Number.isInteger(sizeMb) || sizeMb < 1 || sizeMb > 5 * 1024) throw new Error("--size-mb must be a whole number of MiB from 1 to 5120");
  const bytes = sizeMb * MIB;
  const work = await mkdtemp(path.join(os.tmpdir(), "agora-bench-storage-"));
  const scratch = await createScratchDatabase("agora_bench_storage", process.env.DATABASE_URL || DEFAULT_ADMIN_URL);
  try {
    const file = path.join(work, "bench-model.safetensors");
    let t0 = performance.now();
    const { sha256 } = await writeSafetensors(file, bytes);
    emit({ event: "generated", size_mb: sizeMb, bytes, seconds: round((performance.now() - t0) / 1000) });

    const handle = await openDatabase({ url: scratch.url, pgliteDir: scratch.pgliteDir });
    await handle.migrate();
    await seedDatabase(handle.db, { listings: 0, log: () => {} });
    await handle.close();

    const bucket = await serveTestBucket("agora-bench");
    ensureBuild({ reuse: process.env.BENCH_REBUILD !== "1" });
    const server = await startNextServer({ DATABASE_URL: scratch.url ?? "", PGLITE_DIR: scratch.pgliteDir ?? "", ...bucket.env }, { quiet: true });
    const target = await nextServerPid(server.process.pid!);
    const rss = rssSampler(target.pid);
    try {
      await new Promise((r) => setTimeout(r, 300));
      const app = appClient(server.url);
      rss.phase = "sign_in";
      await app.signIn("creator@demo.test", DEMO_PASSWORD);
      await new Promise((r) => setTimeout(r, 300));
      emit({
        event: "server",
        pid: target.pid,
        process: target.comm,
        database: scratch.url ? "postgres" : "pglite",
        // Before anything of the bench: the server as started (health checks only), then after signing in.
        started_rss_mb: rss.peakMb("idle"),
        after_sign_in_rss_mb: rss.peakMb("sign_in"),
      });

      // Upload: create → part URLs (in batches, as the browser asks) → PUT parts three at a time → complete.
      rss.phase = "put_parts";
      t0 = performance.now();
      const started = await app.json<{ via: string; id: string; partSize: number; partCount: number }>("POST", "/api/uploads/direct", {
        purpose: "file",
        filename: "bench-model.safetensors",
        contentType: "application/octet-stream",
        byteSize: bytes,
      });
      if (started.via !== "bucket") throw new Error("the server did not offer a direct upload to the bucket");
      const parts: { partNumber: number; etag: string }[] = [];
      let next = 1;
      await Promise.all(
        Array.from({ length: PART_CONCURRENCY }, async () => {
          while (next <= started.partCount) {
            const partNumber = next++;
            const { parts: urls } = await app.json<{ parts: { partNumber: number; url: string }[] }>("POST", `/api/uploads/direct/${started.id}/parts`, {
              partNumbers: [partNumber],
            });
            const start = (partNumber - 1) * started.partSize;
            parts.push({ partNumber, etag: await putPart(urls[0].url, file, start, Math.min(bytes, start + started.partSize)) });
          }
        }),
      );
      const putSeconds = (performance.now() - t0) / 1000;
      rss.phase = "confirm";
      const t1 = performance.now();
      const confirmed = await app.json<{ id: string; sha256: string; byteSize: number }>("POST", `/api/uploads/direct/${started.id}/complete`, { parts });
      const confirmSeconds = (performance.now() - t1) / 1000;
      const uploadSeconds = (performance.now() - t0) / 1000;
      if (confirmed.sha256 !== sha256) throw new Error(`the server recorded sha256 ${confirmed.sha256}, the file is ${sha256}`);
      emit({
        event: "upload",
        size_mb: sizeMb,
        parts: started.partCount,
        part_mb: round(started.partSize / MIB, 1),
        seconds: round(uploadSeconds),
        mb_per_s: round(sizeMb / uploadSeconds, 1),
        put_parts_seconds: round(putSeconds),
        put_parts_mb_per_s: round(sizeMb / putSeconds, 1),
        // Completing reads the whole object once to hash it (streamed) and its header to check it.
        confirm_seconds: round(confirmSeconds),
        peak_server_rss_mb: Math.max(rss.peakMb("put_parts"), rss.peakMb("confirm")),
        peak_server_rss_mb_while_parts_go_to_the_bucket: rss.peakMb("put_parts"),
        peak_server_rss_mb_while_confirming: rss.peakMb("confirm"),
        sha256_recorded_ok: true,
      });

      // Download: the owner's link answers a presigned redirect; the bytes come from the bucket.
      rss.phase = "download";
      t0 = performance.now();
      const location = await app.redirectOf(`/api/files/${confirmed.id}`);
      const got = await hashDownload(location);
      const downloadSeconds = (performance.now() - t0) / 1000;
      emit({
        event: "download",
        size_mb: sizeMb,
        seconds: round(downloadSeconds),
        mb_per_s: round(sizeMb / downloadSeconds, 1),
        bytes: got.bytes,
        filename: got.filename,
        sha256_ok: got.sha256 === sha256,
        peak_server_rss_mb: rss.peakMb("download"),
      });
      if (got.sha256 !== sha256 || got.bytes !== bytes) throw new Error("the downloaded bytes are not the uploaded file");
      const peak = rss.overallMb();
      emit({
        event: "summary",
        size_mb: sizeMb,
        peak_server_rss_mb: peak,
        // What the file added on top of the signed-in server (a body passing through would add about its size).
        peak_growth_over_signed_in_mb: round(peak - rss.peakMb("sign_in"), 1),
        target_peak_rss_mb: TARGET_PEAK_RSS_MB,
        within_target: peak <= TARGET_PEAK_RSS_MB,
      });
    } finally {
      rss.stop();
      await server.stop();
      await bucket.stop();
    }
  } finally {
    await scratch.drop();
    await rm(work, { recursive: true, force: true });
  }
}

runMain(main);
