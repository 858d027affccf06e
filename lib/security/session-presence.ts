// Whether a request carries an Auth.js session token that decodes with our secret — the proxy's cheap "signed in at
// all?" test. It reads no database: pages and lib still load the person and check status, role and session version.
import "server-only";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";

/**
 * Whether a Cookie header could hold an Auth.js session at all: `authjs.session-token` (plain HTTP),
 * `__Secure-authjs.session-token` (HTTPS), or their chunks (`.0`, `.1`… for a large token). Without one Auth.js finds no
 * session either, so a signed-out request needs nothing more (the layout's header on every page asks).
 */
export function mayCarrySession(cookie: string | null | undefined): cookie is string {
  return Boolean(cookie && /(?:^|;)\s*(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/.test(cookie));
}

export async function hasSessionToken(headers: Headers): Promise<boolean> {
  const cookie = headers.get("cookie");
  if (!mayCarrySession(cookie)) return false;
  // Only the cookie: getToken would otherwise try an Authorization bearer (an API key) as a session.
  const req = { headers: new Headers({ cookie }) };
  const secret = env().authSecret;
  // `__Secure-authjs.session-token` over HTTPS, `authjs.session-token` over plain HTTP (development, journeys).
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret, secureCookie, logger: { error() {}, warn() {}, debug() {} } }).catch(() => null);
    if (token && typeof token.uid === "string") return true;
  }
  return false;
}
