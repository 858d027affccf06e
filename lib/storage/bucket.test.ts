import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configuredBucket, requireBucket } from "./bucket";
import { startTestS3Server, type TestS3Server } from "./testing/s3-server";

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startTestS3Server();
});
afterAll(async () => {
  await s3?.stop();
});

describe("bucket driver against an S3-protocol server", () => {
  it("reads byte ranges: inside, across the end (shorter) and past the end (empty)", async () => {
    const bucket = requireBucket();
    const bytes = new Uint8Array(randomBytes(1000));
    await bucket.put("files/range-test", bytes, "application/octet-stream");
    expect(Buffer.from(await bucket.readRange("files/range-test", 0, 8))).toEqual(Buffer.from(bytes.subarray(0, 8)));
    expect(Buffer.from(await bucket.readRange("files/range-test", 500, 100))).toEqual(Buffer.from(bytes.subarray(500, 600)));
    expect(Buffer.from(await bucket.readRange("files/range-test", 990, 100))).toEqual(Buffer.from(bytes.subarray(990)));
    expect((await bucket.readRange("files/range-test", 1000, 10)).byteLength).toBe(0);
    expect(await bucket.byteSize("files/range-test")).toBe(1000);
    expect(await bucket.sha256("files/range-test")).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("has no size for a missing object, and deleting removes the object", async () => {
    const bucket = requireBucket();
    expect(await bucket.byteSize("files/never-written")).toBeNull();
    await bucket.put("files/short-lived", new Uint8Array([1, 2, 3]), "application/octet-stream");
    await bucket.delete("files/short-lived");
    expect(await bucket.byteSize("files/short-lived")).toBeNull();
  });

  it("assembles a multipart upload whose parts were PUT over HTTP to presigned URLs", async () => {
    const bucket = requireBucket();
    const part1 = new Uint8Array(randomBytes(5 * 1024 * 1024));
    const part2 = new Uint8Array(randomBytes(1234));
    const uploadId = await bucket.createMultipartUpload("files/multipart-test", "application/octet-stream");
    const parts = [];
    for (const [index, body] of [part1, part2].entries()) {
      const url = await bucket.presignUploadPart("files/multipart-test", uploadId, index + 1, 60);
      const res = await fetch(url, { method: "PUT", body });
      expect(res.status).toBe(200);
      parts.push({ partNumber: index + 1, etag: res.headers.get("etag")! });
    }
    await bucket.completeMultipartUpload("files/multipart-test", uploadId, parts);
    expect(await bucket.byteSize("files/multipart-test")).toBe(part1.byteLength + part2.byteLength);
    expect(Buffer.from(await bucket.readRange("files/multipart-test", part1.byteLength - 2, 4))).toEqual(
      Buffer.from([...part1.subarray(-2), ...part2.subarray(0, 2)]),
    );
    expect(await s3.openMultipartUploads()).toBe(0);
  });

  it("is the configured driver only while S3_BUCKET is set", async () => {
    expect(configuredBucket()?.config).toMatchObject({ bucket: s3.bucket, endpoint: s3.endpoint, forcePathStyle: true });
  });
});
