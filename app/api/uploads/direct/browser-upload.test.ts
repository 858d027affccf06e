// The browser side of direct uploads (components/dashboard/direct-upload.ts) driven for real: its fetch calls reach
// the route handlers, its part PUTs go over HTTP to a local S3-protocol server through a small XMLHttpRequest
// stand-in (Node has none), which can also drop a part's connection on purpose.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { directUploads, files } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { safetensorsFile } from "@/lib/files/testing/model-files";
import { makeCreator } from "@/lib/testing/fixtures";
import { startTestS3Server, type TestS3Server } from "@/lib/storage/testing/s3-server";
import { startUpload, type UploadPhase } from "@/components/dashboard/direct-upload";
import type { UploadedFile } from "@/components/dashboard/upload";
import { POST as start } from "./route";
import { POST as presignParts } from "./[id]/parts/route";
import { POST as complete } from "./[id]/complete/route";
import { DELETE as abort } from "./[id]/route";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.actor }));

const realFetch = globalThis.fetch;
const sentParts: number[] = [];
let dropPart: { partNumber: number; times: number } | null = null;
let afterPart: ((partNumber: number) => void) | null = null;

// The app's own routes, called in-process as the browser would call them over HTTP.
async function appFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  if (!url.startsWith("/api/uploads/direct")) return realFetch(input, init);
  const request = new Request(`http://localhost${url}`, init);
  const [, , , , id, action] = url.split("/");
  const params = { params: Promise.resolve({ id }) };
  if (!id) return start(request);
  if (action === "parts") return presignParts(request, params);
  if (action === "complete") return complete(request, params);
  return abort(request, params);
}

class FakeXhr {
  status = 0;
  upload: { onprogress: ((event: { loaded: number; lengthComputable: boolean; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private method = "GET";
  private url = "";
  private headers = new Headers();
  private control = new AbortController();
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader() {}
  getResponseHeader(name: string) {
    return this.headers.get(name);
  }
  abort() {
    this.control.abort();
  }
  send(body: Blob) {
    const partNumber = Number(new URL(this.url).searchParams.get("partNumber"));
    void (async () => {
      if (dropPart?.partNumber === partNumber && dropPart.times > 0) {
        dropPart.times--;
        this.upload.onprogress?.({ loaded: body.size / 2, total: body.size, lengthComputable: true });
        return this.onerror?.();
      }
      try {
        const res = await realFetch(this.url, { method: this.method, body: new Uint8Array(await body.arrayBuffer()), signal: this.control.signal });
        this.status = res.status;
        this.headers = res.headers;
        await res.arrayBuffer();
        this.upload.onprogress?.({ loaded: body.size, total: body.size, lengthComputable: true });
        sentParts.push(partNumber);
        this.onload?.();
        afterPart?.(partNumber);
      } catch {
        if (this.control.signal.aborted) this.onabort?.();
        else this.onerror?.();
      }
    })();
  }
}

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startTestS3Server();
  vi.stubGlobal("fetch", appFetch);
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await s3?.stop();
});
beforeEach(() => {
  sentParts.length = 0;
  dropPart = null;
  afterPart = null;
});

// Three parts: two of 8 MiB and the rest.
const model = new Uint8Array(safetensorsFile([{ name: "layer.weight", dtype: "F32", shape: [2048, 2100] }]));
const modelFile = () => new File([model], "browser.safetensors", { type: "application/octet-stream" });
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function watch() {
  const phases: UploadPhase[] = [];
  const progress: number[] = [];
  return { phases, progress, onPhase: (phase: UploadPhase) => phases.push(phase), onProgress: (fraction: number) => progress.push(fraction) };
}

describe("browser direct upload", () => {
  it("sends the parts, retries one whose connection dropped, and confirms the file with its sha256", async () => {
    const { db } = testDatabase();
    session.actor = await makeCreator(db);
    dropPart = { partNumber: 2, times: 1 };
    const seen = watch();
    const result = await startUpload<UploadedFile>(modelFile(), { purpose: "file", ...seen }).result;
    expect(result).toMatchObject({ ok: true, data: { filename: "browser.safetensors", byteSize: model.byteLength, sha256: sha256(model) } });
    expect(sentParts.sort()).toEqual([1, 2, 3]);
    expect(dropPart?.times).toBe(0);
    expect(seen.progress.at(-1)).toBe(1);
    expect(seen.phases.slice(-2)).toEqual(["confirming", "done"]);
  });

  it("pauses after a part and resumes with the parts still missing", async () => {
    const { db } = testDatabase();
    session.actor = await makeCreator(db);
    const seen = watch();
    const upload = startUpload<UploadedFile>(modelFile(), { purpose: "file", ...seen });
    afterPart = () => {
      afterPart = null;
      upload.pause();
    };
    await vi.waitFor(() => expect(seen.phases).toContain("paused"), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.phases.at(-1)).toBe("paused");
    upload.resume();
    const result = await upload.result;
    expect(result).toMatchObject({ ok: true, data: { sha256: sha256(model) } });
  });

  it("cancel drops the parts in the bucket and records no file", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    session.actor = creator;
    const seen = watch();
    const upload = startUpload<UploadedFile>(modelFile(), { purpose: "file", ...seen });
    afterPart = () => {
      afterPart = null;
      upload.cancel();
    };
    const result = await upload.result;
    expect(result).toMatchObject({ ok: false, error: "Upload cancelled." });
    await vi.waitFor(async () => {
      const rows = await db.select().from(directUploads).where(eq(directUploads.ownerId, creator.id));
      expect(rows.map((r) => r.status)).toEqual(["aborted"]);
    });
    expect(await s3.openMultipartUploads()).toBe(0);
    expect(await db.select().from(files).where(eq(files.ownerId, creator.id))).toHaveLength(0);
  });
});
