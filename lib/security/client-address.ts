// The client address rate limits count against: from the platform when Agora runs on Vercel, or from a configured number
// of trusted proxy hops in X-Forwarded-For (counted from the right), never from what the client wrote itself.
import "server-only";
import { isIP } from "node:net";
import { env } from "@/lib/env";

export type AddressSource = {
  /** Vercel sets VERCEL=1; its edge overwrites x-vercel-forwarded-for and x-real-ip, so a client can't choose them. */
  onVercel: boolean;
  /** Proxies in front of the app that append to X-Forwarded-For (TRUSTED_PROXY_HOPS): 0 = trust none of it. */
  trustedHops: number;
};

/** The deployment's source of truth: VERCEL (set by the platform) and TRUSTED_PROXY_HOPS (validated in lib/env.ts). */
export function addressSource(): AddressSource {
  return { onVercel: process.env.VERCEL === "1", trustedHops: env().TRUSTED_PROXY_HOPS };
}

function wellFormed(value: string | null | undefined): string | null {
  const candidate = value?.trim() ?? "";
  // Brackets and a port can come with IPv6 ("[::1]:443") or IPv4 ("1.2.3.4:80") from some proxies.
  const bare = candidate.replace(/^\[([^\]]+)\](?::\d+)?$/, "$1").replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, "$1");
  return isIP(bare) ? bare.toLowerCase() : null;
}

/**
 * The address a request comes from, or "unknown" (which still counts: every unknown client shares one budget).
 * - On Vercel: `x-vercel-forwarded-for`, then `x-real-ip` — both set by Vercel's edge.
 * - Behind N trusted proxies: the N-th address from the right of X-Forwarded-For, i.e. the one the outermost trusted
 *   proxy saw connecting. Everything left of it was written by the client and is ignored.
 * - Otherwise (TRUSTED_PROXY_HOPS=0, e.g. `next start` facing the internet): headers are not trusted at all.
 */
export function clientAddress(headers: Headers, source: AddressSource = addressSource()): string {
  if (source.onVercel) {
    const platform = wellFormed(headers.get("x-vercel-forwarded-for")?.split(",")[0]) ?? wellFormed(headers.get("x-real-ip"));
    return platform ?? "unknown";
  }
  if (source.trustedHops > 0) {
    const hops = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    if (hops.length >= source.trustedHops) return wellFormed(hops[hops.length - source.trustedHops]) ?? "unknown";
    return "unknown";
  }
  return "unknown";
}

/**
 * Why this deployment's rate limits can't tell clients apart, or null. In production off Vercel with no trusted proxy,
 * every client counts as "unknown" and shares one budget. Next (`next start`) does not expose the socket's peer address
 * to the app: it copies it into X-Forwarded-For only when the client sent none, so the client can choose it and it is
 * not trusted either. The fix is a proxy in front that appends the real address, and TRUSTED_PROXY_HOPS=1 (or more).
 */
export function sharedBudgetWarning(source: AddressSource, production: boolean): string | null {
  if (!production || source.onVercel || source.trustedHops > 0) return null;
  return (
    "TRUSTED_PROXY_HOPS is 0 off Vercel: rate limits can't tell clients apart, so all of them share one budget per limit " +
    "(sign-in, sign-up, the public API). Put a reverse proxy that appends the client address to X-Forwarded-For in front " +
    "of `next start` and set TRUSTED_PROXY_HOPS to the number of such proxies."
  );
}
