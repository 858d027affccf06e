// Whether a request carries an Auth.js session token that decodes with our secret — the proxy's cheap "signed in at
// all?" test. It reads no database: pages and lib still load the person and check status, role and session version.
import "server-only";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";

export async function hasSessionToken(headers: Headers): Promise<boolean> {
  const cookie = headers.get("cookie");
  if (!cookie || !cookie.includes("session-token")) return false;
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
