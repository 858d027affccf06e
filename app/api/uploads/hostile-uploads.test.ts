// Hostile uploads: oversized, stalled, broken and truncated bodies to the server upload routes and the Stripe
// webhook, and direct uploads that lie to the bucket (missing parts, wrong ETags, more bytes than declared). Each gets
// a clear 4xx within the idle timeout, records nothing, and an oversized stream is never held in memory.
import { count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { directUploads, files, images } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { safetensorsFile } from "@/lib/files/testing/model-files";
import { jpeg } from "@/lib/images/testing/fixtures";
import { bodyReadTimeouts } from "@/lib/security/body-limit";
import { brokenStream, countingStream, postToWebhook } from "@/lib/security/testing/streams";
import { requireBucket } from "@/lib/storage/bucket";
import { startTestS3Server, type TestS3Server } from "@/lib/storage/testing/s3-server";
import { makeCreator } from "@/lib/testing/fixtures";
import { POST as webhook } from "@/app/api/webhooks/stripe/route";
import { POST as complete } from "./direct/[id]/complete/route";
import { POST as presignParts } from "./direct/[id]/parts/route";
import { POST as startDirect } from "./direct/route";
import { POST as uploadFile } from "./files/route";
import { POST as uploadImage } from "./images/route";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.actor }));

const MB = 1024 * 1024;

const post = (url: string, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** Rows the uploads could have written. */
async function recorded() {
  const { db } = testDatabase();
  const [f] = await db.select({ n: count() }).from(files);
  const [i] = await db.select({ n: count() }).from(images);
  return { files: f.n, images: i.n };
}

/** The largest growth of this process's resident memory while `work` runs, in bytes. */
async function rssGrowthDuring<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growth: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

describe("oversized bodies", () => {
  it("a declared oversized body is refused by both upload routes before a byte is read: 413, or 415 for a form sent as a file", async () => {
    session.actor = await makeCreator(testDatabase().db);
    const before = await recorded();
    for (const [route, url, limit, type, error] of [
      [uploadFile, "/api/uploads/files", 50 * MB, "application/octet-stream", "file.too_large"],
      [uploadFile, "/api/uploads/files", 50 * MB, "multipart/form-data; boundary=x", "file.form_body"],
      [uploadImage, "/api/uploads/images?purpose=cover", 5 * MB, "multipart/form-data; boundary=x", "image.too_large"],
    ] as const) {
      const { body, state } = countingStream(10, 1024);
      const res = await route(post(url, body, { "content-type": type, "content-length": String(limit + 1) }));
      expect(await res.json()).toMatchObject({ error });
      expect(res.status).toBe(error === "file.form_body" ? 415 : 413);
      expect(state.pulled).toBe(0);
    }
    expect(await recorded()).toEqual(before);
  });

  it("a chunked 200 MB body is cut off at the limit (413) with memory growth under 64 MB, for files, images and the webhook", async () => {
    session.actor = await makeCreator(testDatabase().db);
    const before = await recorded();
    const chunk = 64 * 1024;
    for (const [name, send, limit] of [
      ["files", (body: ReadableStream) => uploadFile(post("/api/uploads/files", body, { "x-file-name": "huge.safetensors" })), 50 * MB],
      ["images", (body: ReadableStream) => uploadImage(post("/api/uploads/images?purpose=cover", body)), 5 * MB],
      ["webhook", (body: ReadableStream) => webhook(postToWebhook(body, { "stripe-signature": "t=1,v1=abc" })), 1 * MB],
    ] as const) {
      const { body, state } = countingStream((200 * MB) / chunk, chunk);
      const { result: res, growth } = await rssGrowthDuring(() => send(body));
      expect(res.status, name).toBe(413);
      expect(state.pulled * chunk, name).toBeLessThanOrEqual(limit + 2 * chunk);
      expect(growth, `${name}: RSS grew ${(growth / MB).toFixed(1)} MB`).toBeLessThan(64 * MB);
    }
    expect(await recorded()).toEqual(before);
  });
});

describe("bodies that stall or break off", () => {
  const idle = bodyReadTimeouts.idleMs;
  afterEach(() => {
    bodyReadTimeouts.idleMs = idle;
  });

  it("a body that trickles then stalls gets 408 within the idle timeout and nothing is written", async () => {
    session.actor = await makeCreator(testDatabase().db);
    bodyReadTimeouts.idleMs = 300;
    const before = await recorded();
    for (const send of [
      (body: ReadableStream) => uploadFile(post("/api/uploads/files", body, { "x-file-name": "slow.safetensors" })),
      (body: ReadableStream) => uploadImage(post("/api/uploads/images?purpose=cover", body)),
      (body: ReadableStream) => webhook(postToWebhook(body, { "stripe-signature": "t=1,v1=abc" })),
    ]) {
      const { body, state } = brokenStream(5, 1024, "stall");
      const started = performance.now();
      const res = await send(body);
      expect(res.status).toBe(408);
      expect(await res.json()).toMatchObject({ error: "request.stalled" });
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(state.cancelled).toBe(true);
    }
    expect(await recorded()).toEqual(before);
  });

  it("a body whose connection drops mid-way gets 400 request.incomplete and nothing is written", async () => {
    session.actor = await makeCreator(testDatabase().db);
    const before = await recorded();
    for (const send of [
      (body: ReadableStream) => uploadFile(post("/api/uploads/files", body, { "x-file-name": "cut.safetensors" })),
      (body: ReadableStream) => uploadImage(post("/api/uploads/images?purpose=cover", body)),
      (body: ReadableStream) => webhook(postToWebhook(body, { "stripe-signature": "t=1,v1=abc" })),
    ]) {
      const res = await send(brokenStream(3, 4096, "error").body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: "request.incomplete" });
    }
    expect(await recorded()).toEqual(before);
  });

  it("a truncated multipart body is refused with a 4xx by both upload routes, and nothing is written", async () => {
    session.actor = await makeCreator(testDatabase().db);
    const before = await recorded();
    const image = await jpeg(900, 700);
    const head = `--xyz\r\nContent-Disposition: form-data; name="file"; filename="cover.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
    const truncated = Buffer.concat([Buffer.from(head), Buffer.from(image).subarray(0, image.byteLength / 2)]);
    const headers = { "content-type": "multipart/form-data; boundary=xyz", "x-file-name": "weights.safetensors" };
    const asFile = await uploadFile(post("/api/uploads/files", truncated, headers));
    expect(asFile.status).toBe(415);
    expect(await asFile.json()).toMatchObject({ error: "file.form_body" });
    const asImage = await uploadImage(post("/api/uploads/images?purpose=cover", truncated, headers));
    expect(asImage.status).toBeGreaterThanOrEqual(400);
    expect(asImage.status).toBeLessThan(500);
    // The image itself cut in half (no multipart around it) is refused too.
    const half = await uploadImage(post("/api/uploads/images?purpose=cover", Buffer.from(image).subarray(0, image.byteLength / 2)));
    expect(half.status).toBeGreaterThanOrEqual(400);
    expect(half.status).toBeLessThan(500);
    expect(await recorded()).toEqual(before);
  });
});

describe("direct uploads that lie to the bucket", () => {
  let s3: TestS3Server;
  beforeAll(async () => {
    s3 = await startTestS3Server();
  });
  afterAll(async () => {
    await s3?.stop();
  });

  const json = (url: string, body: unknown) =>
    new Request(`http://localhost${url}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  /** Starts an upload and PUTs `parts` (part number → bytes) to their presigned URLs; returns the real ETags. */
  async function upload(declared: { purpose: string; filename: string; byteSize: number }, parts: Map<number, Uint8Array<ArrayBuffer>>) {
    const started = await startDirect(json("/api/uploads/direct", declared));
    expect(started.status).toBe(201);
    const { id, partCount } = (await started.json()) as { id: string; partCount: number };
    const numbers = [...parts.keys()];
    const presigned = await presignParts(json(`/api/uploads/direct/${id}/parts`, { partNumbers: numbers }), params(id));
    const urls = new Map(((await presigned.json()) as { parts: { partNumber: number; url: string }[] }).parts.map((p) => [p.partNumber, p.url]));
    const etags = new Map<number, string>();
    for (const [n, bytes] of parts) {
      const put = await fetch(urls.get(n)!, { method: "PUT", body: bytes });
      expect(put.status).toBe(200);
      etags.set(n, put.headers.get("etag")!);
    }
    return { id, partCount, etags };
  }

  const confirm = (id: string, parts: { partNumber: number; etag: string }[]) => complete(json(`/api/uploads/direct/${id}/complete`, { parts }), params(id));

  async function expectNothingRecorded(id: string, before: { files: number; images: number }) {
    expect(await recorded()).toEqual(before);
    const [row] = await testDatabase().db.select().from(directUploads).where(eq(directUploads.id, id));
    expect(row.fileId).toBeNull();
    expect(row.status).not.toBe("completed");
  }

  // Two parts: 8 MiB of weights plus the header.
  const model = new Uint8Array(safetensorsFile([{ name: "layer.weight", dtype: "F32", shape: [1024, 2100] }]));
  const split = (bytes: Uint8Array<ArrayBuffer>, partSize: number) =>
    new Map(Array.from({ length: Math.ceil(bytes.byteLength / partSize) }, (_, i) => [i + 1, bytes.subarray(i * partSize, (i + 1) * partSize)] as const));

  it("confirming with a part missing, or a part listed twice, is 422 upload.incomplete and records nothing", async () => {
    session.actor = await makeCreator(testDatabase().db);
    const before = await recorded();
    const { id, partCount, etags } = await upload({ purpose: "file", filename: "two-parts.safetensors", byteSize: model.byteLength }, split(model, 8 * MB));
    expect(partCount).toBe(2);
    const missing = await confirm(id, [{ partNumber: 1, etag: etags.get(1)! }]);
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ error: "upload.incomplete" });
    const twice = await confirm(id, [
      { partNumber: 1, etag: etags.get(1)! },
      { partNumber: 1, etag: etags.get(1)! },
    ]);
    expect(twice.status).toBe(422);
    await expectNothingRecorded(id, before);
  });

  it("a last part bigger than declared (the total over the declared size) is refused and the object dropped", async () => {
    session.actor = await makeCreator(testDatabase().db);
    const before = await recorded();
    const declared = model.byteLength - 4096;
    const { id, etags } = await upload({ purpose: "file", filename: "over.safetensors", byteSize: declared }, split(model, 8 * MB));
    const res = await confirm(
      id,
      [...etags].map(([partNumber, etag]) => ({ partNumber, etag })),
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: "upload.size_mismatch" });
    await expectNothingRecorded(id, before);
    const [row] = await testDatabase().db.select().from(directUploads).where(eq(directUploads.id, id));
    expect(await requireBucket().byteSize(row.storageKey)).toBeNull();
  });

  it("a cover declared small that sends more than the image limit is refused 413 and the object dropped", async () => {
    session.actor = await makeCreator(testDatabase().db);
    const before = await recorded();
    const oversized = new Uint8Array(6 * MB).fill(7);
    const { id, etags } = await upload({ purpose: "cover", filename: "cover.jpg", byteSize: 100 * 1024 }, new Map([[1, oversized]]));
    const res = await confirm(id, [{ partNumber: 1, etag: etags.get(1)! }]);
    expect(res.status).toBe(413);
    await expectNothingRecorded(id, before);
  });
});
