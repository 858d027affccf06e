import { describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { gpsJpeg, headerBombPng, jpeg, svgRenamedPng } from "@/lib/images/testing/fixtures";
import { makeAdmin, makeCreator, makeUser } from "@/lib/testing/fixtures";
import { GET as downloadFile } from "../files/[id]/route";
import { POST as uploadFile } from "./files/route";
import { POST as uploadImage } from "./images/route";
import { POST as startDirect } from "./direct/route";
import { reloadEnv } from "@/lib/env";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.actor }));

function post(url: string, body: Uint8Array, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${url}`, { method: "POST", body: Buffer.from(body), headers, duplex: "half" } as RequestInit);
}

describe("POST /api/uploads/images", () => {
  it("stores a good image and answers with its urls; a hostile one gets a clear 4xx, never a 500", async () => {
    const { db } = testDatabase();
    session.actor = await makeCreator(db);
    const ok = await uploadImage(post("/api/uploads/images?purpose=cover", await gpsJpeg(), { "content-type": "image/jpeg" }));
    expect(ok.status).toBe(201);
    const body = (await ok.json()) as { id: string; url: string; thumbUrl: string; width: number };
    expect(body).toMatchObject({ width: 1200, url: `/api/images/${body.id}`, thumbUrl: `/api/images/${body.id}?size=thumb` });

    const svg = await uploadImage(post("/api/uploads/images", svgRenamedPng(), { "content-type": "image/png" }));
    expect(svg.status).toBe(415);
    expect(await svg.json()).toMatchObject({ error: "image.wrong_type", message: expect.stringMatching(/JPEG, PNG or WebP/) });
    const bomb = await uploadImage(post("/api/uploads/images", headerBombPng()));
    expect(bomb.status).toBe(413);
    const small = await uploadImage(post("/api/uploads/images", await jpeg(640, 480)));
    expect(small.status).toBe(422);
  });

  it("refuses a declared oversize body before reading it, and strangers and non-creators up front", async () => {
    const { db } = testDatabase();
    session.actor = await makeCreator(db);
    const declared = await uploadImage(post("/api/uploads/images", new Uint8Array(10), { "content-length": String(6 * 1024 * 1024) }));
    expect(declared.status).toBe(413);

    session.actor = null;
    expect((await uploadImage(post("/api/uploads/images", await jpeg(900, 700)))).status).toBe(401);
    session.actor = await makeUser(db);
    expect((await uploadImage(post("/api/uploads/images?purpose=cover", await jpeg(900, 700)))).status).toBe(403);
    expect((await uploadImage(post("/api/uploads/images?purpose=avatar", await jpeg(900, 700)))).status).toBe(201);
    expect((await uploadImage(post("/api/uploads/images?purpose=banner", await jpeg(900, 700)))).status).toBe(400);
  });
});

describe("attached files: upload and download", () => {
  it("stores name, size and sha256; only the owner and admins can download it, as an attachment", async () => {
    const { db } = testDatabase();
    const owner = await makeCreator(db);
    session.actor = owner;
    const bytes = new TextEncoder().encode("weights…");
    const res = await uploadFile(
      post("/api/uploads/files", bytes, { "x-file-name": encodeURIComponent("my model.safetensors"), "content-type": "application/x-evil; charset=x" }),
    );
    expect(res.status).toBe(201);
    const file = (await res.json()) as { id: string; filename: string; byteSize: number; sha256: string; contentType: string };
    expect(file).toMatchObject({ filename: "my model.safetensors", byteSize: bytes.byteLength, contentType: "application/x-evil" });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const params = { params: Promise.resolve({ id: file.id }) };
    const own = await downloadFile(new Request("http://localhost/"), params);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("application/octet-stream");
    expect(own.headers.get("content-disposition")).toContain("attachment;");
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(bytes);

    session.actor = await makeCreator(db);
    expect((await downloadFile(new Request("http://localhost/"), params)).status).toBe(404);
    session.actor = await makeAdmin(db);
    expect((await downloadFile(new Request("http://localhost/"), params)).status).toBe(200);
    session.actor = null;
    expect((await downloadFile(new Request("http://localhost/"), params)).status).toBe(401);
  });

  it("refuses files over the configured limit while streaming, and non-creators before reading", async () => {
    const { db } = testDatabase();
    session.actor = await makeCreator(db);
    vi.stubEnv("FILE_UPLOAD_MAX_BYTES", "2048");
    reloadEnv();
    try {
      const res = await uploadFile(post("/api/uploads/files", new Uint8Array(4096)));
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: "file.too_large", message: "This file is too large; the limit is 2 KB." });
    } finally {
      vi.unstubAllEnvs();
      reloadEnv();
    }
    session.actor = await makeUser(db);
    expect((await uploadFile(post("/api/uploads/files", new Uint8Array(10)))).status).toBe(403);
  });
});

describe("POST /api/uploads/direct without a bucket", () => {
  it("tells the browser to post the body to the server, after the same size and role checks", async () => {
    const { db } = testDatabase();
    session.actor = await makeCreator(db);
    const start = (body: unknown) => startDirect(new Request("http://localhost/api/uploads/direct", { method: "POST", body: JSON.stringify(body) }));
    const res = await start({ purpose: "file", filename: "m.safetensors", byteSize: 1000 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ via: "server" });
    // The database driver keeps today's cap (FILE_UPLOAD_MAX_BYTES, 50 MB by default).
    expect((await start({ purpose: "file", filename: "m.safetensors", byteSize: 51 * 1024 * 1024 })).status).toBe(413);
    session.actor = await makeUser(db);
    expect((await start({ purpose: "file", filename: "m.safetensors", byteSize: 1000 })).status).toBe(403);
  });
});
