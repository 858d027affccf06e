// Plain JavaScript, not TypeScript: `next start` would otherwise load the SWC compiler (~25 MB of resident memory for
// the life of the server) only to read this file.
/** @type {import("next").NextConfig} */
const nextConfig = {
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
