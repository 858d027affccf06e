// Plain JavaScript, not TypeScript: `next start` would otherwise load the SWC compiler (~25 MB of resident memory for
// the life of the server) only to read this file.
import { fileURLToPath } from "node:url";
import { staticSecurityHeaders } from "./lib/security/headers.mjs";

/** @type {import("next").NextConfig} */
const nextConfig = {
  // `next start` instances share revalidated cache tags through Postgres (lib/cache/handler.mjs); Vercel's own data
  // cache is shared already (VERCEL is set in its builds and functions).
  cacheHandler: process.env.VERCEL ? undefined : fileURLToPath(new URL("./lib/cache/handler.mjs", import.meta.url)),
  // Lets two builds (e.g. a benchmark and a journey run) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships WASM + data files that must be loaded from node_modules at runtime, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "sharp"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "6mb" },
    // Routes load on their first request instead of all at start: a server that only answers a few routes (an upload
    // and a download, a health check) stays ~20 MB smaller (132 vs 151 MB RSS after its first health check).
    preloadEntriesOnStart: false,
  },
  async headers() {
    return [
      {
        // Every response, the proxy's or not: build assets and the public GET API (proxy.ts, config.matcher) get them
        // only from here. `next build` runs with NODE_ENV=production, so a production build sends HSTS too.
        source: "/:path*",
        headers: Object.entries(staticSecurityHeaders()).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default nextConfig;
