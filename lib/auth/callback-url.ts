// Auth.js reads a `callbackUrl` from the query (and keeps it in a cookie) and answers one it cannot parse as an http(s)
// address with a 500 "server configuration" error. The auth route checks both first and answers a clear 400 instead.
import { DomainError } from "@/lib/errors";

const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];
const MESSAGE = "callbackUrl must be a path on this site, like /library.";

/** The same test Auth.js applies: a path resolved against this origin, or an absolute http(s) address. */
function isHttpUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    const raw = rest.join("=");
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

/** Throws `input.invalid` (400) when the request's callbackUrl, in the query or Auth.js's cookie, is not an address. */
export function assertAuthCallbackUrl(request: Request): void {
  const url = new URL(request.url);
  const values = [url.searchParams.get("callbackUrl"), ...CALLBACK_COOKIES.map((name) => cookieValue(request.headers.get("cookie"), name))];
  for (const value of values) {
    if (value !== null && !isHttpUrl(value, url.origin)) throw new DomainError("input.invalid", { issue: MESSAGE, fieldErrors: { callbackUrl: [MESSAGE] } });
  }
}
