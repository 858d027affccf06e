// The bucket driver: any S3-compatible object storage (AWS S3, Cloudflare R2, MinIO) through @aws-sdk/client-s3.
// Browsers upload parts and download objects through presigned URLs; no large body passes through a server function.
import "server-only";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { DomainError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { bucketConfig, type BucketConfig } from "./config";
import { streamedBufferReleaser } from "./streamed-buffers";
import type { StorageDriver } from "./driver";

export type UploadedPart = { partNumber: number; etag: string };

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

/** The bucket's "no such key" (404 on HEAD has no error body, so the name alone is not enough). */
export function isMissingObject(error: unknown): boolean {
  return statusOf(error) === 404 || (error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound"));
}

// A bucket that does not answer (network, 5xx) is a 503 the person can retry, never a 500 with SDK details.
async function answered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const status = statusOf(error);
    if (error instanceof S3ServiceException && status !== undefined && status < 500) throw error;
    logger.error({ event: "storage.unavailable", err: error }, "bucket request failed");
    throw new DomainError("storage.unavailable");
  }
}

export class BucketStorage implements StorageDriver {
  readonly name = "bucket" as const;
  readonly client: S3Client;

  constructor(readonly config: BucketConfig) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      credentials: config.credentials,
      forcePathStyle: config.forcePathStyle,
      // Checksums only where S3 requires them: R2, MinIO and older gateways refuse the newer default headers,
      // and a presigned part URL must not carry a checksum of a body the server never saw.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await answered(() => this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: bytes, ContentType: contentType })));
  }

  async readRange(key: string, start: number, length: number): Promise<Uint8Array> {
    if (length <= 0) return new Uint8Array();
    try {
      const object = await answered(() =>
        this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key, Range: `bytes=${start}-${start + length - 1}` })),
      );
      const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
      // A server that ignores Range answers the whole object: keep only what was asked for.
      return object.ContentRange ? bytes : bytes.subarray(start, start + length);
    } catch (error) {
      // Reading from (or past) the end of an object is an empty read, as with a file.
      if (statusOf(error) === 416) return new Uint8Array();
      throw error;
    }
  }

  async read(key: string): Promise<Uint8Array> {
    const object = await answered(() => this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key })));
    return (await object.Body?.transformToByteArray()) ?? new Uint8Array();
  }

  /** sha256 of the whole object, streamed: memory stays flat whatever the size. */
  async sha256(key: string): Promise<string> {
    const object = await answered(() => this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key })));
    const hash = createHash("sha256");
    const release = streamedBufferReleaser();
    try {
      for await (const chunk of object.Body as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        release(chunk.byteLength);
      }
    } catch (error) {
      logger.error({ event: "storage.unavailable", err: error }, "reading an object failed");
      throw new DomainError("storage.unavailable");
    }
    return hash.digest("hex");
  }

  async byteSize(key: string): Promise<number | null> {
    try {
      const head = await answered(() => this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key })));
      return head.ContentLength ?? null;
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await answered(() => this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key })));
  }

  async createMultipartUpload(key: string, contentType: string): Promise<string> {
    const created = await answered(() =>
      this.client.send(new CreateMultipartUploadCommand({ Bucket: this.config.bucket, Key: key, ContentType: contentType })),
    );
    if (!created.UploadId) throw new DomainError("storage.unavailable");
    return created.UploadId;
  }

  /** A URL the browser PUTs one part's bytes to; the answer's ETag header names the part when completing. */
  presignUploadPart(key: string, uploadId: string, partNumber: number, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.client, new UploadPartCommand({ Bucket: this.config.bucket, Key: key, UploadId: uploadId, PartNumber: partNumber }), {
      expiresIn: expiresInSeconds,
    });
  }

  async completeMultipartUpload(key: string, uploadId: string, parts: UploadedPart[]): Promise<void> {
    await answered(() =>
      this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.config.bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: [...parts].sort((a, b) => a.partNumber - b.partNumber).map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
        }),
      ),
    );
  }

  /** Drops the parts uploaded so far; an upload that is already gone counts as aborted. */
  async abortMultipartUpload(key: string, uploadId: string): Promise<void> {
    try {
      await answered(() => this.client.send(new AbortMultipartUploadCommand({ Bucket: this.config.bucket, Key: key, UploadId: uploadId })));
    } catch (error) {
      if (!isMissingObject(error)) throw error;
    }
  }

  /** A short-lived GET that downloads the object as an attachment named `filename`, whatever type was stored. */
  presignDownload(key: string, opts: { disposition: string; expiresInSeconds: number }): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.config.bucket,
        Key: key,
        ResponseContentDisposition: opts.disposition,
        ResponseContentType: "application/octet-stream",
        ResponseCacheControl: "private, no-store",
      }),
      { expiresIn: opts.expiresInSeconds },
    );
  }
}

const clients = new Map<string, BucketStorage>();

/** The configured bucket (one client per configuration and process), or null when files live in the database. */
export function configuredBucket(): BucketStorage | null {
  const config = bucketConfig();
  if (!config) return null;
  const id = JSON.stringify(config);
  let bucket = clients.get(id);
  if (!bucket) {
    bucket = new BucketStorage(config);
    clients.set(id, bucket);
  }
  return bucket;
}

/** The configured bucket, for bytes that are known to live in one (a 503 with a clear message when it is not configured). */
export function requireBucket(): BucketStorage {
  const bucket = configuredBucket();
  if (!bucket) throw new DomainError("storage.bucket_missing");
  return bucket;
}
