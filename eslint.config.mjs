import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layers a machine checks (ARCHITECTURE.md, "Layers"): app → components → lib → db, and nothing at run time reaches
// into scripts/ or test fixtures. import/no-restricted-paths resolves "@/…" aliases, relative paths and dynamic
// import() alike. Type-only imports count too: components speak lib's types, not db's.
const LAYER_ZONES = [
  {
    target: "./lib",
    from: ["./app", "./components"],
    message: "lib/ is the domain: it never imports app/ or components/ (ARCHITECTURE.md, Layers).",
  },
  {
    target: "./db",
    from: "./lib",
    except: ["./env.ts"],
    message: "db/ holds the schema and the client: it imports nothing from lib/ but lib/env (ARCHITECTURE.md, Layers).",
  },
  {
    target: "./components",
    from: "./db",
    message: "Components never touch db/ (types included): the page loads data through lib/ and passes it down (ARCHITECTURE.md, Layers).",
  },
  {
    target: "./components",
    from: "./app",
    message: "Components receive server actions as props from the page; they never import app/ (ARCHITECTURE.md, Server actions).",
  },
  {
    target: ["./app", "./components", "./lib", "./db"],
    from: "./scripts",
    message: "Runtime code never imports scripts/ (entry points only); what the app needs at run time lives in lib/ (ARCHITECTURE.md, Layers).",
  },
];

// Runtime modules (not tests, not fixtures) never import test fixtures.
const FIXTURE_ZONES = [
  {
    target: ["./app", "./components", "./lib", "./db"],
    from: ["./lib/testing/**", "./lib/*/testing/**", "./db/testing/**", "./e2e/**"],
    message: "Test fixtures are for tests: runtime code never imports a testing/ folder or e2e/ (ARCHITECTURE.md, Tests).",
  },
];

const TEST_FILES = ["**/*.test.ts", "**/testing/**"];

// Links come from components/ui/link.tsx: next/link's default prefetching costs the server a render per link on screen.
const NO_NEXT_LINK = {
  name: "next/link",
  message: "Import Link from @/components/ui/link: it turns off prefetching, which costs the server a render for every link on screen.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", ".data/**", "drizzle/**", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      "import/no-restricted-paths": ["error", { zones: LAYER_ZONES }],
    },
  },
  {
    files: ["app/**", "components/**", "lib/**", "db/**"],
    ignores: TEST_FILES,
    rules: {
      "import/no-restricted-paths": ["error", { zones: [...LAYER_ZONES, ...FIXTURE_ZONES] }],
    },
  },
  {
    // Pages, layouts, route handlers and actions call lib; they never build SQL.
    files: ["app/**"],
    ignores: ["app/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            NO_NEXT_LINK,
            { name: "drizzle-orm", message: "app/ never builds SQL: call the lib function that owns the query (ARCHITECTURE.md, Layers)." },
            { name: "postgres", message: "app/ never talks to the database directly: call lib (ARCHITECTURE.md, Layers)." },
            {
              name: "@/db/client",
              importNames: ["queryRows", "openDatabase", "getDatabase", "useDatabase", "ensureDatabase", "closeDatabase"],
              message: "app/ gets the database with getDb() and hands it to lib; it runs no statements itself (ARCHITECTURE.md, Layers).",
            },
          ],
          patterns: [{ group: ["drizzle-orm/*"], message: "app/ never builds SQL: call the lib function that owns the query (ARCHITECTURE.md, Layers)." }],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name=/^(db|tx)$/][callee.property.name=/^(select|selectDistinct|insert|update|delete|execute|transaction)$/]",
          message: "app/ never queries the database: call the lib function that owns the query (ARCHITECTURE.md, Layers).",
        },
      ],
    },
  },
  {
    files: ["components/**", "lib/**"],
    ignores: ["components/ui/link.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [NO_NEXT_LINK] }] },
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);
