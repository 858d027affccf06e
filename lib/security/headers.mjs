// Security headers every response carries (ARCHITECTURE.md, "Edge and observability"). Plain JavaScript with types in
// headers.d.mts, so that next.config.mjs (build assets and the public GET API, which the proxy skips), the production
// server's own answers (scripts/server/answers.mjs) and proxy.ts (everything else) send one list. No secrets.

/** Two years, subdomains included; only sent in production, where the site is served over HTTPS. */
const HSTS = "max-age=63072000; includeSubDomains";

export function staticSecurityHeaders(production = process.env.NODE_ENV === "production") {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(production ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
