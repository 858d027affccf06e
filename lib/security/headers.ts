// Security headers every response carries (ARCHITECTURE.md, "Edge and observability"). No secrets and no server-only:
// next.config.mjs applies them to static files the proxy never sees, and proxy.ts to everything else.

/** Two years, subdomains included; only sent in production, where the site is served over HTTPS. */
const HSTS = "max-age=63072000; includeSubDomains";

export function staticSecurityHeaders(production = process.env.NODE_ENV === "production"): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(production ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
