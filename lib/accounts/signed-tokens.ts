// Short-lived values the server hands itself through a browser or another request (the two-factor step of a sign-in,
// a finished sign-in handed to Auth.js, a session re-issue), signed with AUTH_SECRET so no one can make one up.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

type Purpose = "two_factor_challenge" | "sign_in_ticket" | "session_reissue" | "github_link";

function mac(purpose: Purpose, body: string): Buffer {
  return createHmac("sha256", env().authSecret).update(`${purpose}|${body}`).digest();
}

/** `payload` (no dots) signed for `purpose`, valid for `ttlSeconds`. */
export function signValue(purpose: Purpose, payload: string, ttlSeconds: number, now = Date.now()): string {
  const body = `${payload}.${Math.floor(now / 1000) + ttlSeconds}`;
  return `${body}.${mac(purpose, body).toString("base64url")}`;
}

/** The payload of a genuine, unexpired value signed for `purpose`, else null. */
export function readSignedValue(purpose: Purpose, token: unknown, now = Date.now()): string | null {
  if (typeof token !== "string" || token.length > 512) return null;
  const parts = token.split(".");
  if (parts.length < 3) return null;
  const signature = Buffer.from(parts.pop() as string, "base64url");
  const body = parts.join(".");
  const expected = mac(purpose, body);
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
  const expires = Number(parts.pop());
  if (!Number.isFinite(expires) || expires * 1000 < now) return null;
  return parts.join(".");
}
