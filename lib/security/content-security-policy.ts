// The Content-Security-Policy of every HTML response: scripts only with this request's nonce (Next puts it on its own
// scripts when it finds the policy on the request), and the bucket's origin for images and direct uploads.
import "server-only";
import { bucketConfig } from "@/lib/storage/config";

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Where the browser talks to the bucket: presigned uploads (connect-src) and any image served from it (img-src). */
export function bucketOrigins(): string[] {
  const config = bucketConfig();
  if (!config) return [];
  if (config.endpoint) {
    const endpoint = new URL(config.endpoint);
    // Virtual-hosted style puts the bucket in the host name; path style (MinIO, some R2 setups) keeps the endpoint's.
    return config.forcePathStyle ? [endpoint.origin] : [`${endpoint.protocol}//${config.bucket}.${endpoint.host}`, endpoint.origin];
  }
  return config.forcePathStyle
    ? [`https://s3.${config.region}.amazonaws.com`]
    : [`https://${config.bucket}.s3.${config.region}.amazonaws.com`, `https://${config.bucket}.s3.amazonaws.com`];
}

export type PolicyOptions = {
  nonce: string;
  development: boolean;
  /** Bucket origins (bucketOrigins()). */
  bucket: string[];
  /** True when the site is served over HTTPS (APP_URL). */
  upgradeInsecure: boolean;
  /** Off-site origins a form submission may redirect to (Stripe Checkout, GitHub sign-in). */
  formTargets?: string[];
};

export function contentSecurityPolicy({ nonce, development, bucket, upgradeInsecure, formTargets = [] }: PolicyOptions): string {
  const extra = bucket.length ? ` ${bucket.join(" ")}` : "";
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonced bootstrap load its chunks; 'self' is only a fallback for CSP2 browsers.
    // React needs eval in development only (error overlays); production never allows it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Styles keep 'unsafe-inline': React renders style="" attributes (chart sizes, upload progress bars, the global
    // error page) and nonces never apply to attributes. CSS can't run script, so this keeps XSS closed; a nonce here
    // would also switch 'unsafe-inline' off. Stylesheets themselves come from 'self'.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${extra}`,
    "font-src 'self' data:",
    `connect-src 'self'${extra}`,
    "media-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    `form-action 'self'${formTargets.length ? ` ${formTargets.join(" ")}` : ""}`,
    "base-uri 'self'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
    ...(upgradeInsecure ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
