// Plain JavaScript, not TypeScript: `next start` would otherwise load the SWC compiler (~25 MB of resident memory for
// the life of the server) only to read this file.
import { fileURLToPath } from "node:url";

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
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
