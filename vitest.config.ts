import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: import.meta.dirname + "/" },
      // `server-only` throws outside React Server Components; lib code is plain server code in tests.
      { find: /^server-only$/, replacement: path.join(import.meta.dirname, "db/testing/server-only-stub.ts") },
    ],
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
    globalSetup: ["db/testing/global-setup.ts"],
    setupFiles: ["db/testing/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Auth.js imports "next/server" without an extension, which only resolves when Vite transforms it: inlined, its
    // route handler (/api/auth/*) runs under Vitest like any other.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    // Tests speak as if behind one trusted proxy, so X-Forwarded-For names the client (lib/security/client-address.ts).
    env: { NODE_ENV: "test", TRUSTED_PROXY_HOPS: "1" },
  },
});
