// A real S3-protocol server for the storage tests and journeys: s3rver on a random loopback port over a temporary
// folder, path-style, with one bucket (CORS open to any origin, ETag exposed, as README asks of a real bucket).
// startTestS3Server also points lib/storage at it through the environment until `stop()`.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver, { type S3rverContext } from "s3rver";
import { reloadEnv } from "@/lib/env";

export type TestBucket = {
  endpoint: string;
  bucket: string;
  /** The S3_* variables that point Agora at this bucket. */
  env: Record<string, string>;
  /** Multipart uploads the server still holds parts for (aborted or completed ones are gone). */
  openMultipartUploads(): Promise<number>;
  stop(): Promise<void>;
};
export type TestS3Server = TestBucket;

const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

/** Starts the server without touching this process's environment (the journeys hand `env` to the app server). */
export async function serveTestBucket(bucket = "agora-test"): Promise<TestBucket> {
  const directory = await mkdtemp(path.join(tmpdir(), "agora-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true, configureBuckets: [{ name: bucket, configs: [CORS] }] });
  const uploadsDir = () => server.store.getResourcePath(bucket, undefined, "uploads");
  // s3rver 3.7 has no AbortMultipartUpload (DELETE ?uploadId=): drop the upload's parts as S3 does.
  server.middleware.unshift(async (ctx: S3rverContext, next) => {
    const uploadId = ctx.query.uploadId;
    if (ctx.method !== "DELETE" || !uploadId) return next();
    if (!/^[0-9a-f]+$/.test(uploadId)) {
      ctx.status = 400;
      return;
    }
    await rm(path.join(uploadsDir(), uploadId), { recursive: true, force: true });
    ctx.status = 204;
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    },
    async openMultipartUploads() {
      const entries = await readdir(uploadsDir()).catch(() => []);
      return entries.length;
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Starts the server and sets the S3_* variables of this process (restored by `stop()`). */
export async function startTestS3Server(bucket = "agora-test"): Promise<TestS3Server> {
  const served = await serveTestBucket(bucket);
  const saved = Object.fromEntries(Object.keys(served.env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, served.env);
  reloadEnv();
  return {
    ...served,
    async stop() {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      reloadEnv();
      await served.stop();
    },
  };
}
