// Direct uploads and bucket downloads end to end: the route handlers, lib and the database are real, the bucket is a
// local S3-protocol server (s3rver) reached over HTTP, and the parts are PUT to presigned URLs with fetch.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { directUploads, files, images } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { pickleFile, safetensorsFile } from "@/lib/files/testing/model-files";
import { jpeg } from "@/lib/images/testing/fixtures";
import { contentFor, makeCreator, makeListing, makeOrder, makeUser } from "@/lib/testing/fixtures";
import { POST as start } from "./route";
import { POST as presignParts } from "@/app/api/uploads/direct/[id]/parts/route";
import { POST as complete } from "@/app/api/uploads/direct/[id]/complete/route";
import { DELETE as abort } from "@/app/api/uploads/direct/[id]/route";
import { GET as ownFile } from "@/app/api/files/[id]/route";
import { GET as libraryDownload } from "@/app/api/library/[listingId]/download/route";
import { GET as tokenDownload } from "@/app/api/downloads/[token]/route";
import { GET as imageRoute } from "@/app/api/images/[id]/route";
import { GET as storageCron } from "@/app/api/cron/storage/route";
import { reloadEnv } from "@/lib/env";
import { requireBucket } from "@/lib/storage/bucket";
import { startTestS3Server, type TestS3Server } from "@/lib/storage/testing/s3-server";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.actor }));

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startTestS3Server();
});
afterAll(async () => {
  await s3?.stop();
});
beforeEach(() => {
  session.actor = null;
});

const json = (url: string, method: string, body?: unknown) =>
  new Request(`http://localhost${url}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

type Started = { via: "bucket"; id: string; partSize: number; partCount: number };

async function startUpload(body: { purpose: string; filename: string; contentType?: string; byteSize: number }) {
  const res = await start(json("/api/uploads/direct", "POST", body));
  return { res, body: (await res.json()) as Started & { error?: string; message?: string } };
}

async function partUrls(id: string, partNumbers: number[]): Promise<Map<number, string>> {
  const res = await presignParts(json(`/api/uploads/direct/${id}/parts`, "POST", { partNumbers }), params({ id }));
  expect(res.status).toBe(200);
  const { parts } = (await res.json()) as { parts: { partNumber: number; url: string }[] };
  return new Map(parts.map((p) => [p.partNumber, p.url]));
}

/** What the browser does: PUT every part to its presigned URL and keep the ETags. */
async function putParts(upload: Started, bytes: Uint8Array<ArrayBuffer>) {
  const urls = await partUrls(
    upload.id,
    Array.from({ length: upload.partCount }, (_, i) => i + 1),
  );
  const parts = [];
  for (let n = 1; n <= upload.partCount; n++) {
    const res = await fetch(urls.get(n)!, { method: "PUT", body: bytes.subarray((n - 1) * upload.partSize, n * upload.partSize) });
    expect(res.status).toBe(200);
    parts.push({ partNumber: n, etag: res.headers.get("etag")! });
  }
  return parts;
}

const confirm = (id: string, body: unknown) => complete(json(`/api/uploads/direct/${id}/complete`, "POST", body), params({ id }));

// Two parts: 8 MiB of weights plus the header.
const model = new Uint8Array(safetensorsFile([{ name: "layer.weight", dtype: "F32", shape: [1024, 2100] }]));
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("direct uploads to the bucket", () => {
  it("a creator uploads a model in parts over presigned URLs; the file is recorded with its key, hash and check, not its bytes", async () => {
    const { db } = testDatabase();
    session.actor = await makeCreator(db);
    const { res, body: upload } = await startUpload({ purpose: "file", filename: "tiny.safetensors", byteSize: model.byteLength });
    expect(res.status).toBe(201);
    expect(upload).toMatchObject({ via: "bucket", partCount: 2 });

    const done = await confirm(upload.id, { parts: await putParts(upload, model) });
    expect(done.status).toBe(201);
    const file = (await done.json()) as { id: string; filename: string; byteSize: number; sha256: string };
    expect(file).toMatchObject({ filename: "tiny.safetensors", byteSize: model.byteLength, sha256: sha256(model) });

    const [row] = await db.select().from(files).where(eq(files.id, file.id));
    expect(row.data).toBeNull();
    expect(row.storageKey).toMatch(/^files\//);
    expect(row.inspection).toMatchObject({ ok: true, report: { format: "safetensors", parameterCount: 1024 * 2100 } });
    const [tracked] = await db.select().from(directUploads).where(eq(directUploads.id, upload.id));
    expect(tracked).toMatchObject({ status: "completed", fileId: file.id });
    expect(await s3.openMultipartUploads()).toBe(0);

    // The owner's own download is a redirect to a short-lived presigned GET that names the file.
    const own = await ownFile(new Request("http://localhost/"), params({ id: file.id }));
    expect(own.status).toBe(302);
    const location = own.headers.get("location")!;
    expect(location).toContain("X-Amz-Expires=60");
    const fetched = await fetch(location);
    expect(fetched.headers.get("content-disposition")).toContain('filename="tiny.safetensors"');
    expect(sha256(new Uint8Array(await fetched.arrayBuffer()))).toBe(sha256(model));
  });

  it("a part that failed is sent again with a fresh URL and the upload completes", async () => {
    const { db } = testDatabase();
    session.actor = await makeCreator(db);
    const { body: upload } = await startUpload({ purpose: "file", filename: "retry.safetensors", byteSize: model.byteLength });
    const first = (await partUrls(upload.id, [1])).get(1)!;
    // A part sent after its URL expired is refused by the bucket itself.
    const [tracked] = await db.select().from(directUploads).where(eq(directUploads.id, upload.id));
    const shortLived = await requireBucket().presignUploadPart(tracked.storageKey, tracked.multipartUploadId, 1, 1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const expired = await fetch(shortLived, { method: "PUT", body: model.subarray(0, 10) });
    expect(expired.status).toBe(403);
    // The connection drops mid-part: the bucket got half of it, and part 2 never arrived.
    const cut = await fetch(first, { method: "PUT", body: model.subarray(0, upload.partSize / 2) });
    expect(cut.status).toBe(200);
    // Confirming with a part missing is refused before the bucket assembles anything.
    const early = await confirm(upload.id, { parts: [{ partNumber: 1, etag: cut.headers.get("etag")! }] });
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ error: "upload.incomplete" });

    const parts = await putParts(upload, model); // every part again, part 1 overwritten whole
    const done = await confirm(upload.id, { parts });
    expect(done.status).toBe(201);
    expect(await done.json()).toMatchObject({ sha256: sha256(model), byteSize: model.byteLength });
  });

  it("cancelling drops the parts in the bucket and records nothing; the upload can't be completed afterwards", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    session.actor = creator;
    const { body: upload } = await startUpload({ purpose: "file", filename: "cancel.safetensors", byteSize: model.byteLength });
    const url = (await partUrls(upload.id, [1])).get(1)!;
    expect((await fetch(url, { method: "PUT", body: model.subarray(0, upload.partSize) })).status).toBe(200);
    expect(await s3.openMultipartUploads()).toBeGreaterThan(0);

    // Someone else can't cancel it (nor learn it exists).
    session.actor = await makeCreator(db);
    expect((await abort(json(`/api/uploads/direct/${upload.id}`, "DELETE"), params({ id: upload.id }))).status).toBe(404);
    session.actor = creator;
    expect((await abort(json(`/api/uploads/direct/${upload.id}`, "DELETE"), params({ id: upload.id }))).status).toBe(204);
    expect(await s3.openMultipartUploads()).toBe(0);
    const [tracked] = await db.select().from(directUploads).where(eq(directUploads.id, upload.id));
    expect(tracked.status).toBe("aborted");
    expect(await requireBucket().byteSize(tracked.storageKey)).toBeNull();
    expect(await db.select().from(files).where(eq(files.ownerId, creator.id))).toHaveLength(0);
    const late = await confirm(upload.id, {
      parts: [
        { partNumber: 1, etag: "x" },
        { partNumber: 2, etag: "y" },
      ],
    });
    expect(late.status).toBe(409);
  });

  it("refuses a declared size over the limit up front, and an object that is not the declared size at confirmation", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    session.actor = creator;
    const huge = await startUpload({ purpose: "file", filename: "huge.gguf", byteSize: 5 * 1024 ** 3 + 1 });
    expect(huge.res.status).toBe(413);
    expect(huge.body).toMatchObject({ error: "file.too_large", message: expect.stringContaining("the limit is 5 GB") });
    const bigImage = await startUpload({ purpose: "cover", filename: "cover.jpg", byteSize: 6 * 1024 * 1024 });
    expect(bigImage.res.status).toBe(413);

    // Declares 1 KB, sends the whole model: the object is dropped, nothing is recorded.
    const { body: upload } = await startUpload({ purpose: "file", filename: "liar.safetensors", byteSize: 1024 });
    expect(upload.partCount).toBe(1);
    const url = (await partUrls(upload.id, [1])).get(1)!;
    const put = await fetch(url, { method: "PUT", body: model });
    const refused = await confirm(upload.id, { parts: [{ partNumber: 1, etag: put.headers.get("etag")! }] });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: "upload.size_mismatch" });
    const [tracked] = await db.select().from(directUploads).where(eq(directUploads.id, upload.id));
    expect(tracked.status).toBe("aborted");
    expect(await requireBucket().byteSize(tracked.storageKey)).toBeNull();
    expect(await db.select().from(files).where(eq(files.ownerId, creator.id))).toHaveLength(0);
  });

  it("refuses a file whose content is not a model (a pickle named .safetensors): no object, no row", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    session.actor = creator;
    const pickle = new Uint8Array(pickleFile());
    const { body: upload } = await startUpload({ purpose: "file", filename: "model.safetensors", byteSize: pickle.byteLength });
    const refused = await confirm(upload.id, { parts: await putParts(upload, pickle) });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: "file.content_refused", message: expect.stringMatching(/pickle/i) });
    const [tracked] = await db.select().from(directUploads).where(eq(directUploads.id, upload.id));
    expect(await requireBucket().byteSize(tracked.storageKey)).toBeNull();
    expect(await db.select().from(files).where(eq(files.ownerId, creator.id))).toHaveLength(0);
  });

  it("only the creator who started an upload presigns or confirms it; people who aren't creators can't start one", async () => {
    const { db } = testDatabase();
    session.actor = await makeCreator(db);
    const { body: upload } = await startUpload({ purpose: "file", filename: "mine.safetensors", byteSize: model.byteLength });
    session.actor = await makeCreator(db);
    expect((await presignParts(json(`/api/uploads/direct/${upload.id}/parts`, "POST", { partNumbers: [1] }), params({ id: upload.id }))).status).toBe(404);
    expect((await confirm(upload.id, { parts: [{ partNumber: 1, etag: "x" }] })).status).toBe(404);
    session.actor = await makeUser(db);
    expect((await startUpload({ purpose: "file", filename: "a.safetensors", byteSize: 10 })).res.status).toBe(403);
    session.actor = null;
    expect((await startUpload({ purpose: "file", filename: "a.safetensors", byteSize: 10 })).res.status).toBe(401);
    const bad = await start(new Request("http://localhost/api/uploads/direct", { method: "POST", body: "{not json" }));
    expect(bad.status).toBe(400);
  });

  it("a cover's original goes to the bucket, is processed into cover and thumbnail rows, served as today, and the original is dropped", async () => {
    const { db } = testDatabase();
    session.actor = await makeCreator(db);
    const original = new Uint8Array(await jpeg(1200, 900));
    const { body: upload } = await startUpload({ purpose: "cover", filename: "cover.jpg", contentType: "image/jpeg", byteSize: original.byteLength });
    const done = await confirm(upload.id, { parts: await putParts(upload, original), focus: "top" });
    expect(done.status).toBe(201);
    const image = (await done.json()) as { id: string; width: number; url: string; thumbUrl: string };
    expect(image).toMatchObject({ width: 1200, url: `/api/images/${image.id}`, thumbUrl: `/api/images/${image.id}?size=thumb` });
    expect(await db.select({ id: images.id }).from(images).where(eq(images.id, image.id))).toHaveLength(1);
    const served = await imageRoute(new Request(`http://localhost${image.thumbUrl}`), params({ id: image.id }));
    expect(served.status).toBe(200);
    expect(served.headers.get("cache-control")).toContain("immutable");
    const [tracked] = await db.select().from(directUploads).where(eq(directUploads.id, upload.id));
    expect(tracked).toMatchObject({ status: "completed", imageId: image.id });
    expect(await requireBucket().byteSize(tracked.storageKey)).toBeNull();
  });

  it("a cover whose bytes are not an image is refused as the server route refuses it", async () => {
    const { db } = testDatabase();
    session.actor = await makeCreator(db);
    const fake = new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'></svg>");
    const { body: upload } = await startUpload({ purpose: "cover", filename: "cover.png", byteSize: fake.byteLength });
    const refused = await confirm(upload.id, { parts: await putParts(upload, fake) });
    expect(refused.status).toBe(415);
    expect(await refused.json()).toMatchObject({ error: "image.wrong_type" });
  });
});

describe("downloads of bucket-stored files", () => {
  it("an entitled buyer is redirected to a presigned GET of the exact bytes; others get 404 and no URL", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    session.actor = creator;
    const { body: upload } = await startUpload({ purpose: "file", filename: "sold.safetensors", byteSize: model.byteLength });
    const file = (await (await confirm(upload.id, { parts: await putParts(upload, model) })).json()) as { id: string };
    const listing = await makeListing(db, creator, { kind: "model", versions: [{ content: contentFor("model", file.id) }] });
    const buyer = await makeUser(db);
    await makeOrder(db, buyer, listing);

    session.actor = buyer;
    const issued = await libraryDownload(new Request(`http://localhost/api/library/${listing.id}/download`), params({ listingId: listing.id }));
    expect(issued.status).toBe(303);
    const link = issued.headers.get("location")!;
    const token = link.split("/").pop()!;
    const redirect = await tokenDownload(new Request(`http://localhost${link}`), params({ token }));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("cache-control")).toContain("no-store");
    const presigned = redirect.headers.get("location")!;
    expect(presigned.startsWith(s3.endpoint)).toBe(true);
    const fetched = await fetch(presigned);
    expect(fetched.status).toBe(200);
    expect(sha256(new Uint8Array(await fetched.arrayBuffer()))).toBe(sha256(model));

    const stranger = await makeUser(db);
    session.actor = stranger;
    const refused = await tokenDownload(new Request(`http://localhost${link}`), params({ token }));
    expect(refused.status).toBe(404);
    expect(refused.headers.get("location")).toBeNull();
    expect((await libraryDownload(new Request(`http://localhost/api/library/${listing.id}/download`), params({ listingId: listing.id }))).status).toBe(404);
    expect((await ownFile(new Request("http://localhost/"), params({ id: file.id }))).status).toBe(404);
  });
});

describe("abandoned uploads", () => {
  it("a person has at most 10 uploads in progress; the storage cron drops the parts of those open for a day", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    session.actor = creator;
    const started: Started[] = [];
    for (let i = 0; i < 10; i++) started.push((await startUpload({ purpose: "file", filename: `m${i}.safetensors`, byteSize: 1000 })).body);
    const eleventh = await startUpload({ purpose: "file", filename: "m10.safetensors", byteSize: 1000 });
    expect(eleventh.res.status).toBe(429);
    expect(eleventh.body).toMatchObject({ error: "upload.too_many_open" });
    const url = (await partUrls(started[0].id, [1])).get(1)!;
    expect((await fetch(url, { method: "PUT", body: new Uint8Array(1000) })).status).toBe(200);

    // A day later the tab is long closed: the cron (Bearer CRON_SECRET) aborts them, and starting works again.
    const open = await db
      .update(directUploads)
      .set({ createdAt: new Date(Date.now() - 25 * 3600_000) })
      .where(eq(directUploads.status, "open"))
      .returning({ id: directUploads.id });
    expect(open.length).toBeGreaterThanOrEqual(10);
    process.env.CRON_SECRET = "storage-cron-secret";
    reloadEnv();
    expect((await storageCron(new Request("http://localhost/api/cron/storage"))).status).toBe(401);
    const swept = await storageCron(new Request("http://localhost/api/cron/storage", { headers: { authorization: "Bearer storage-cron-secret" } }));
    expect(await swept.json()).toMatchObject({ aborted: open.length });
    expect(await s3.openMultipartUploads()).toBe(0);
    const rows = await db.select({ status: directUploads.status }).from(directUploads).where(eq(directUploads.ownerId, creator.id));
    expect(rows.every((r) => r.status === "aborted")).toBe(true);
    expect((await startUpload({ purpose: "file", filename: "again.safetensors", byteSize: 1000 })).res.status).toBe(201);
  });
});
