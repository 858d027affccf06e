// Short-lived, HMAC-signed download tokens bound to one user, one file and one listing.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/uuid";

/** How long a download link works after it was issued. */
export const DOWNLOAD_LINK_TTL_SECONDS = 5 * 60;

export type DownloadClaims = { userId: string; fileId: string; listingId: string; expiresAt: number };

export type DownloadTokenCheck = { ok: true; claims: DownloadClaims } | { ok: false; reason: "malformed" | "bad_signature" | "expired" | "wrong_user" };

// A key of its own, derived from AUTH_SECRET, so a download signature is never valid as anything else.
function signingKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("agora:download-links:v1").digest();
}

function sign(payload: string, secret: string): Buffer {
  return createHmac("sha256", signingKey(secret)).update(payload).digest();
}

/** `<payload>.<signature>`, both base64url; the payload is `userId.fileId.listingId.expiresAt`. */
export function issueDownloadToken(claims: Omit<DownloadClaims, "expiresAt">, opts: { now?: number; ttlSeconds?: number; secret?: string } = {}): string {
  const now = opts.now ?? Date.now();
  const expiresAt = Math.floor(now / 1000) + (opts.ttlSeconds ?? DOWNLOAD_LINK_TTL_SECONDS);
  const payload = Buffer.from([claims.userId, claims.fileId, claims.listingId, String(expiresAt)].join(".")).toString("base64url");
  return `${payload}.${sign(payload, opts.secret ?? env().authSecret).toString("base64url")}`;
}

/**
 * Checks signature (timing-safe), expiry and that the token was issued to `userId`.
 * Nothing in the payload is trusted until the signature matches.
 */
export function verifyDownloadToken(token: string, userId: string, opts: { now?: number; secret?: string } = {}): DownloadTokenCheck {
  if (typeof token !== "string" || token.length > 512) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[1])) {
    return { ok: false, reason: "malformed" };
  }
  const [payload, signature] = parts;
  const expected = sign(payload, opts.secret ?? env().authSecret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad_signature" };

  const fields = Buffer.from(payload, "base64url").toString("utf8").split(".");
  if (fields.length !== 4) return { ok: false, reason: "malformed" };
  const [tokenUser, fileId, listingId, exp] = fields;
  const expiresAt = Number(exp);
  if (!isUuid(tokenUser) || !isUuid(fileId) || !isUuid(listingId) || !Number.isInteger(expiresAt)) {
    return { ok: false, reason: "malformed" };
  }
  if (tokenUser !== userId) return { ok: false, reason: "wrong_user" };
  if (Math.floor((opts.now ?? Date.now()) / 1000) >= expiresAt) return { ok: false, reason: "expired" };
  return { ok: true, claims: { userId: tokenUser, fileId, listingId, expiresAt } };
}
