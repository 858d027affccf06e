// Where to send someone after signing in (returnTo, callbackUrl, next): only a path on this site, whatever was typed.
// The one parser for every return path, so no page or action checks prefixes by hand.

const BASE = "http://agora.invalid";

/**
 * A same-origin path (with its query and hash) to return to, or `fallback`. The value is parsed as a URL against a
 * placeholder origin, the way a browser would resolve it, and kept only when it stays on that origin: `//evil.com`,
 * `/\evil.com`, `/%09/evil.com`, `https://evil.com` and `javascript:` all fall back.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  // Browsers strip tabs and newlines and read a backslash as a slash; reject anything that changes under that reading.
  if (/[\u0000-\u001f\\]/.test(value)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  if (/[\u0000-\u001f\\]/.test(decoded) || decoded.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
