// A real S3-protocol server for the storage tests: s3rver on a random loopback port over a temporary folder,
// path-style, with one bucket. The environment points lib/storage at it until `stop()`.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver, { type S3rverContext } from "s3rver";
import { reloadEnv } from "@/lib/env";

export type TestS3Server = {
  endpoint: string;
  bucket: string;
  /** Multipart uploads the server still holds parts for (aborted or completed ones are gone). */
  openMultipartUploads(): Promise<number>;
  stop(): Promise<void>;
};

const S3_VARIABLES = ["S3_BUCKET", "S3_ENDPOINT", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE"] as const;

export async function startTestS3Server(bucket = "agora-test"): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), "agora-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
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

  const saved = Object.fromEntries(S3_VARIABLES.map((name) => [name, process.env[name]]));
  Object.assign(process.env, {
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
  });
  reloadEnv();

  return {
    endpoint,
    bucket,
    async openMultipartUploads() {
      const entries = await readdir(uploadsDir()).catch(() => []);
      return entries.length;
    },
    async stop() {
      for (const name of S3_VARIABLES) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      reloadEnv();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
