// The part of s3rver (a local S3-protocol server, dev dependency) the storage tests use; it ships no types.
declare module "s3rver" {
  import type { AddressInfo } from "node:net";
  type Middleware = (ctx: S3rverContext, next: () => Promise<void>) => Promise<void> | void;
  export type S3rverContext = { method: string; path: string; query: Record<string, string | undefined>; status: number; body: unknown };
  export default class S3rver {
    constructor(options: {
      address?: string;
      port?: number;
      directory: string;
      silent?: boolean;
      resetOnClose?: boolean;
      allowMismatchedSignatures?: boolean;
      configureBuckets?: { name: string; configs?: string[] }[];
    });
    middleware: Middleware[];
    store: { getResourcePath(bucket: string, key: string | undefined, resource: string): string };
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
