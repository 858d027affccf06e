// Per-creator storage quota: files plus open direct uploads, checked when a server upload arrives (database driver)
// and when a direct upload starts (bucket driver, against s3rver); over it is a 413 saying what is used and allowed.
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { directUploads, files } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { reloadEnv } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { storeFile } from "@/lib/files/files";
import { ACTION_LIMITS } from "@/lib/security/limits";
import { makeCreator } from "@/lib/testing/fixtures";
import { POST as startDirect } from "@/app/api/uploads/direct/route";
import { POST as uploadFile } from "@/app/api/uploads/files/route";
import { DEFAULT_BUCKET_QUOTA_BYTES, DEFAULT_DATABASE_QUOTA_BYTES, storageQuotaBytes, storageUsage } from "@/lib/storage/quota";
import { startTestS3Server, type TestS3Server } from "@/lib/storage/testing/s3-server";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.actor }));

const MIB = 1024 * 1024;
const db = () => testDatabase().db;

function setQuota(bytes: number | undefined) {
  if (bytes === undefined) delete process.env.STORAGE_QUOTA_BYTES;
  else process.env.STORAGE_QUOTA_BYTES = String(bytes);
  reloadEnv();
}

/** A stored file row that counts `byteSize` bytes against its owner (its bytes need not be real for the count). */
async function storedFile(ownerId: string, byteSize: number) {
  const data = new Uint8Array(randomBytes(16));
  await db()
    .insert(files)
    .values({
      ownerId,
      filename: "old.safetensors",
      contentType: "application/octet-stream",
      byteSize,
      sha256: createHash("sha256").update(data).digest("hex"),
      data,
    });
}

const jsonPost = (url: string, body: unknown) =>
  new Request(`http://localhost${url}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

afterEach(() => {
  session.actor = null;
  setQuota(undefined);
});

describe("storage quota with the database driver", () => {
  it("defaults to 2 GB in the database; STORAGE_QUOTA_BYTES overrides it", () => {
    expect(storageQuotaBytes()).toBe(DEFAULT_DATABASE_QUOTA_BYTES);
    setQuota(5 * MIB);
    expect(storageQuotaBytes()).toBe(5 * MIB);
  });

  it("stores a file that fits and refuses one that would pass the quota, saying what is used and allowed", async () => {
    setQuota(MIB);
    const creator = await makeCreator(db());
    await storedFile(creator.id, 900 * 1024);
    const fits = await storeFile(db(), creator, { filename: "a.bin", contentType: null, bytes: new Uint8Array(100 * 1024).fill(1) });
    expect(fits.byteSize).toBe(100 * 1024);
    expect(await storageUsage(db(), creator.id)).toEqual({ usedBytes: 1000 * 1024, quotaBytes: MIB });

    const refused = await storeFile(db(), creator, { filename: "b.bin", contentType: null, bytes: new Uint8Array(50 * 1024).fill(2) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("storage.quota_exceeded");
    expect((refused as DomainError).status).toBe(413);
    expect((refused as DomainError).message).toMatch(/^This file \(50 KB\) doesn't fit in your storage: 1,000 KB of 1 MB used\./);
    expect((await storageUsage(db(), creator.id)).usedBytes).toBe(1000 * 1024);
  });

  it("POST /api/uploads/files answers 413 storage.quota_exceeded for a body announced over the quota, and stores nothing", async () => {
    setQuota(MIB);
    const creator = await makeCreator(db());
    session.actor = creator;
    await storedFile(creator.id, MIB - 1000);
    const res = await uploadFile(
      new Request("http://localhost/api/uploads/files", {
        method: "POST",
        body: new Uint8Array(4096),
        headers: { "content-type": "application/octet-stream", "content-length": "4096", "x-file-name": "big.safetensors" },
      }),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: "storage.quota_exceeded",
      message:
        "This file (4 KB) doesn't fit in your storage: 1,023 KB of 1 MB used. Files no listing version uses are removed a day after upload; deleting a draft listing frees its file.",
    });
    expect((await storageUsage(db(), creator.id)).usedBytes).toBe(MIB - 1000);
  });
});

describe("storage quota with a bucket", () => {
  let s3: TestS3Server;
  beforeEach(async () => {
    s3 ??= await startTestS3Server();
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it("defaults to 20 GB with a bucket", () => {
    expect(storageQuotaBytes()).toBe(DEFAULT_BUCKET_QUOTA_BYTES);
  });

  it("counts open direct uploads: a start that would pass files + uploads in progress is refused 413 and opens nothing in the bucket", async () => {
    setQuota(100 * MIB);
    const creator = await makeCreator(db());
    session.actor = creator;
    await storedFile(creator.id, 40 * MIB);
    const first = await startDirect(jsonPost("/api/uploads/direct", { purpose: "file", filename: "a.safetensors", byteSize: 50 * MIB }));
    expect(first.status).toBe(201);
    expect(await storageUsage(db(), creator.id)).toEqual({ usedBytes: 90 * MIB, quotaBytes: 100 * MIB });
    const openBefore = await s3.openMultipartUploads();

    const second = await startDirect(jsonPost("/api/uploads/direct", { purpose: "file", filename: "b.safetensors", byteSize: 20 * MIB }));
    expect(second.status).toBe(413);
    expect(await second.json()).toMatchObject({
      error: "storage.quota_exceeded",
      message: expect.stringMatching(/^This file \(20 MB\) doesn't fit in your storage: 90 MB of 100 MB used\./),
    });
    expect(await s3.openMultipartUploads()).toBe(openBefore);

    // Images are not files: a cover upload is not counted or refused by the file quota.
    const cover = await startDirect(jsonPost("/api/uploads/direct", { purpose: "cover", filename: "c.jpg", contentType: "image/jpeg", byteSize: 2 * MIB }));
    expect(cover.status).toBe(201);
    expect((await storageUsage(db(), creator.id)).usedBytes).toBe(90 * MIB);
  });

  it("starting a direct upload over the upload rate limit answers 429 with Retry-After and when to try again", async () => {
    const creator = await makeCreator(db());
    session.actor = creator;
    await db().execute(
      sql`insert into rate_limits (key, count, reset_at) values (${`upload:${creator.id}`}, ${ACTION_LIMITS.upload.limit}, now() + make_interval(secs => 600))`,
    );
    const res = await startDirect(jsonPost("/api/uploads/direct", { purpose: "file", filename: "m.safetensors", byteSize: MIB }));
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(await res.json()).toEqual({ error: "upload.rate_limited", message: "You've uploaded a lot of files in a short time. Try again in 10 minutes." });
  });

  it("two starts at once that each fit but not together: one is refused", async () => {
    setQuota(100 * MIB);
    const creator = await makeCreator(db());
    session.actor = creator;
    const answers = await Promise.all(
      ["x", "y"].map((name) => startDirect(jsonPost("/api/uploads/direct", { purpose: "file", filename: `${name}.safetensors`, byteSize: 60 * MIB }))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 413]);
    const open = await db().select({ id: directUploads.id }).from(directUploads);
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect((await storageUsage(db(), creator.id)).usedBytes).toBe(60 * MIB);
  });
});
